import { isStaffRole } from "@driehoek/domain";
import { Args, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { requireViewer } from "../../access/guards.js";
import { hashPassword, verifyPassword } from "../../auth/password.js";
import { inviteIdFromToken, signAccessToken } from "../../auth/tokens.js";
import type { RequestContext } from "../../context.js";
import { inTransaction } from "../../db/transaction.js";
import { unauthenticated } from "../../graphql/errors.js";
import { throttlesOf } from "../../security/throttles.js";
import { Invite } from "../invite/invite.entity.js";
import { Person } from "../people/person.entity.js";
import { startSession } from "../session/session.service.js";
import { AuthPayload, JoinArgs, LoginArgs } from "./auth.types.js";

// Compared against when the e-mail is unknown, so both cases take the same time.
const decoyHash = hashPassword("not-a-password");

/** Entry: staff log in; students and praktijkopleiders open their invite link. */
@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, { description: "Staff log in with e-mail and password." })
  async login(@Args(() => LoginArgs) { email, password }: LoginArgs, @Ctx() ctx: RequestContext) {
    const { dataSource, serverKey, config, now } = ctx.services;
    const attempt = await throttlesOf(ctx.services).login.begin(email);
    const person = await dataSource.manager.findOneBy(Person, {
      email: email.trim().toLowerCase(),
    });
    const matches = await verifyPassword(password, person?.passwordHash ?? (await decoyHash));
    if (!person?.passwordHash || !matches || !isStaffRole(person.role) || person.deactivatedAt) {
      await attempt.failed();
      throw unauthenticated("E-mail address or password is not correct.", "bad_credentials");
    }
    await attempt.succeeded();
    // Whole seconds, as in the token, so the session row and the token end together.
    const expiresAt = new Date(
      Math.floor((now().getTime() + config.accessTokenTtlSeconds * 1000) / 1000) * 1000,
    );
    const sessionId = await startSession(ctx.services, person.id, expiresAt);
    const accessToken = signAccessToken(serverKey, {
      sub: person.id,
      role: person.role,
      sid: sessionId,
      exp: expiresAt.getTime() / 1000,
    });
    return { accessToken, role: person.role, conversationId: null, expiresAt, person };
  }

  @Mutation(() => AuthPayload, {
    description:
      "Opens a personal invite link. Reusable until it expires or is revoked; once the conversation is signed it opens the locked record read-only.",
  })
  async joinWithInvite(@Args(() => JoinArgs) { token }: JoinArgs, @Ctx() ctx: RequestContext) {
    const { dataSource, serverKey, config, now } = ctx.services;
    const inviteId = inviteIdFromToken(serverKey, token.trim());
    const invite = inviteId ? await dataSource.manager.findOneBy(Invite, { id: inviteId }) : null;
    if (!invite) throw unauthenticated("This invite link is not valid.", "invite_invalid");
    if (invite.revokedAt)
      throw unauthenticated("This invite link has been revoked.", "invite_revoked");
    const moment = now();
    if (invite.expiresAt <= moment) {
      throw unauthenticated("This invite link has expired.", "invite_expired");
    }
    const person = await dataSource.manager.findOneByOrFail(Person, { id: invite.personId });
    await inTransaction(dataSource, (tx) =>
      tx.update(Invite, { id: invite.id }, { lastUsedAt: moment }),
    );
    // The session never outlives the invite itself.
    const expiresAt = new Date(
      Math.min(moment.getTime() + config.accessTokenTtlSeconds * 1000, invite.expiresAt.getTime()),
    );
    const accessToken = signAccessToken(serverKey, {
      sub: person.id,
      role: invite.role,
      cid: invite.conversationId,
      inv: invite.id,
      exp: Math.floor(expiresAt.getTime() / 1000),
    });
    return {
      accessToken,
      role: invite.role,
      conversationId: invite.conversationId,
      expiresAt,
      person,
    };
  }

  @Query(() => Person, { description: "The caller." })
  async me(@Ctx() ctx: RequestContext) {
    const viewer = requireViewer(ctx);
    return ctx.services.dataSource.manager.findOneByOrFail(Person, { id: viewer.personId });
  }
}

import { LIMITS, STAFF_ROLES } from "@driehoek/domain";
import { MaxLength } from "class-validator";
import { Args, ArgsType, Ctx, Field, Int, Mutation, Resolver } from "type-graphql";
import { requireStaff, requireViewer } from "../../access/guards.js";
import { newTicket, ticketKey } from "../../auth/collab-tickets.js";
import { authorizeCollab, CollabRefusal, claimsOf } from "../../collab/access.js";
import type { RequestContext } from "../../context.js";
import { inTransaction } from "../../db/transaction.js";
import { appError } from "../../graphql/errors.js";
import { announceRevoked, revokeSessions } from "./session.service.js";

@ArgsType()
class CollabTicketArgs {
  @Field(() => String, { description: "`<conversationId>` or `<conversationId>/private`." })
  @MaxLength(LIMITS.id + "/private".length)
  docName: string;
}

const REFUSAL_CODE: Record<number, "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND"> = {
  4401: "UNAUTHENTICATED",
  4403: "FORBIDDEN",
  4404: "NOT_FOUND",
};

/** Sessions: logging out, logging out everywhere, and tickets for the collaboration socket. */
@Resolver()
export class SessionResolver {
  @Mutation(() => Boolean, {
    description:
      "Logs out: a staff session ends at once on every socket it holds. An invite session has no server state to end (its invite stays valid); the app forgets it on the device.",
  })
  async logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    const viewer = requireViewer(ctx);
    if (!viewer.sessionId) return true;
    const { dataSource, now } = ctx.services;
    const sessionId = viewer.sessionId;
    const ended = await inTransaction(dataSource, (tx) =>
      revokeSessions(tx, { id: sessionId }, now()),
    );
    announceRevoked(ctx.services, ended);
    return true;
  }

  @Mutation(() => Int, {
    description:
      "Overal uitloggen: ends every session of the calling staff member, this one included, on every device. Returns how many ended.",
  })
  async logoutEverywhere(@Ctx() ctx: RequestContext): Promise<number> {
    const viewer = requireStaff(ctx, STAFF_ROLES);
    const { dataSource, now } = ctx.services;
    const ended = await inTransaction(dataSource, (tx) =>
      revokeSessions(tx, { personId: viewer.personId }, now()),
    );
    announceRevoked(ctx.services, ended);
    return ended.length;
  }

  @Mutation(() => String, {
    description:
      "A single-use ticket (valid at most 60 s) that opens /collab/<docName>?ticket=<ticket> for the caller; asked for before every (re)connect, so no access token travels in a URL.",
  })
  async collabTicket(
    @Args(() => CollabTicketArgs) { docName }: CollabTicketArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<string> {
    const viewer = requireViewer(ctx);
    try {
      await authorizeCollab(ctx.services, docName, viewer);
    } catch (error) {
      if (error instanceof CollabRefusal)
        throw appError(REFUSAL_CODE[error.code] ?? "FORBIDDEN", error.message, "collab_refused");
      throw error;
    }
    const ticket = newTicket();
    const ttlMs = ctx.services.config.collabTicketTtlSeconds * 1000;
    await ctx.services.collabTickets.put(
      ticketKey(ticket),
      { docName, claims: claimsOf(viewer), expiresAt: ctx.services.now().getTime() + ttlMs },
      ttlMs,
    );
    return ticket;
  }
}

import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Not } from "typeorm";
import { requireStaff } from "../../access/guards.js";
import type { RequestContext } from "../../context.js";
import { badInput } from "../../graphql/errors.js";
import { Invite } from "../invite/invite.entity.js";
import {
  InviteMail,
  MailOutboxArgs,
  OutboxMailConnection,
  type OutboxMailView,
} from "./mail.types.js";
import { OutboxMail } from "./outbox-mail.entity.js";

/** The outbox for the admin, and each invite's latest mail for the planner. */
@Resolver(() => Invite)
export class MailResolver {
  @Query(() => OutboxMailConnection, {
    description: "The mail outbox, newest first (admin): sent, waiting, failed with the reason.",
  })
  async mailOutbox(
    @Args(() => MailOutboxArgs) args: MailOutboxArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<OutboxMailConnection> {
    requireStaff(ctx, ["admin"]);
    const query = ctx.services.dataSource.manager
      .createQueryBuilder(OutboxMail, "m")
      .orderBy("m.created_at", "DESC")
      .addOrderBy("m.id", "DESC");
    if (args.status) query.andWhere("m.status = :status", { status: args.status });
    const totalCount = await query.getCount();
    if (args.after) {
      const [at, id] = decodeCursor(args.after);
      query.andWhere("(m.created_at < :at OR (m.created_at = :at AND m.id < :id))", { at, id });
    }
    const rows = await query.take(args.first + 1).getMany();
    const page = rows.slice(0, args.first);
    const edges = page.map((mail) => ({ cursor: encodeCursor(mail), node: view(mail) }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > args.first,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount,
    };
  }

  @FieldResolver(() => InviteMail, {
    nullable: true,
    description: "The latest mail with this link (null: none was sent, e.g. no e-mail address).",
  })
  async lastMail(@Root() invite: Invite, @Ctx() ctx: RequestContext) {
    return ctx.services.dataSource.manager.findOne(OutboxMail, {
      where: { inviteId: invite.id, kind: Not("reminder") },
      order: { createdAt: "DESC" },
    });
  }
}

function view(mail: OutboxMail): OutboxMailView {
  return {
    id: mail.id,
    kind: mail.kind,
    to: mail.toAddress,
    subject: mail.subject,
    status: mail.status,
    attempts: mail.attempts,
    lastError: mail.lastError,
    nextAttemptAt: mail.nextAttemptAt,
    createdAt: mail.createdAt,
    sentAt: mail.sentAt,
    conversationId: mail.conversationId,
    inviteId: mail.inviteId,
    hasCalendarInvite: mail.ics !== null,
  };
}

function encodeCursor(mail: OutboxMail): string {
  return Buffer.from(`${mail.createdAt.toISOString()}|${mail.id}`).toString("base64url");
}

function decodeCursor(cursor: string): [string, string] {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!at || !id || Number.isNaN(Date.parse(at))) throw badInput("That is not a cursor.");
  return [at, id];
}

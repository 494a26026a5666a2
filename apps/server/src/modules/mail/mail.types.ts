import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { PageInfo } from "../../graphql/pagination.js";
import type { MailKind, MailStatus } from "./outbox-mail.entity.js";

export const MailStatusEnum = {
  queued: "queued",
  sending: "sending",
  sent: "sent",
  failed: "failed",
} as const satisfies Record<MailStatus, MailStatus>;
export const MailKindEnum = {
  invitation: "invitation",
  update: "update",
  cancellation: "cancellation",
  reminder: "reminder",
  account_setup: "account_setup",
  password_reset: "password_reset",
} as const satisfies Record<MailKind, MailKind>;
registerEnumType(MailStatusEnum, {
  name: "MailStatus",
  description:
    "queued (waiting, or due later), sending, sent, or failed (given up, with the reason).",
});
registerEnumType(MailKindEnum, { name: "MailKind", description: "Why a mail was written." });

/** One mail in the outbox, as the admin sees it (without its body). */
@ObjectType("OutboxMail")
export class OutboxMailView {
  @Field(() => ID) id: string;
  @Field(() => MailKindEnum) kind: MailKind;
  @Field(() => String) to: string;
  @Field(() => String) subject: string;
  @Field(() => MailStatusEnum) status: MailStatus;
  @Field(() => Int) attempts: number;
  @Field(() => String, { nullable: true, description: "Why the last attempt failed." })
  lastError: string | null;
  @Field(() => Date, { description: "When it is (or was) due for its next attempt." })
  nextAttemptAt: Date;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { nullable: true }) sentAt: Date | null;
  @Field(() => ID, { nullable: true }) conversationId: string | null;
  @Field(() => ID, { nullable: true }) inviteId: string | null;
  @Field(() => Boolean, { description: "Whether a calendar invite (.ics) is attached." })
  hasCalendarInvite: boolean;
}

@ObjectType("OutboxMailEdge")
export class OutboxMailEdge {
  @Field(() => String) cursor: string;
  @Field(() => OutboxMailView) node: OutboxMailView;
}

/** The outbox, newest first, a page at a time. */
@ObjectType("OutboxMailConnection")
export class OutboxMailConnection {
  @Field(() => [OutboxMailEdge]) edges: OutboxMailEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ArgsType()
export class MailOutboxArgs {
  @Field(() => Int, { defaultValue: 50 })
  @IsInt()
  @Min(1)
  @Max(200)
  first: number;

  @Field(() => String, { nullable: true, description: "The endCursor of the previous page." })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;

  @Field(() => MailStatusEnum, { nullable: true, description: "Only mails in this status." })
  @IsOptional()
  status?: MailStatus | null;
}

/** The latest mail carrying an invite's link: has it gone? */
@ObjectType("InviteMail")
export class InviteMail {
  @Field(() => MailKindEnum) kind: MailKind;
  @Field(() => MailStatusEnum) status: MailStatus;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { nullable: true }) sentAt: Date | null;
  @Field(() => String, { nullable: true }) lastError: string | null;
}

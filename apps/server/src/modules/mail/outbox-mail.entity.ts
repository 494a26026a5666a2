import { Column, Entity, Index } from "typeorm";
import { IdColumn, MomentColumn, RefColumn } from "../../db/columns.js";

/** Where a mail stands: waiting (or due later), being sent, delivered, given up. */
export type MailStatus = "queued" | "sending" | "sent" | "failed";

/** Why a mail about a conversation was written. */
export type ConversationMailKind = "invitation" | "update" | "cancellation" | "reminder";

/** Why a mail was written: about a conversation, or a link to set a staff password. */
export type MailKind = ConversationMailKind | "account_setup" | "password_reset";

/**
 * One e-mail in the outbox, written in the same transaction as the change it reports, so a
 * committed change always has its mail and a rolled-back one never does. The sender works
 * through the queued rows in the background; `nextAttemptAt` is when a row is due (a reminder
 * is queued long before it is due), and while a row is being sent it holds the lease's end.
 */
@Entity("outbox_mail")
@Index(["status", "nextAttemptAt"])
export class OutboxMail {
  @IdColumn() id: string;
  @Column({ type: "varchar", length: 20 }) kind: MailKind;
  /** The recipient: their mail goes when they are deleted. */
  @RefColumn("Person", { name: "person_id", onDelete: "CASCADE" }) personId: string;
  @Column({ type: "varchar", length: 254, name: "to_address" }) toAddress: string;
  @Column({ type: "varchar", length: 300 }) subject: string;
  @Column({ type: "text", name: "text_body" }) textBody: string;
  @Column({ type: "text", name: "html_body" }) htmlBody: string;
  /** The iCalendar attachment, when there is one. */
  @Column({ type: "text", nullable: true }) ics: string | null;
  /** REQUEST or CANCEL, the attachment's METHOD. */
  @Column({ type: "varchar", length: 10, nullable: true, name: "ics_method" }) icsMethod:
    | string
    | null;
  /**
   * The conversation the mail is about. No foreign key: a cancelled conversation is deleted,
   * and its cancellation must still go out.
   */
  @Index()
  @Column({ type: "varchar", length: 36, nullable: true, name: "conversation_id" })
  conversationId: string | null;
  /** The invite whose link the mail carries. */
  @RefColumn("Invite", { nullable: true, name: "invite_id", onDelete: "SET NULL" })
  inviteId: string | null;
  @Column({ type: "varchar", length: 10 }) status: MailStatus;
  @Column({ type: "integer" }) attempts: number;
  @MomentColumn({ name: "next_attempt_at" }) nextAttemptAt: Date;
  @Column({ type: "varchar", length: 500, nullable: true, name: "last_error" }) lastError:
    | string
    | null;
  @Column({ type: "varchar", length: 300, nullable: true, name: "message_id" }) messageId:
    | string
    | null;
  @MomentColumn({ name: "created_at" }) createdAt: Date;
  @MomentColumn({ nullable: true, name: "sent_at" }) sentAt: Date | null;
}

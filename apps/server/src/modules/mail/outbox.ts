import { randomUUID } from "node:crypto";
import { type EntityManager, In, LessThanOrEqual } from "typeorm";
import type { Services } from "../../context.js";
import { inTransaction } from "../../db/transaction.js";
import { loggerFor } from "../../log/logger.js";
import { counter, gauge } from "../../metrics/registry.js";
import { type MailKind, OutboxMail } from "./outbox-mail.entity.js";
import type { MailTransport } from "./transport.js";

/** A mail to put in the outbox. */
export interface NewMail {
  kind: MailKind;
  personId: string;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  ics: string | null;
  icsMethod: "REQUEST" | "CANCEL" | null;
  conversationId: string | null;
  inviteId: string | null;
  /** When it is due; now unless given (a reminder waits for its day). */
  dueAt?: Date;
}

/** Puts mails in the outbox inside the caller's transaction: they go once it commits. */
export async function queueMails(
  services: Services,
  manager: EntityManager,
  mails: NewMail[],
): Promise<void> {
  if (mails.length === 0) return;
  const now = services.now();
  await manager.insert(
    OutboxMail,
    mails.map(({ dueAt, ...mail }) => ({
      ...mail,
      id: randomUUID(),
      status: "queued" as const,
      attempts: 0,
      nextAttemptAt: dueAt ?? now,
      lastError: null,
      messageId: null,
      createdAt: now,
      sentAt: null,
    })),
  );
}

/** Removes reminders that have not gone yet (the conversation moved, was cancelled, or a link changed). */
export async function dropQueuedReminders(
  manager: EntityManager,
  where: { conversationId: string } | { inviteId: string },
): Promise<void> {
  await manager.delete(OutboxMail, { ...where, kind: "reminder", status: "queued" });
}

/** The server whose outbox /metrics reports (the one started last in this process). */
let reported: Services | null = null;

gauge(
  "driehoek_mail_outbox_backlog",
  "Mails in the outbox not sent: due now, being sent, queued for later (reminders), failed",
  ["state"],
  async function collect() {
    this.reset();
    if (!reported?.dataSource.isInitialized) return;
    const now = reported.dataSource.options.type === "postgres" ? "$1" : "?";
    const rows: { state: string; n: string | number }[] = await reported.dataSource.query(
      `SELECT CASE WHEN status = 'failed' THEN 'failed'
                   WHEN status = 'sending' THEN 'sending'
                   WHEN next_attempt_at <= ${now} THEN 'due'
                   ELSE 'later' END AS state,
              COUNT(*) AS n
         FROM outbox_mail WHERE status <> 'sent' GROUP BY 1`,
      [reported.now().toISOString()],
    );
    for (const state of ["due", "sending", "later", "failed"]) this.set({ state }, 0);
    for (const row of rows) this.set({ state: row.state }, Number(row.n));
  },
);

const delivered = counter(
  "driehoek_mail_sent_total",
  "Mails handed to the mail server (sent) or given up on (failed)",
  ["outcome"],
);

/** How long a claimed mail is left to its sender before another may try it (a crash mid-send). */
const LEASE_MS = 5 * 60_000;
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 60 * 60_000;
const BATCH = 20;

/**
 * Works through the outbox in the background: every `MAIL_POLL_MS` it sends the mails that are
 * due, one at a time. A mail the server refuses for now (4xx, a lost connection) is retried
 * with doubling waits; a permanent refusal (5xx) or `MAIL_MAX_ATTEMPTS` failures mark it failed,
 * with the reason. A mail is claimed with a lease before it is sent, so several server
 * processes share one outbox, and one whose sender died is sent again when the lease ends.
 */
export class MailSender {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private isStopped = false;

  constructor(
    private readonly services: Services,
    private readonly transport: MailTransport,
  ) {}

  /** Begins polling. */
  start(): void {
    reported = this.services;
    this.timer = setInterval(() => this.poke(), this.services.config.mailPollMs);
    this.timer.unref();
  }

  /** Sends what is due now, unless a round is already running. */
  poke(): void {
    if (this.running || this.isStopped) return;
    this.running = this.sendDue()
      .catch((error) => this.log(`mail: the outbox could not be read: ${String(error)}`))
      .finally(() => {
        this.running = null;
      });
  }

  /** Stops polling and waits for the mail being sent. */
  async stop(): Promise<void> {
    this.isStopped = true;
    if (reported === this.services) reported = null;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    this.transport.close();
  }

  private async sendDue(): Promise<void> {
    if (this.services.dataSource.options.type === "postgres") return this.sendDueSkippingLocked();
    for (;;) {
      const due = await this.services.dataSource.manager.find(OutboxMail, {
        where: {
          status: In(["queued", "sending"]),
          nextAttemptAt: LessThanOrEqual(this.services.now()),
        },
        order: { nextAttemptAt: "ASC" },
        take: BATCH,
      });
      for (const mail of due) {
        if (this.isStopped) return;
        if (await this.claim(mail)) await this.deliver(mail);
      }
      if (due.length < BATCH) return;
    }
  }

  /**
   * PostgreSQL, where several processes may share the outbox: each claims the next due mail
   * that no other is claiming right now (FOR UPDATE SKIP LOCKED) and takes its lease in the
   * same statement, so the processes send different mails side by side and never one twice.
   */
  private async sendDueSkippingLocked(): Promise<void> {
    while (!this.isStopped) {
      const now = this.services.now();
      const leaseEnd = new Date(now.getTime() + LEASE_MS);
      // node-postgres answers an UPDATE … RETURNING with [rows, count] through TypeORM.
      const [claimed]: [{ id: string }[], number] = await this.services.dataSource.query(
        `UPDATE outbox_mail SET status = 'sending', next_attempt_at = $1
          WHERE id = (
            SELECT id FROM outbox_mail
             WHERE status IN ('queued', 'sending') AND next_attempt_at <= $2
             ORDER BY next_attempt_at
             LIMIT 1
             FOR UPDATE SKIP LOCKED)
          RETURNING id`,
        [leaseEnd.toISOString(), now.toISOString()],
      );
      const id = claimed[0]?.id;
      if (!id) return;
      const mail = await this.services.dataSource.manager.findOneBy(OutboxMail, { id });
      if (mail) await this.deliver(mail);
    }
  }

  private async claim(mail: OutboxMail): Promise<boolean> {
    const leaseEnd = new Date(this.services.now().getTime() + LEASE_MS);
    const result = await inTransaction(this.services.dataSource, (tx) =>
      tx.update(
        OutboxMail,
        { id: mail.id, status: mail.status, nextAttemptAt: mail.nextAttemptAt },
        { status: "sending", nextAttemptAt: leaseEnd },
      ),
    );
    return result.affected === 1;
  }

  private async deliver(mail: OutboxMail): Promise<void> {
    const attempts = mail.attempts + 1;
    let update: Partial<OutboxMail>;
    try {
      const messageId = await this.transport.send(mail);
      delivered.inc({ outcome: "sent" });
      update = {
        status: "sent",
        attempts,
        sentAt: this.services.now(),
        messageId,
        lastError: null,
      };
    } catch (error) {
      const reason = describe(error);
      const isPermanent = isPermanentRefusal(error);
      const isLast = isPermanent || attempts >= this.services.config.mailMaxAttempts;
      const wait = Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), LONGEST_RETRY_MS);
      if (isLast) delivered.inc({ outcome: "failed" });
      update = {
        status: isLast ? "failed" : "queued",
        attempts,
        lastError: reason,
        nextAttemptAt: new Date(this.services.now().getTime() + wait),
      };
      this.log(
        `mail ${mail.id} to ${mail.toAddress}: ${reason}${isLast ? " (failed)" : ` (retry in ${wait / 1000} s)`}`,
      );
    }
    await inTransaction(this.services.dataSource, (tx) =>
      tx.update(OutboxMail, { id: mail.id }, update),
    );
  }

  private log(line: string): void {
    loggerFor(this.services.config).warn(line);
  }
}

/** An SMTP 5xx answer: the server will not take this mail, however often it is offered. */
function isPermanentRefusal(error: unknown): boolean {
  const code = (error as { responseCode?: unknown })?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, " ").slice(0, 500);
}

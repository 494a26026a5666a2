import { addDays, HELD_STATUSES, schoolToday } from "@driehoek/domain";
import { In } from "typeorm";
import type { Services } from "../../context.js";
import { ifAdvisoryLockFree } from "../../db/advisory-lock.js";
import { inTransaction } from "../../db/transaction.js";
import { AuditEntry } from "../audit/audit-entry.entity.js";
import { Conversation } from "../conversation/conversation.entity.js";
import { sweepDocumentFiles } from "../document/document-store.js";
import { refreshFrequency } from "../placement/frequency-state.js";

/** How long records are kept, per record type, in days. */
export interface RetentionPolicy {
  /** Conversations (with their agreements, signatures, particulars and live documents), counted from their date. */
  conversationDays: number;
  /** Audit log entries. */
  auditDays: number;
}

/** What a retention run removes (or, in a dry run, would remove). */
export interface RetentionPlan {
  cutoffConversations: string;
  cutoffAudit: string;
  conversations: { id: string; scheduledAt: string; status: string }[];
  auditEntries: number;
}

/** Reads the policy from `RETENTION_CONVERSATION_DAYS` / `RETENTION_AUDIT_DAYS` (default 7 years). */
export function retentionPolicyFrom(env: NodeJS.ProcessEnv): RetentionPolicy {
  const days = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return value && Number.isInteger(n) && n > 0 ? n : fallback;
  };
  return {
    conversationDays: days(env.RETENTION_CONVERSATION_DAYS, 7 * 365),
    auditDays: days(env.RETENTION_AUDIT_DAYS, 7 * 365),
  };
}

/** Another run is removing records now (on this or another server process). */
export class RetentionBusyError extends Error {
  constructor() {
    super(
      "Another retention run is under way; nothing was removed. Try again when it has finished.",
    );
    this.name = "RetentionBusyError";
  }
}

/**
 * Removes what is past its retention period: conversations that are over (ended or signed)
 * and older than the policy allows, everything that belongs to them, their live documents,
 * and old audit entries. Planned or live conversations are never touched. `dryRun` only lists.
 * One run at a time across every process on the database (an advisory lock on PostgreSQL):
 * a second run started meanwhile removes nothing and throws RetentionBusyError.
 */
export async function applyRetention(
  services: Services,
  policy: RetentionPolicy,
  dryRun: boolean,
): Promise<RetentionPlan> {
  if (dryRun) return planAndApply(services, policy, true);
  const run = await ifAdvisoryLockFree(services.dataSource, "retention", () =>
    planAndApply(services, policy, false),
  );
  if (!run) throw new RetentionBusyError();
  return run.value;
}

async function planAndApply(
  services: Services,
  policy: RetentionPolicy,
  dryRun: boolean,
): Promise<RetentionPlan> {
  const today = schoolToday(services.now());
  const cutoffConversations = `${addDays(today, -policy.conversationDays)}T00:00:00.000Z`;
  const cutoffAudit = `${addDays(today, -policy.auditDays)}T00:00:00.000Z`;
  const manager = services.dataSource.manager;
  const old = await manager
    .createQueryBuilder(Conversation, "c")
    .select(["c.id", "c.placementId", "c.scheduledAt", "c.status"])
    .where("c.scheduled_at < :cutoff", { cutoff: cutoffConversations })
    .andWhere("c.status IN (:...over)", { over: HELD_STATUSES })
    .orderBy("c.scheduled_at", "ASC")
    .getMany();
  // Moments are ISO text (docs/decisions/0001), so they compare as strings.
  const auditEntries = await manager
    .createQueryBuilder(AuditEntry, "e")
    .where("e.at < :cutoff", { cutoff: cutoffAudit })
    .getCount();
  const plan: RetentionPlan = {
    cutoffConversations,
    cutoffAudit,
    conversations: old.map((c) => ({
      id: c.id,
      scheduledAt: c.scheduledAt.toISOString(),
      status: c.status,
    })),
    auditEntries,
  };
  if (dryRun) return plan;

  const ids = old.map((c) => c.id);
  await inTransaction(services.dataSource, async (tx) => {
    for (let i = 0; i < ids.length; i += 200) {
      const chunk = ids.slice(i, i + 200);
      const docs = chunk.flatMap((id) => [id, `${id}/private`]);
      await tx.query(
        `DELETE FROM collab_update WHERE doc_name IN (${docs.map((_, j) => placeholder(services, j)).join(", ")})`,
        docs,
      );
      await tx.query(
        `DELETE FROM collab_snapshot WHERE doc_name IN (${docs.map((_, j) => placeholder(services, j)).join(", ")})`,
        docs,
      );
      // Agreements reviewed in a removed conversation keep their own conversation (FK: SET NULL).
      await tx.delete(Conversation, { id: In(chunk) });
    }
    // A removed conversation no longer counts for its placement's frequency.
    await refreshFrequency(tx, [...new Set(old.map((c) => c.placementId))], today);
    await tx
      .createQueryBuilder()
      .delete()
      .from(AuditEntry)
      .where("at < :cutoff", { cutoff: cutoffAudit })
      .execute();
    await services.audit.record(
      {
        actorId: null,
        action: "retention.applied",
        subjectType: "retention",
        subjectId: "retention",
        detail: { conversations: ids.length, auditEntries, cutoffConversations, cutoffAudit },
      },
      tx,
    );
  });
  // Their attached documents' rows went with the conversations; the files go now.
  await sweepDocumentFiles(services);
  return plan;
}

function placeholder(services: Services, index: number): string {
  return services.dataSource.options.type === "postgres" ? `$${index + 1}` : "?";
}

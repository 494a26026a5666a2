import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { inTransaction } from "../../db/transaction.js";
import { AuditEntry } from "./audit-entry.entity.js";

/** What the audit log records. */
export interface AuditEvent {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  detail?: Record<string, unknown>;
}

/** Appends to the audit log, inside the caller's transaction when one is given, else in its own. */
export class AuditLog {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date,
  ) {}

  /** Records one event. */
  record(event: AuditEvent, manager?: EntityManager): Promise<void> {
    return this.recordMany([event], manager);
  }

  /** Records several events in as few statements as possible. */
  async recordMany(events: AuditEvent[], manager?: EntityManager): Promise<void> {
    if (events.length === 0) return;
    if (!manager) return inTransaction(this.dataSource, (tx) => this.recordMany(events, tx));
    const at = this.now();
    const rows = events.map((event) => ({
      id: randomUUID(),
      at,
      actorId: event.actorId,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      detail: event.detail ? JSON.stringify(event.detail) : null,
    }));
    for (let i = 0; i < rows.length; i += 100) {
      await manager.insert(AuditEntry, rows.slice(i, i + 100));
    }
  }
}

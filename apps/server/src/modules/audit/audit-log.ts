import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { AuditEntry } from "./audit-entry.entity.js";

/** What the audit log records. */
export interface AuditEvent {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  detail?: Record<string, unknown>;
}

/** Appends to the audit log, inside the caller's transaction when one is given. */
export class AuditLog {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date,
  ) {}

  /** Records one event. */
  async record(event: AuditEvent, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.insert(AuditEntry, {
      id: randomUUID(),
      at: this.now(),
      actorId: event.actorId,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      detail: event.detail ? JSON.stringify(event.detail) : null,
    });
  }
}

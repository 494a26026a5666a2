import { randomUUID } from "node:crypto";
import { addDays, type ConversationStatus, schoolToday } from "@driehoek/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { Agreement } from "../../src/modules/agreement/agreement.entity.js";
import { AuditEntry } from "../../src/modules/audit/audit-entry.entity.js";
import { Conversation } from "../../src/modules/conversation/conversation.entity.js";
import { applyRetention } from "../../src/modules/retention/retention.js";
import { testDatabases } from "../support/database.js";
import { useSchoolServer } from "../support/suite.js";

describe.each(testDatabases())("retention on %s", (kind) => {
  const suite = useSchoolServer(kind);
  const ids = { old: randomUUID(), recent: randomUUID(), oldPlanned: randomUUID() };
  const policy = { conversationDays: 7 * 365, auditDays: 7 * 365 };

  async function conversation(id: string, daysAgo: number, status: ConversationStatus) {
    const at = new Date(
      `${addDays(schoolToday(suite.server.services.now()), -daysAgo)}T10:00:00.000Z`,
    );
    const manager = suite.server.services.dataSource.manager;
    await manager.insert(Conversation, {
      id,
      placementId: suite.school.students.sanne.placementId,
      scheduledAt: at,
      mode: "online",
      status,
      version: 1,
      createdById: suite.school.staff.marieke.id,
      createdAt: at,
    });
    await manager.insert(Agreement, {
      id: randomUUID(),
      conversationId: id,
      position: 0,
      text: `Afspraak ${id}`,
      owner: "student",
      measure: "",
      firstStep: "",
      status: "open",
      createdAt: at,
      updatedAt: at,
    });
    await manager.insert(AuditEntry, {
      id: randomUUID(),
      at,
      actorId: null,
      action: "test.event",
      subjectType: "conversation",
      subjectId: id,
      detail: null,
    });
    await manager.query(
      kind === "postgres"
        ? "INSERT INTO collab_update (doc_name, data, created_at) VALUES ($1, $2, $3)"
        : "INSERT INTO collab_update (doc_name, data, created_at) VALUES (?, ?, ?)",
      [id, Buffer.from([0, 0]), at.toISOString()],
    );
  }

  const count = async (table: string, column: string, id: string) => {
    const sql = `SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ${kind === "postgres" ? "$1" : "?"}`;
    const rows = await suite.server.services.dataSource.manager.query(sql, [id]);
    return Number(rows[0].n);
  };

  beforeAll(async () => {
    await conversation(ids.old, 8 * 365, "signed");
    await conversation(ids.recent, 30, "signed");
    await conversation(ids.oldPlanned, 8 * 365, "planned");
  });

  it("a dry run lists what is past retention and changes nothing", async () => {
    const plan = await applyRetention(suite.server.services, policy, true);
    expect(plan.conversations.map((c) => c.id)).toEqual([ids.old]);
    expect(plan.auditEntries).toBe(2);
    expect(await count("conversation", "id", ids.old)).toBe(1);
    expect(await count("collab_update", "doc_name", ids.old)).toBe(1);
  });

  it("removes only what is past retention, with everything that belongs to it", async () => {
    await applyRetention(suite.server.services, policy, false);
    expect(await count("conversation", "id", ids.old)).toBe(0);
    expect(await count("agreement", "conversation_id", ids.old)).toBe(0);
    expect(await count("collab_update", "doc_name", ids.old)).toBe(0);
    expect(await count("audit_entry", "subject_id", ids.old)).toBe(0);
    // Recent records, and conversations that never took place, stay.
    for (const kept of [ids.recent, ids.oldPlanned]) {
      expect(await count("conversation", "id", kept)).toBe(1);
      expect(await count("agreement", "conversation_id", kept)).toBe(1);
    }
    expect(await count("collab_update", "doc_name", ids.recent)).toBe(1);
    expect(await count("audit_entry", "subject_id", ids.recent)).toBe(1);
    expect(await count("audit_entry", "action", "retention.applied")).toBe(1);
  });
});

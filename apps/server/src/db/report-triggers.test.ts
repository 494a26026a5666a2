import { CONCLUSIONS, HELD_STATUSES } from "@driehoek/domain";
import { type DataSource, In } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedSchool } from "../../bench/reports-seed.js";
import { openTestDatabase, testDatabases } from "../../test/support/database.js";
import { Agreement } from "../modules/agreement/agreement.entity.js";
import { Conversation } from "../modules/conversation/conversation.entity.js";
import { Placement } from "../modules/placement/placement.entity.js";
import { PLACEMENT_CONCLUSIONS } from "./migrations/1732800000105-placement-conclusions.js";

/*
 * Two things the reports read are kept by the database itself (docs/decisions/0015): each
 * agreement's placement and end date, and the conclusions counted per placement. Whatever
 * changes the rows below them, they equal what a count from scratch gives, at once.
 */

/** The conclusions per placement counted from the conversations, as `placement|voor|op|achter`. */
async function countedFromScratch(dataSource: DataSource): Promise<string[]> {
  const rows: Record<string, unknown>[] = await dataSource.query(
    `SELECT placement_id, conclusion, COUNT(*) AS n FROM conversation
     WHERE status IN ('ended', 'signed') AND conclusion IN ('voor', 'op_schema', 'achter')
     GROUP BY placement_id, conclusion`,
  );
  const counts = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const entry = counts.get(String(row.placement_id)) ?? { voor: 0, op_schema: 0, achter: 0 };
    entry[String(row.conclusion)] = Number(row.n);
    counts.set(String(row.placement_id), entry);
  }
  return [...counts].map(([id, c]) => `${id}|${c.voor}|${c.op_schema}|${c.achter}`).sort();
}

async function kept(dataSource: DataSource): Promise<string[]> {
  const rows: Record<string, unknown>[] = await dataSource.query(
    "SELECT placement_id, voor, op_schema, achter FROM placement_conclusion",
  );
  return rows
    .map((r) => `${r.placement_id}|${Number(r.voor)}|${Number(r.op_schema)}|${Number(r.achter)}`)
    .sort();
}

/** Agreements whose kept placement or end date differs from their conversation's placement's. */
async function strayAgreements(dataSource: DataSource): Promise<unknown[]> {
  return dataSource.query(
    `SELECT a.id FROM agreement a
     JOIN conversation c ON c.id = a.conversation_id JOIN placement p ON p.id = c.placement_id
     WHERE a.placement_id IS NULL OR a.placement_id <> p.id
        OR a.placement_end_date IS NULL OR a.placement_end_date <> p.end_date`,
  );
}

it("the counted statuses and conclusions are the domain's", () => {
  expect([...PLACEMENT_CONCLUSIONS.held]).toEqual([...HELD_STATUSES]);
  expect([...PLACEMENT_CONCLUSIONS.conclusions]).toEqual([...CONCLUSIONS]);
});

describe.each(testDatabases())("what the database keeps for the reports on %s", (kind) => {
  const opened = openTestDatabase(kind);
  afterAll(() => opened.close());
  let dataSource: DataSource;
  let placements: string[];

  beforeAll(async () => {
    dataSource = await opened.dataSource();
    await seedSchool(dataSource, {
      placements: 60,
      conversations: 300,
      today: "2026-03-09",
      seed: 5,
    });
    placements = (await dataSource.query("SELECT id FROM placement ORDER BY id")).map(
      (r: { id: string }) => r.id,
    );
  });

  it("holds after seeding", async () => {
    expect((await kept(dataSource)).length).toBeGreaterThan(20);
    expect(await kept(dataSource)).toEqual(await countedFromScratch(dataSource));
    expect(await strayAgreements(dataSource)).toEqual([]);
  });

  it("follows conclusions drawn and changed, conversations moved and removed, and end dates", async () => {
    const conversations = dataSource.getRepository(Conversation);
    const held = await conversations
      .createQueryBuilder("c")
      .where("c.conclusion IS NOT NULL")
      .orderBy("c.id")
      .getMany();
    const [changed, moved, removed, reopened] = held as [
      Conversation,
      Conversation,
      Conversation,
      Conversation,
    ];
    await conversations.update(changed.id, {
      conclusion: changed.conclusion === "voor" ? "achter" : "voor",
    });
    await conversations.update(reopened.id, { status: "planned" });
    const elsewhere = placements.find((id) => id !== moved.placementId) as string;
    await conversations.update(moved.id, { placementId: elsewhere });
    await conversations.delete(removed.id);
    await dataSource
      .getRepository(Placement)
      .update({ id: In(placements.slice(0, 10)) }, { endDate: "2031-01-31" });
    expect(await kept(dataSource)).toEqual(await countedFromScratch(dataSource));
    expect(await strayAgreements(dataSource)).toEqual([]);
    const [movedAgreement] = await dataSource
      .getRepository(Agreement)
      .find({ where: { conversationId: moved.id } });
    if (movedAgreement) expect(movedAgreement.placementId).toBe(elsewhere);
  });
});

import { randomUUID } from "node:crypto";
import { addDays, frequencyStatus, isHeld, schoolDate, schoolToday } from "@driehoek/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storedCalendars } from "../../src/modules/calendar/calendar-store.js";
import { Conversation } from "../../src/modules/conversation/conversation.entity.js";
import { refreshStaleFrequency } from "../../src/modules/placement/frequency-state.js";
import { Placement } from "../../src/modules/placement/placement.entity.js";
import { PlacementFrequency } from "../../src/modules/placement/placement-frequency.entity.js";
import { applyRetention } from "../../src/modules/retention/retention.js";
import { DAY } from "../support/clock.js";
import { testDatabases } from "../support/database.js";
import { buildSchool, loginAs, type TestSchool } from "../support/factories.js";
import { startTestServer, type TestServer } from "../support/server.js";

/*
 * The frequency rule's verdict is stored per placement (placement_frequency) so the reports
 * can filter on it. After each kind of change — a placement written, a conversation planned,
 * held, signed or removed, and the day passing — the stored verdict must be exactly what the
 * domain's `frequencyStatus()` says about the placement as it stands.
 */

const MOVE = (name: string) => `mutation($id: ID!) { ${name}(conversationId: $id) { id status } }`;
const SCHEDULE = `mutation($input: ScheduleConversationInput!) {
  scheduleConversation(input: $input) { conversation { id } } }`;
const FREQUENCY = `query($id: ID!) { placement(id: $id) { frequency { held missed isOverdue } } }`;

describe.each(testDatabases())("stored frequency state on %s", (kind) => {
  let server: TestServer;
  let school: TestSchool;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    school = await buildSchool(server.services);
    token = await loginAs(server, school.staff.marieke);
  });
  afterAll(() => server?.close());

  /** The domain's verdict on the placement as the database holds it now, on the server's today. */
  async function domainVerdict(placementId: string) {
    const manager = server.services.dataSource.manager;
    const placement = await manager.findOneByOrFail(Placement, { id: placementId });
    const conversations = await manager.findBy(Conversation, { placementId });
    const today = schoolToday(server.services.now());
    const f = frequencyStatus({
      placementStart: placement.startDate,
      placementEnd: placement.endDate,
      heldDates: conversations
        .filter((c) => isHeld(c.status))
        .map((c) => schoolDate(c.scheduledAt)),
      today,
      calendars: await storedCalendars(manager),
    });
    return {
      placementId,
      periodStart: f.periodStart,
      periodEnd: f.periodEnd,
      required: f.required,
      held: f.held,
      missed: f.missed,
      nextDueDate: f.nextDueDate,
      isOverdue: f.isOverdue,
      isCurrent: f.isCurrent,
      proposedDate: f.proposedDate,
      judgedOn: today,
    };
  }

  /** Asserts the stored verdict equals the domain's; returns it. */
  async function expectStoredIsDomain(placementId: string) {
    const stored = await server.services.dataSource.manager.findOneByOrFail(PlacementFrequency, {
      placementId,
    });
    const expected = await domainVerdict(placementId);
    expect({
      ...stored,
      isOverdue: Boolean(stored.isOverdue),
      isCurrent: Boolean(stored.isCurrent),
    }).toEqual(expected);
    return expected;
  }

  it("a placement written without a verdict is judged by the start-up and daily refresh", async () => {
    const sanne = school.students.sanne.placementId;
    const manager = server.services.dataSource.manager;
    await manager.delete(PlacementFrequency, { placementId: sanne });
    const today = schoolToday(server.services.now());
    expect(await refreshStaleFrequency(server.services.dataSource, today)).toBe(1);
    await expectStoredIsDomain(sanne);
    // Nothing else was stale: fresh verdicts are left alone.
    expect(await refreshStaleFrequency(server.services.dataSource, today)).toBe(0);
  });

  it("follows a conversation planned, held, signed and removed, and the days passing", async () => {
    const daan = school.students.daan;
    const placementId = school.students.sanne.placementId;
    // Planned (by the API): not held, so nothing changes but the verdict stays right.
    const scheduled = await server.gql(
      SCHEDULE,
      {
        input: {
          placementId,
          scheduledAt: new Date(server.services.now().getTime() + 2 * 3_600_000).toISOString(),
          mode: "online",
        },
      },
      token,
    );
    expect(scheduled.errors).toBeUndefined();
    const id = scheduled.data?.scheduleConversation.conversation.id as string;
    const planned = await expectStoredIsDomain(placementId);
    expect(planned.held).toBe(0);

    // Held: started and ended by the begeleider.
    for (const move of ["startConversation", "endConversation"]) {
      expect((await server.gql(MOVE(move), { id }, token)).errors).toBeUndefined();
    }
    expect((await expectStoredIsDomain(placementId)).held).toBe(1);

    // Signed (the paper fallback locks the record).
    const signed = await server.gql(MOVE("recordPaperSignatures"), { id }, token);
    expect(signed.data?.recordPaperSignatures.status).toBe("signed");
    expect((await expectStoredIsDomain(placementId)).held).toBe(1);

    // The days pass: the verdicts of yesterday are stale, and a reader gets today's.
    for (const days of [1, 120]) {
      server.clock.advance(days * DAY);
      token = await loginAs(server, school.staff.marieke);
      const before = await server.services.dataSource.manager.findOneByOrFail(PlacementFrequency, {
        placementId: daan.placementId,
      });
      expect(before.judgedOn).not.toBe(schoolToday(server.services.now()));
      const api = await server.gql(FREQUENCY, { id: placementId }, token);
      expect(api.errors).toBeUndefined();
      const judged = await expectStoredIsDomain(placementId);
      expect(api.data?.placement.frequency).toEqual({
        held: judged.held,
        missed: judged.missed,
        isOverdue: judged.isOverdue,
      });
      // Every placement was judged again, not only the one asked for.
      await expectStoredIsDomain(daan.placementId);
    }

    // Removed by retention: the conversation no longer counts.
    const report = await applyRetention(
      server.services,
      { conversationDays: 30, auditDays: 3650 },
      false,
    );
    expect(report.conversations.map((c) => c.id)).toContain(id);
    expect((await expectStoredIsDomain(placementId)).held).toBe(0);
  });

  it("counts a conversation on the school's date: 00:30 Dutch time is that day, not yesterday", async () => {
    const placementId = school.students.lotte.placementId;
    const manager = server.services.dataSource.manager;
    const today = schoolToday(server.services.now());
    const placement = await manager.findOneByOrFail(Placement, { id: placementId });
    // Lotte's placement starts tomorrow; a conversation at 00:30 Dutch time on its first day is
    // 22:30 or 23:30 UTC the day before, outside the placement by the UTC date.
    const start = addDays(today, 1);
    await manager.update(Placement, { id: placementId }, { startDate: start });
    const utcEve = new Date(`${start}T00:30:00.000+01:00`);
    const at = schoolDate(utcEve) === start ? utcEve : new Date(`${start}T00:30:00.000+02:00`);
    expect(at.toISOString().slice(0, 10)).toBe(today);
    await manager.insert(Conversation, {
      id: randomUUID(),
      placementId,
      scheduledAt: at,
      mode: "online",
      status: "ended",
      version: 1,
      createdById: school.staff.marieke.id,
      createdAt: at,
    });
    // Written past the services: judged as the daily refresh would, once the verdict is stale.
    await manager.update(PlacementFrequency, { placementId }, { judgedOn: addDays(today, -1) });
    await refreshStaleFrequency(server.services.dataSource, today);
    expect((await expectStoredIsDomain(placementId)).held).toBe(1);
    await manager.update(Placement, { id: placementId }, { startDate: placement.startDate });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MINUTE } from "../support/clock.js";
import { testDatabases } from "../support/database.js";
import {
  buildSchool,
  joinAs,
  loginAs,
  planConversation,
  type TestSchool,
} from "../support/factories.js";
import { codeOf, type GqlResult, startTestServer, type TestServer } from "../support/server.js";

const FIELDS = `id status phase section startedAt phaseStartedAt sectionStartedAt endedAt version
  phasePeriods { phase startedAt endedAt }`;
const READ = `query($id: ID!) { conversation(id: $id) { ${FIELDS} } }`;
const START = `mutation($id: ID!) { startConversation(conversationId: $id) { ${FIELDS} } }`;
const ADVANCE = `mutation($id: ID!, $expected: Phase) {
  advancePhase(conversationId: $id, expectedPhase: $expected) { ${FIELDS} }
}`;
const RETURN = `mutation($id: ID!, $expected: Phase) {
  returnToPreviousPhase(conversationId: $id, expectedPhase: $expected) { ${FIELDS} }
}`;
const ADVANCE_SECTION = `mutation($id: ID!) { advanceSection(conversationId: $id) { ${FIELDS} } }`;
const MOVE_TO_SECTION = `mutation($id: ID!, $section: String!) {
  moveToSection(conversationId: $id, section: $section) { ${FIELDS} }
}`;
const END = `mutation($id: ID!) { endConversation(conversationId: $id) { ${FIELDS} } }`;

describe.each(testDatabases())("phases on %s", (kind) => {
  let server: TestServer;
  let school: TestSchool;
  let marieke: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    school = await buildSchool(server.services);
    marieke = await loginAs(server, school.staff.marieke);
  });
  afterAll(() => server?.close());

  /** A fresh planned conversation of Sanne's placement, led by Marieke. */
  const plan = async () =>
    (await planConversation(server.services, school.students.sanne.placementId)).id;
  const read = async (id: string) => {
    const result = await server.gql(READ, { id }, marieke);
    expect(result.errors).toBeUndefined();
    return result.data?.conversation;
  };
  /** Runs a move as Marieke and returns the conversation it yields. */
  const move = async (query: string, variables: Record<string, unknown>) => {
    const result = await server.gql(query, variables, marieke);
    expect(result.errors).toBeUndefined();
    return Object.values(result.data ?? {})[0];
  };
  const refused = (result: GqlResult, code: string, reason?: string) => {
    expect(result.data).toBeNull();
    expect(codeOf(result)).toBe(code);
    if (reason) expect(result.errors?.[0]?.extensions?.reason).toBe(reason);
  };

  it("nothing moves before the conversation starts (CONFLICT)", async () => {
    const id = await plan();
    const before = await read(id);
    expect(before).toMatchObject({ status: "planned", phase: null, section: null, version: 1 });
    for (const [query, variables] of [
      [ADVANCE, { id }],
      [RETURN, { id }],
      [ADVANCE_SECTION, { id }],
      [MOVE_TO_SECTION, { id, section: "gespreksdoel" }],
      [END, { id }],
    ] as const) {
      refused(await server.gql(query, variables, marieke), "CONFLICT", "not_live");
    }
    expect(await read(id)).toEqual(before);
  });

  it("starts in Inleiding at Welkom, once", async () => {
    const id = await plan();
    const at = server.clock.advance(MINUTE).toISOString();
    const started = await move(START, { id });
    expect(started).toMatchObject({
      status: "live",
      phase: "inleiding",
      section: "welkom",
      startedAt: at,
      phaseStartedAt: at,
      sectionStartedAt: at,
      version: 2,
      phasePeriods: [{ phase: "inleiding", startedAt: at, endedAt: null }],
    });
    refused(await server.gql(START, { id }, marieke), "CONFLICT", "already_started");
    expect(await read(id)).toEqual(started);
  });

  it("advances through Kern to Afronden, no further; phase periods record each phase", async () => {
    const id = await plan();
    const t0 = server.clock.advance(MINUTE).toISOString();
    await move(START, { id });
    const t1 = server.clock.advance(5 * MINUTE).toISOString();
    expect(await move(ADVANCE, { id, expected: "inleiding" })).toMatchObject({
      phase: "kern",
      section: "afspraken-vorige",
      phaseStartedAt: t1,
      sectionStartedAt: t1,
      startedAt: t0,
      version: 3,
    });
    const t2 = server.clock.advance(30 * MINUTE).toISOString();
    const inAfronden = await move(ADVANCE, { id });
    expect(inAfronden).toMatchObject({
      phase: "afronden",
      section: "samenvatten",
      phaseStartedAt: t2,
      version: 4,
      phasePeriods: [
        { phase: "inleiding", startedAt: t0, endedAt: t1 },
        { phase: "kern", startedAt: t1, endedAt: t2 },
        { phase: "afronden", startedAt: t2, endedAt: null },
      ],
    });

    server.clock.advance(MINUTE);
    refused(await server.gql(ADVANCE, { id }, marieke), "CONFLICT", "last_phase");
    expect(await read(id)).toEqual(inAfronden);

    const t3 = server.clock.advance(4 * MINUTE).toISOString();
    const ended = await move(END, { id });
    expect(ended).toMatchObject({ status: "ended", endedAt: t3, phase: "afronden" });
    expect(ended.phasePeriods[2]).toEqual({ phase: "afronden", startedAt: t2, endedAt: t3 });
    refused(await server.gql(ADVANCE, { id }, marieke), "CONFLICT", "not_live");
  });

  it("returns to the previous phase's first section, and not before Inleiding", async () => {
    const id = await plan();
    const t0 = server.clock.advance(MINUTE).toISOString();
    await move(START, { id });
    const t1 = server.clock.advance(MINUTE).toISOString();
    await move(ADVANCE, { id });
    await move(MOVE_TO_SECTION, { id, section: "vaktechnisch" });
    const t2 = server.clock.advance(MINUTE).toISOString();
    const back = await move(RETURN, { id, expected: "kern" });
    expect(back).toMatchObject({
      phase: "inleiding",
      section: "welkom",
      phaseStartedAt: t2,
      phasePeriods: [
        { phase: "inleiding", startedAt: t0, endedAt: t1 },
        { phase: "kern", startedAt: t1, endedAt: t2 },
        { phase: "inleiding", startedAt: t2, endedAt: null },
      ],
    });
    refused(await server.gql(RETURN, { id }, marieke), "CONFLICT", "first_phase");
    expect(await read(id)).toEqual(back);
  });

  it("moves to a section of the current phase only", async () => {
    const id = await plan();
    await move(START, { id });
    const t1 = server.clock.advance(MINUTE).toISOString();
    await move(ADVANCE, { id });
    const t2 = server.clock.advance(MINUTE).toISOString();
    const moved = await move(MOVE_TO_SECTION, { id, section: "studievoortgang" });
    expect(moved).toMatchObject({
      phase: "kern",
      section: "studievoortgang",
      phaseStartedAt: t1,
      sectionStartedAt: t2,
    });
    expect(moved.phasePeriods).toHaveLength(2);
    server.clock.advance(MINUTE);
    for (const section of ["samenvatten", "welkom", "bestaat-niet", ""]) {
      const result = await server.gql(MOVE_TO_SECTION, { id, section }, marieke);
      expect(result.data, section).toBeNull();
      expect(codeOf(result), section).toBe("BAD_USER_INPUT");
    }
    expect(await read(id)).toEqual(moved);
  });

  it("advanceSection walks the sections and crosses into the next phase", async () => {
    const id = await plan();
    await move(START, { id });
    expect(await move(ADVANCE_SECTION, { id })).toMatchObject({
      phase: "inleiding",
      section: "gespreksdoel",
    });
    await move(ADVANCE_SECTION, { id });
    expect(await move(ADVANCE_SECTION, { id })).toMatchObject({
      phase: "kern",
      section: "afspraken-vorige",
    });
  });

  it("a move based on a stale phase is refused (CONFLICT) and changes nothing", async () => {
    const id = await plan();
    await move(START, { id });
    await move(ADVANCE, { id, expected: "inleiding" });
    const before = await read(id);
    server.clock.advance(MINUTE);
    // A second click, or a second tab, still showing Inleiding.
    refused(await server.gql(ADVANCE, { id, expected: "inleiding" }, marieke), "CONFLICT", "stale");
    refused(await server.gql(RETURN, { id, expected: "afronden" }, marieke), "CONFLICT", "stale");
    expect(await read(id)).toEqual(before);
  });

  it("two simultaneous advances move one phase, not two", async () => {
    const id = await plan();
    await move(START, { id });
    const results = await Promise.all(
      [1, 2].map(() => server.gql(ADVANCE, { id, expected: "inleiding" }, marieke)),
    );
    const succeeded = results.filter((r) => !r.errors);
    const conflicts = results.filter((r) => codeOf(r) === "CONFLICT");
    expect(succeeded).toHaveLength(1);
    expect(conflicts).toHaveLength(1);
    const after = await read(id);
    expect(after).toMatchObject({ phase: "kern", version: 3 });
    expect(after.phasePeriods.map((p: { phase: string }) => p.phase)).toEqual([
      "inleiding",
      "kern",
    ]);
  });

  it("only the conversation's begeleider moves it; others get FORBIDDEN and nothing changes", async () => {
    const conversation = school.conversations.sanne;
    const id = conversation.id;
    const others = {
      student: await joinAs(server, conversation.invites.student),
      praktijkopleider: await joinAs(server, conversation.invites.praktijkopleider),
      trajectbegeleider: await loginAs(server, school.staff.ahmed),
      colleague: await loginAs(server, school.staff.joost),
    };
    for (const [who, token] of Object.entries(others)) {
      refused(await server.gql(START, { id }, token), "FORBIDDEN");
      expect((await read(id)).status, who).toBe("planned");
    }
    await move(START, { id });
    await move(ADVANCE, { id });
    const before = await read(id);
    server.clock.advance(MINUTE);
    for (const [who, token] of Object.entries(others)) {
      for (const [query, variables] of [
        [ADVANCE, { id, expected: "kern" }],
        [RETURN, { id, expected: "kern" }],
        [ADVANCE_SECTION, { id }],
        [MOVE_TO_SECTION, { id, section: "loopbaan" }],
        [END, { id }],
      ] as const) {
        const result = await server.gql(query, variables, token);
        expect(result.data, `${who}: ${query.slice(0, 40)}`).toBeNull();
        expect(codeOf(result), `${who}: ${query.slice(0, 40)}`).toBe("FORBIDDEN");
      }
    }
    expect(await read(id)).toEqual(before);
    // Participants do see where the conversation is.
    const seen = await server.gql(READ, { id }, others.student);
    expect(seen.data?.conversation).toMatchObject({ phase: "kern", section: "afspraken-vorige" });
  });
});

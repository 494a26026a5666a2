import { beforeAll, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { Conversation } from "../../src/modules/conversation/conversation.entity.js";
import { ConversationParticipant } from "../../src/modules/conversation/participant.entity.js";
import { PhasePeriod } from "../../src/modules/conversation/phase-period.entity.js";
import { Invite } from "../../src/modules/invite/invite.entity.js";
import { MINUTE } from "../support/clock.js";
import { testDatabases } from "../support/database.js";
import { loginAs } from "../support/factories.js";
import { codeOf, type Data, type TestSubscription } from "../support/server.js";
import { useSchoolServer } from "../support/suite.js";

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
const JOIN = "mutation($token: String!) { joinWithInvite(token: $token) { accessToken } }";
const SCHEDULE = `mutation($placementId: ID!, $at: DateTimeISO!) {
  scheduleConversation(input: { placementId: $placementId, scheduledAt: $at }) { conversation { id } }
}`;
const CONVERSATION_CHANGED = `subscription($id: ID!) {
  conversationChanged(conversationId: $id) { conversationId phase version }
}`;

/** A websocket speaking graphql-transport-ws by hand, for messages no real client sends. */
async function rawSocket(url: string, token: string) {
  const ws = new WebSocket(url, "graphql-transport-ws");
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  const acknowledged = new Promise<Data>((resolve) =>
    ws.once("message", (data) => resolve(JSON.parse(data.toString()))),
  );
  ws.send(
    JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } }),
  );
  expect(await acknowledged).toEqual({ type: "connection_ack" });
  return { ws, closed };
}

describe.each(testDatabases())("bad input on %s", (kind) => {
  const suite = useSchoolServer(kind);
  let marieke: string;
  let fleur: string;
  /** What the database held before any of the bad requests. */
  let before: Data;
  /** Subscriptions opened before the abuse; they must still deliver after it. */
  const survivors: TestSubscription[] = [];

  const snapshot = async () => {
    const manager = suite.server.services.dataSource.manager;
    const conversations = await manager.find(Conversation, { order: { id: "ASC" } });
    const invites = await manager.find(Invite, { order: { id: "ASC" } });
    return {
      conversations: conversations.map((c) => ({
        id: c.id,
        status: c.status,
        phase: c.phase,
        section: c.section,
        phaseStartedAt: c.phaseStartedAt?.toISOString(),
        version: c.version,
        scheduledAt: c.scheduledAt.toISOString(),
      })),
      invites: invites.map((i) => ({
        id: i.id,
        revokedAt: i.revokedAt,
        expiresAt: i.expiresAt.toISOString(),
      })),
      participants: await manager.count(ConversationParticipant),
      phasePeriods: await manager.count(PhasePeriod),
    };
  };

  beforeAll(async () => {
    marieke = await loginAs(suite.server, suite.school.staff.marieke);
    fleur = await loginAs(suite.server, suite.school.staff.fleur);
    const id = suite.school.conversations.sanne.id;
    await suite.server.gql(
      "mutation($id: ID!) { startConversation(conversationId: $id) { id } }",
      { id },
      marieke,
    );
    suite.server.clock.advance(MINUTE);
    await suite.server.gql(
      "mutation($id: ID!) { advancePhase(conversationId: $id) { id } }",
      { id },
      marieke,
    );
    before = await snapshot();
    expect(before.conversations).toHaveLength(3);
    expect(before.invites).toHaveLength(9);
    expect(before.phasePeriods).toBe(2);
    suite.server.clock.advance(MINUTE);
  });

  it("unknown ids are NOT_FOUND", async () => {
    const cases: [string, Record<string, unknown>][] = [
      ["query($id: ID!) { conversation(id: $id) { id } }", { id: UNKNOWN_ID }],
      ["query($id: ID!) { placement(id: $id) { id } }", { id: UNKNOWN_ID }],
      ["mutation($id: ID!) { startConversation(conversationId: $id) { id } }", { id: UNKNOWN_ID }],
      ["mutation($id: ID!) { advancePhase(conversationId: $id) { id } }", { id: UNKNOWN_ID }],
      [
        'mutation($id: ID!) { moveToSection(conversationId: $id, section: "welkom") { id } }',
        { id: UNKNOWN_ID },
      ],
      ["mutation($id: ID!) { revokeInvite(inviteId: $id) { id } }", { id: UNKNOWN_ID }],
      [SCHEDULE, { placementId: UNKNOWN_ID, at: "2026-04-01T10:00:00.000Z" }],
    ];
    for (const token of [marieke, fleur]) {
      for (const [query, variables] of cases) {
        const result = await suite.server.gql(query, variables, token);
        expect(result.data, query).toBeNull();
        expect(codeOf(result), query).toBe("NOT_FOUND");
      }
    }
  });

  it("an invalid date to scheduleConversation is BAD_USER_INPUT", async () => {
    const placementId = suite.school.students.sanne.placementId;
    // Refused by the DateTimeISO scalar before anything runs: HTTP 400.
    for (const at of ["2026-13-45T99:00", "morgen om tien", "", 12]) {
      const result = await suite.server.gql(SCHEDULE, { placementId, at }, marieke);
      expect(result.status, String(at)).toBe(400);
      expect(result.data, String(at)).toBeUndefined();
      expect(codeOf(result), String(at)).toBe("BAD_USER_INPUT");
    }
    // A real date, but not one a conversation can be planned on.
    const farAway = await suite.server.gql(
      SCHEDULE,
      { placementId, at: "3000-01-01T10:00:00Z" },
      marieke,
    );
    expect(farAway.data).toBeNull();
    expect(codeOf(farAway)).toBe("BAD_USER_INPUT");
  });

  it("null for a page size that has a default is BAD_USER_INPUT naming the argument, for every paged list", async () => {
    const lists = [
      "talkShareReport(groupBy: begeleider, first: $first)",
      "studentSearch(first: $first)",
      "staffDirectory(first: $first)",
      "overdueConversations(first: $first)",
      "pokIssues(first: $first)",
      "conclusionsOverTime(first: $first)",
      "overdueAgreements(first: $first)",
      "notEnteredConversations(first: $first)",
      "mailOutbox(first: $first)",
      "staffAccounts(first: $first)",
      "adminStudents(first: $first)",
      "adminPlacements(first: $first)",
      "adminCompanies(first: $first)",
      "adminTrainers(first: $first)",
    ].map((field) => [field.slice(0, field.indexOf("(")), `${field} { totalCount }`]);
    for (const [name, field] of lists) {
      const result = await suite.server.gql(
        `query($first: Int) { ${field} }`,
        { first: null },
        fleur,
      );
      expect(result.data, name).toBeNull();
      expect(codeOf(result), name).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0]?.message, name).toBe(
        'Argument "first" of non-null type "Int!" must not be null.',
      );
    }
  });

  it("a 10 MB request is refused with HTTP 413 PAYLOAD_TOO_LARGE", async () => {
    const body = JSON.stringify({
      query: JOIN,
      variables: { token: "x".repeat(10 * 1024 * 1024) },
    });
    const { status, body: answer } = await suite.server.post(body);
    expect(status).toBe(413);
    expect(answer.errors?.[0]?.extensions?.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("an over-long string below the body limit is BAD_USER_INPUT, and is not echoed back", async () => {
    const long = "y".repeat(600 * 1024);
    const cases: [string, Record<string, unknown>][] = [
      [JOIN, { token: long }],
      ["mutation($id: ID!) { startConversation(conversationId: $id) { id } }", { id: long }],
      [
        "mutation($id: ID!, $s: String!) { moveToSection(conversationId: $id, section: $s) { id } }",
        { id: suite.school.conversations.sanne.id, s: long },
      ],
      [SCHEDULE, { placementId: long, at: "2026-04-01T10:00:00.000Z" }],
    ];
    for (const [query, variables] of cases) {
      const result = await suite.server.gql(query, variables, marieke);
      expect(result.data, query).toBeNull();
      expect(codeOf(result), query).toBe("BAD_USER_INPUT");
      expect(JSON.stringify(result).length, query).toBeLessThan(2_000);
    }
  });

  it("a query nested 20 deep is refused as query_too_deep", async () => {
    let selection = "id";
    for (let level = 0; level < 10; level++) {
      selection = `placement { conversations { ${selection} } }`;
    }
    const result = await suite.server.gql(
      `query($id: ID!) { conversation(id: $id) { ${selection} } }`,
      { id: suite.school.conversations.sanne.id },
      fleur,
    );
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.extensions?.reason).toBe("query_too_deep");
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("a query selecting thousands of fields is refused as query_too_large", async () => {
    const aliases = Array.from({ length: 2_000 }, (_, i) => `k${i}: key`).join(" ");
    const result = await suite.server.gql(`{ guide { ${aliases} } }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.reason).toBe("query_too_large");
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("a malformed or mistyped body is a 400 with a JSON error", async () => {
    const malformed = await suite.server.post("{ not json", { authorization: `Bearer ${marieke}` });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.[0]?.extensions?.code).toBe("BAD_REQUEST");
    const mistyped = await suite.server.post(JSON.stringify({ query: 42 }));
    expect(mistyped.status).toBe(400);
    expect(mistyped.body.errors?.[0]?.message).toEqual(expect.any(String));
  });

  it("a malformed websocket message closes only that socket", async () => {
    const id = suite.school.conversations.sanne.id;
    survivors.push(suite.server.subscribe(CONVERSATION_CHANGED, { id }, marieke));
    await suite.server.waitForListeners(id, 1);

    const garbled = await rawSocket(suite.server.wsUrl, marieke);
    garbled.ws.send("{ this is not json");
    expect((await garbled.closed).code).toBe(4400);

    const unknownType = await rawSocket(suite.server.wsUrl, marieke);
    unknownType.ws.send(JSON.stringify({ type: "drop_all_tables" }));
    expect((await unknownType.closed).code).toBe(4400);

    // Larger than a request body may be: the socket is closed as "message too big".
    // (graphql-ws prints ws's RangeError to the console; keep the test output clean.)
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const oversized = await rawSocket(suite.server.wsUrl, marieke);
    oversized.ws.send(
      JSON.stringify({
        id: "1",
        type: "subscribe",
        payload: { query: CONVERSATION_CHANGED, variables: { id: "z".repeat(2 * 1024 * 1024) } },
      }),
    );
    expect((await oversized.closed).code).toBe(1009);
    quiet.mockRestore();

    // The earlier subscriber is untouched, and new ones are served.
    expect(survivors[0]?.events).toEqual([]);
    expect(suite.server.listeners(id)).toBe(1);
    survivors.push(suite.server.subscribe(CONVERSATION_CHANGED, { id }, fleur));
    await suite.server.waitForListeners(id, 2);
    const answer = await suite.server.gql("{ me { name } }", {}, marieke);
    expect(answer.data?.me.name).toBe("Marieke de Vries");
  });

  it("afterwards nothing has changed, and the server still answers and pushes", async () => {
    expect(await snapshot()).toEqual(before);
    const health = await fetch(`${suite.server.url}/healthz`);
    expect(await health.json()).toEqual({ ok: true });
    const guide = await suite.server.gql('{ guide(locale: "en") { title } }');
    expect(guide.data?.guide).toHaveLength(3);

    const id = suite.school.conversations.sanne.id;
    const moved = await suite.server.gql(
      "mutation($id: ID!) { advancePhase(conversationId: $id, expectedPhase: kern) { phase version } }",
      { id },
      marieke,
    );
    expect(moved.data?.advancePhase).toEqual({ phase: "afronden", version: 4 });
    for (const survivor of survivors) {
      const event = await survivor.take();
      expect(event.kind === "next" && event.result.data?.conversationChanged).toEqual({
        conversationId: id,
        phase: "afronden",
        version: 4,
      });
    }
  });
});

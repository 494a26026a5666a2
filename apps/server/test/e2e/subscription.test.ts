import { summaryOf } from "@driehoek/collab";
import { type CollabClient, connectCollab } from "@driehoek/test-support";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DAY, HOUR, MINUTE } from "../support/clock.js";
import { appendParagraph, participantTokens } from "../support/collab-fixtures.js";
import { testDatabases } from "../support/database.js";
import {
  buildSchool,
  joinAs,
  loginAs,
  planConversation,
  type TestSchool,
} from "../support/factories.js";
import {
  type Data,
  eventually,
  type SubscriptionEvent,
  startTestServer,
  type TestServer,
  type TestSubscription,
} from "../support/server.js";

const CONVERSATION_CHANGED = `subscription($id: ID!) {
  conversationChanged(conversationId: $id) {
    conversationId kinds phase section startedAt status version
  }
}`;
const START = "mutation($id: ID!) { startConversation(conversationId: $id) { version } }";
const ADVANCE = "mutation($id: ID!) { advancePhase(conversationId: $id) { version } }";
const RETURN = "mutation($id: ID!) { returnToPreviousPhase(conversationId: $id) { version } }";
const NEXT_SECTION = "mutation($id: ID!) { advanceSection(conversationId: $id) { version } }";
const END = "mutation($id: ID!) { endConversation(conversationId: $id) { version } }";
const CONCLUDE = `mutation($id: ID!, $c: Conclusion!, $m: String) {
  setConclusion(conversationId: $id, conclusion: $c, motivation: $m) { id } }`;
const STUDENT_VIEW = `mutation($id: ID!, $c: Conclusion!) {
  setStudentConclusion(conversationId: $id, conclusion: $c) { id } }`;
const FLAG = `mutation($id: ID!, $text: String!) {
  flagParticular(conversationId: $id, text: $text) { id } }`;
const RECORD = "query($id: ID!) { conversation(id: $id) { summary record { hash } } }";
const SIGN = `mutation($id: ID!, $hash: String!) {
  signConversation(conversationId: $id, contentHash: $hash) { status } }`;
const PAPER = "mutation($id: ID!) { recordPaperSignatures(conversationId: $id) { status } }";
const SCHEDULE = `mutation($placementId: ID!, $at: DateTimeISO!) {
  scheduleConversation(input: { placementId: $placementId, scheduledAt: $at }) { conversation { id } }
}`;

/** The change a `next` event carries; fails on anything else. */
function changeOf(event: SubscriptionEvent): Data {
  if (event.kind !== "next") throw new Error(`Expected a change, got ${JSON.stringify(event)}`);
  expect(event.result.errors).toBeUndefined();
  return event.result.data?.conversationChanged;
}

/**
 * Takes a refused subscription's events: the refusal, as a result without data carrying the
 * errors (graphql-ws reports a failing `subscribe` so), then the end of the subscription.
 * Returns the first error's code.
 */
async function refusalCodeOf(subscription: TestSubscription): Promise<unknown> {
  const refusal = await subscription.take();
  if (refusal.kind !== "next" || refusal.result.data || !refusal.result.errors) {
    throw new Error(`Expected a refusal, got ${JSON.stringify(refusal)}`);
  }
  expect(await subscription.take()).toEqual({ kind: "complete" });
  return refusal.result.errors[0]?.extensions?.code;
}

describe.each(testDatabases())("conversationChanged subscription on %s", (kind) => {
  let server: TestServer;
  let school: TestSchool;
  const tokens: Record<string, string> = {};
  let open: TestSubscription[] = [];
  const collabClients: CollabClient[] = [];

  /** Subscribes to a conversation's changes; disposed after the test. */
  const subscribe = (conversationId: string, token?: string) => {
    const subscription = server.subscribe(CONVERSATION_CHANGED, { id: conversationId }, token);
    open.push(subscription);
    return subscription;
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    school = await buildSchool(server.services);
    const { sanne, daan } = school.conversations;
    tokens.marieke = await loginAs(server, school.staff.marieke);
    tokens.joost = await loginAs(server, school.staff.joost);
    tokens.sanne = await joinAs(server, sanne.invites.student);
    tokens.kees = await joinAs(server, sanne.invites.praktijkopleider);
    tokens.daan = await joinAs(server, daan.invites.student);
    tokens.ingrid = await joinAs(server, daan.invites.praktijkopleider);
  });
  afterEach(async () => {
    await Promise.all(open.map((s) => s.dispose()));
    open = [];
    for (const client of collabClients.splice(0)) client.destroy();
  });
  afterAll(() => server?.close());

  it("the begeleider's moves reach the student, the praktijkopleider and the begeleider at once", async () => {
    const id = school.conversations.sanne.id;
    const subscribers = [tokens.sanne, tokens.kees, tokens.marieke].map((t) => subscribe(id, t));
    await server.waitForListeners(id, 3);

    const startedAt = server.clock.advance(MINUTE).toISOString();
    expect((await server.gql(START, { id }, tokens.marieke)).errors).toBeUndefined();
    for (const subscriber of subscribers) {
      expect(changeOf(await subscriber.take())).toEqual({
        conversationId: id,
        kinds: ["PHASE", "SECTION", "STATUS"],
        phase: "inleiding",
        section: "welkom",
        startedAt,
        status: "live",
        version: 2,
      });
    }

    const kernAt = server.clock.advance(5 * MINUTE).toISOString();
    expect((await server.gql(ADVANCE, { id }, tokens.marieke)).errors).toBeUndefined();
    for (const subscriber of subscribers) {
      expect(changeOf(await subscriber.take())).toEqual({
        conversationId: id,
        kinds: ["PHASE", "SECTION"],
        phase: "kern",
        section: "afspraken-vorige",
        startedAt: kernAt,
        status: "live",
        version: 3,
      });
    }

    server.clock.advance(MINUTE);
    expect((await server.gql(NEXT_SECTION, { id }, tokens.marieke)).errors).toBeUndefined();
    for (const subscriber of subscribers) {
      expect(changeOf(await subscriber.take())).toEqual({
        conversationId: id,
        kinds: ["SECTION"],
        phase: "kern",
        section: "studievoortgang",
        startedAt: kernAt,
        status: "live",
        version: 4,
      });
      expect(subscriber.events).toHaveLength(3);
    }
  });

  it("someone from another conversation is refused (FORBIDDEN) and hears nothing", async () => {
    const id = school.conversations.sanne.id;
    const begeleider = subscribe(id, tokens.marieke);
    await server.waitForListeners(id, 1);
    const outsiders = [tokens.ingrid, tokens.daan, tokens.joost].map((t) => subscribe(id, t));
    for (const outsider of outsiders) expect(await refusalCodeOf(outsider)).toBe("FORBIDDEN");
    expect(server.listeners(id)).toBe(1);

    server.clock.advance(MINUTE);
    expect((await server.gql(RETURN, { id }, tokens.marieke)).errors).toBeUndefined();
    expect(changeOf(await begeleider.take())).toMatchObject({ phase: "inleiding" });
    for (const outsider of outsiders) expect(outsider.events).toHaveLength(2);
  });

  it("a subscriber to another conversation receives none of this one's changes", async () => {
    const sanneId = school.conversations.sanne.id;
    const daanId = school.conversations.daan.id;
    const daan = subscribe(daanId, tokens.daan);
    await server.waitForListeners(daanId, 1);

    server.clock.advance(MINUTE);
    expect((await server.gql(ADVANCE, { id: sanneId }, tokens.marieke)).errors).toBeUndefined();
    expect((await server.gql(START, { id: daanId }, tokens.joost)).errors).toBeUndefined();
    // Messages on a socket arrive in order: had Sanne's change reached Daan, it would come first.
    expect(changeOf(await daan.take())).toMatchObject({
      conversationId: daanId,
      phase: "inleiding",
      version: 2,
    });
    expect(daan.events).toHaveLength(1);
  });

  it("a garbage or forged token is refused at connect: the socket closes with 4403", async () => {
    const id = school.conversations.sanne.id;
    const [payload] = tokens.marieke.split(".");
    for (const token of ["garbage", `${payload}.forged-signature`]) {
      const event = await subscribe(id, token).take();
      expect(event.kind).toBe("error");
      expect((event as { error: { code?: number } }).error.code, token).toBe(4403);
    }
    expect(server.listeners(id)).toBe(0);
  });

  it("without a token, subscribing is refused as UNAUTHENTICATED", async () => {
    const id = school.conversations.sanne.id;
    expect(await refusalCodeOf(subscribe(id))).toBe("UNAUTHENTICATED");
    expect(server.listeners(id)).toBe(0);
  });

  it("an expired session is refused as UNAUTHENTICATED", async () => {
    const id = school.conversations.sanne.id;
    const now = server.clock.now();
    server.clock.advance(13 * HOUR);
    try {
      expect(await refusalCodeOf(subscribe(id, tokens.marieke))).toBe("UNAUTHENTICATED");
    } finally {
      server.clock.set(now);
    }
    expect(server.listeners(id)).toBe(0);
  });

  it("revoking an invite ends that person's live subscription", async () => {
    const id = school.conversations.sanne.id;
    const begeleider = subscribe(id, tokens.marieke);
    const praktijkopleider = subscribe(id, tokens.kees);
    await server.waitForListeners(id, 2);

    const revoke = "mutation($id: ID!) { revokeInvite(inviteId: $id) { revokedAt } }";
    const inviteId = school.conversations.sanne.invites.praktijkopleider.id;
    expect((await server.gql(revoke, { id: inviteId }, tokens.marieke)).errors).toBeUndefined();
    server.clock.advance(MINUTE);
    expect((await server.gql(ADVANCE, { id }, tokens.marieke)).errors).toBeUndefined();
    expect(changeOf(await begeleider.take())).toMatchObject({ conversationId: id });
    // The revoked session hears nothing more: its subscription is ended instead.
    expect(await praktijkopleider.take()).toEqual({ kind: "complete" });
    expect(praktijkopleider.events).toHaveLength(1);
    await begeleider.dispose();
    await eventually(() => server.listeners(id) === 0, "the subscriptions to end");
  });

  /** Runs a GraphQL operation that must succeed. */
  const run = async (query: string, variables: Record<string, unknown>, token: string) => {
    const result = await server.gql(query, variables, token);
    expect(result.errors, query).toBeUndefined();
    return result.data as Data;
  };

  /** A fresh conversation of Lotte's placement, started, with a subscriber who leads it. */
  async function startedConversation() {
    const conversation = await planConversation(server.services, school.students.lotte.placementId);
    const id = conversation.id;
    const people = await participantTokens(server, conversation);
    const watcher = subscribe(id, people.bpv_begeleider);
    await server.waitForListeners(id, 1);
    await run(START, { id }, people.bpv_begeleider);
    expect(changeOf(await watcher.take()).kinds).toEqual(["PHASE", "SECTION", "STATUS"]);
    return { id, people, watcher };
  }

  it("the conclusion, a particular, the end, each signature and the next conversation each say what changed", async () => {
    const { id, people, watcher } = await startedConversation();
    const begeleider = people.bpv_begeleider;
    const next = async () => changeOf(await watcher.take());

    await run(STUDENT_VIEW, { id, c: "op_schema" }, people.student);
    expect(await next()).toMatchObject({ kinds: ["CONCLUSION"], phase: "inleiding" });
    await run(CONCLUDE, { id, c: "op_schema" }, begeleider);
    expect(await next()).toMatchObject({ kinds: ["CONCLUSION"], status: "live", version: 2 });
    await run(FLAG, { id, text: "Zorgen over de reistijd." }, people.praktijkopleider);
    expect(await next()).toMatchObject({ kinds: ["RECORD"] });
    await run(END, { id }, begeleider);
    expect(await next()).toMatchObject({ kinds: ["STATUS"], status: "ended", version: 3 });

    const { hash } = (await run(RECORD, { id }, people.student)).conversation.record;
    await run(SIGN, { id, hash }, people.student);
    expect(await next()).toMatchObject({ kinds: ["SIGNATURES"], status: "ended" });
    // A new conclusion changes the record: the student's signature is voided in the same event.
    await run(CONCLUDE, { id, c: "achter", m: "Nog te weinig aangetoond." }, begeleider);
    expect(await next()).toMatchObject({ kinds: ["CONCLUSION", "SIGNATURES"] });

    const marieke = await loginAs(server, school.staff.marieke);
    const at = new Date(server.clock.now().getTime() + 60 * DAY).toISOString();
    const placementId = school.students.lotte.placementId;
    await run(SCHEDULE, { placementId, at }, marieke);
    expect(await next()).toMatchObject({ kinds: ["NEXT_CONVERSATION"], status: "ended" });

    await run(PAPER, { id }, begeleider);
    expect(await next()).toMatchObject({
      kinds: ["SIGNATURES", "STATUS"],
      status: "signed",
      version: 4,
    });
    expect(watcher.events).toHaveLength(9);
  });

  it("typing in the live document arrives as RECORD once stored, with SIGNATURES when it voids one", async () => {
    const { id, people, watcher } = await startedConversation();
    const student = connectCollab(server, id, people.student, { acks: true });
    collabClients.push(student);
    await student.synced();
    appendParagraph(summaryOf(student.doc), "Ik heb geleerd te plannen.");

    const summary = async () =>
      ((await run(RECORD, { id }, people.student)).conversation.summary as string | null) ?? "";
    /** Takes events until the stored summary shows `text`; returns what each reported. */
    const changesUntilStored = async (text: string) => {
      const kinds: string[][] = [];
      do kinds.push(changeOf(await watcher.take()).kinds);
      while (!(await summary()).includes(text));
      return kinds;
    };
    // The projection follows the document after a short delay; its event follows its commit.
    const typed = await changesUntilStored("Ik heb geleerd te plannen.");
    expect(typed.length).toBeGreaterThan(0);
    for (const kinds of typed) expect(kinds).toEqual(["RECORD"]);

    await run(END, { id }, people.bpv_begeleider);
    expect(changeOf(await watcher.take())).toMatchObject({ kinds: ["STATUS"], status: "ended" });
    const { hash } = (await run(RECORD, { id }, people.student)).conversation.record;
    await run(SIGN, { id, hash }, people.praktijkopleider);
    expect(changeOf(await watcher.take()).kinds).toEqual(["SIGNATURES"]);

    appendParagraph(summaryOf(student.doc), "En te vragen.");
    expect(await changesUntilStored("En te vragen.")).toEqual([["RECORD", "SIGNATURES"]]);
  });
});

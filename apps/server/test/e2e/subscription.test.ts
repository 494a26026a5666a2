import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { HOUR, MINUTE } from "../support/clock.js";
import { testDatabases } from "../support/database.js";
import { buildSchool, joinAs, loginAs, type TestSchool } from "../support/factories.js";
import {
  type Data,
  eventually,
  type SubscriptionEvent,
  startTestServer,
  type TestServer,
  type TestSubscription,
} from "../support/server.js";

const PHASE_CHANGED = `subscription($id: ID!) {
  phaseChanged(conversationId: $id) { conversationId phase section startedAt status version }
}`;
const START = "mutation($id: ID!) { startConversation(conversationId: $id) { version } }";
const ADVANCE = "mutation($id: ID!) { advancePhase(conversationId: $id) { version } }";
const RETURN = "mutation($id: ID!) { returnToPreviousPhase(conversationId: $id) { version } }";

/** The change a `next` event carries; fails on anything else. */
function changeOf(event: SubscriptionEvent): Data {
  if (event.kind !== "next") throw new Error(`Expected a change, got ${JSON.stringify(event)}`);
  expect(event.result.errors).toBeUndefined();
  return event.result.data?.phaseChanged;
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

describe.each(testDatabases())("phaseChanged subscription on %s", (kind) => {
  let server: TestServer;
  let school: TestSchool;
  const tokens: Record<string, string> = {};
  let open: TestSubscription[] = [];

  /** Subscribes to a conversation's phase changes; disposed after the test. */
  const subscribe = (conversationId: string, token?: string) => {
    const subscription = server.subscribe(PHASE_CHANGED, { id: conversationId }, token);
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
        phase: "kern",
        section: "afspraken-vorige",
        startedAt: kernAt,
        status: "live",
        version: 3,
      });
      expect(subscriber.events).toHaveLength(2);
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
});

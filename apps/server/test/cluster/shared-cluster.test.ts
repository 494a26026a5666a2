import { CLOSE } from "@driehoek/collab";
import {
  closeOf,
  collabTicket,
  graphql,
  joinWithInvite,
  openRaw,
  type ServerProcess,
} from "@driehoek/test-support";
import { type Client, createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { type SmtpInbox, startSmtpInbox } from "../e2e/mail-inbox.js";
import { type Cluster, startCluster, testPostgresUrl, testRedisUrl } from "./processes.js";

/*
 * Three real server processes on one PostgreSQL database and one Redis behave as one server:
 * events reach subscribers on every process, a collaboration ticket opens a socket once on any
 * process, limits count together, a logout closes sockets everywhere, the outbox sends every
 * mail once, and each process reports its metrics.
 */

const postgresUrl = testPostgresUrl("shared-cluster.test.ts");
const redisUrl = testRedisUrl("shared-cluster.test.ts");

const CHANGED = `subscription($id: ID!) {
  conversationChanged(conversationId: $id) { conversationId kinds phase status startedAt version } }`;
const START = "mutation($id: ID!) { startConversation(conversationId: $id) { version } }";
const ADVANCE = "mutation($id: ID!) { advancePhase(conversationId: $id) { version } }";
const LOGIN = `mutation ClusterLogin($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken } }`;
const ME = "query ClusterMe { me { name } }";
const PERSON_LIMIT = 40;
const METRICS_TOKEN = "metrics-secret-for-the-cluster-test";

/** POSTs a GraphQL operation; the status and the first error's code. */
async function ask(
  server: ServerProcess,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
) {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { status: response.status, code: body.errors?.[0]?.extensions?.code ?? null };
}

/** A graphql-ws client on `server`, its subscription's events and how its socket closed. */
function subscribeOn(server: ServerProcess, token: string, conversationId: string) {
  const events: Record<string, unknown>[] = [];
  const closes: number[] = [];
  const client: Client = createClient({
    url: `${server.url.replace("http", "ws")}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    on: { closed: (event) => closes.push((event as { code: number }).code) },
  });
  client.subscribe(
    { query: CHANGED, variables: { id: conversationId } },
    {
      next: (result) => events.push(result.data?.conversationChanged as Record<string, unknown>),
      error: () => {},
      complete: () => {},
    },
  );
  return { events, closes, dispose: () => client.dispose() };
}

describe.skipIf(!postgresUrl || !redisUrl)(
  "three server processes sharing PostgreSQL and Redis",
  () => {
    let cluster: Cluster;
    let inbox: SmtpInbox;
    let a: ServerProcess;
    let b: ServerProcess;
    let c: ServerProcess;
    const staffLogin = (role: string) => {
      const login = a.staff.find((s) => s.role === role);
      if (!login) throw new Error(`no ${role} in the banner`);
      return login;
    };
    const loginOn = async (server: ServerProcess, role: string) => {
      const { email, password } = staffLogin(role);
      const data = await graphql<{ login: { accessToken: string } }>(server.url, LOGIN, {
        email,
        password,
      });
      return data.login.accessToken;
    };

    beforeAll(async () => {
      inbox = await startSmtpInbox();
      cluster = await startCluster({
        postgresUrl: postgresUrl as string,
        redisUrl: redisUrl as string,
        env: {
          SMTP_URL: inbox.url,
          MAIL_POLL_MS: "50",
          LOGIN_MAX_FAILURES: "4",
          RESET_MAX_PER_HOUR: "2",
          GRAPHQL_RATE_PER_MINUTE: String(PERSON_LIMIT),
          METRICS_TOKEN,
        },
      });
      [a, b, c] = cluster.processes as [ServerProcess, ServerProcess, ServerProcess];
    }, 180_000);
    afterAll(async () => {
      await cluster?.stop();
      await inbox?.close();
    });

    it("delivers a phase change made through process A to subscribers on B and C", async () => {
      const lead = await joinWithInvite(a.url, a.invite("bpv_begeleider"));
      const student = await joinWithInvite(b.url, a.invite("student"));
      const opleider = await joinWithInvite(c.url, a.invite("praktijkopleider"));
      const id = lead.conversationId;
      const onB = subscribeOn(b, student.accessToken, id);
      const onC = subscribeOn(c, opleider.accessToken, id);
      try {
        // Both processes have subscribed to the conversation's channel in Redis.
        await expect.poll(() => cluster.subscribers(`conversationChanged:${id}`)).toBe(2);
        await graphql(a.url, START, { id }, lead.accessToken);
        await graphql(a.url, ADVANCE, { id }, lead.accessToken);
        const { rows } = await cluster.db.query<{ at: string }>(
          "SELECT phase_started_at AS at FROM conversation WHERE id = $1",
          [id],
        );
        const phaseStartedAt = rows[0]?.at;
        expect(phaseStartedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
        for (const heard of [onB.events, onC.events]) {
          await expect.poll(() => heard.length).toBe(2);
          expect(heard[0]).toMatchObject({
            conversationId: id,
            status: "live",
            phase: "inleiding",
          });
          expect(heard[1]).toMatchObject({ conversationId: id });
          expect(heard[1]?.kinds).toContain("PHASE");
          expect(heard[1]?.phase).not.toBe("inleiding");
          // A moment crossed Redis as a Date and is still the stored moment (the phase's start).
          expect(heard[1]?.startedAt).toBe(phaseStartedAt);
        }
        expect(onB.events).toEqual(onC.events);
        const metricsOfB = await (await fetch(`${b.url}/metrics`)).text();
        expect(metricsOfB).toMatch(/driehoek_graphql_sockets_open [1-9]/);
      } finally {
        await Promise.all([onB.dispose(), onC.dispose()]);
      }
    });

    it("redeems a collaboration ticket issued on A once on B and refuses it on C", async () => {
      const student = await joinWithInvite(a.url, a.invite("student"));
      const room = student.conversationId;
      const ticket = await collabTicket(a.url, room, student.accessToken);
      const onB = openRaw(b, room, { ticket });
      await onB.greeted();
      const onC = openRaw(c, room, { ticket });
      expect((await closeOf(onC)).code).toBe(4401);
      expect(onC.messages).toEqual([]);
      expect(onB.isOpen()).toBe(true);
      onB.ws.close();
    });

    it("closes a staff socket on B when its session is logged out through A", async () => {
      const token = await loginOn(a, "bpv_begeleider");
      const lead = await joinWithInvite(a.url, a.invite("bpv_begeleider"));
      const before = await cluster.subscribers("sessionRevoked");
      const onB = subscribeOn(b, token, lead.conversationId);
      try {
        await expect.poll(() => cluster.subscribers("sessionRevoked")).toBeGreaterThan(before);
        // The socket is open and its subscription in place: it survives until the logout.
        await expect
          .poll(() => cluster.subscribers(`conversationChanged:${lead.conversationId}`))
          .toBe(1);
        expect(onB.closes).toEqual([]);
        await graphql(a.url, "mutation { logout }", {}, token);
        await expect.poll(() => onB.closes).toEqual([CLOSE.sessionEnded]);
      } finally {
        await onB.dispose();
      }
    });

    it("counts the GraphQL limit per person across the processes", async () => {
      const token = await loginOn(b, "trajectbegeleider");
      const servers = [a, b, c];
      const statuses: number[] = [];
      for (let i = 0; i < PERSON_LIMIT; i++) {
        statuses.push((await ask(servers[i % 3] as ServerProcess, ME, {}, token)).status);
      }
      expect(statuses.every((s) => s === 200)).toBe(true);
      for (const server of servers) {
        expect(await ask(server, ME, {}, token)).toEqual({ status: 429, code: "RATE_LIMITED" });
      }
    });

    it("locks a login address and throttles reset mails on every process at once", async () => {
      const wrong = { email: "niemand@cluster.test", password: "fout-fout-fout" };
      const codes = [];
      for (const server of [a, b, c]) codes.push((await ask(server, LOGIN, wrong)).code);
      expect(codes).toEqual(["UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED"]);
      for (const server of [a, b, c]) {
        expect((await ask(server, LOGIN, wrong)).code).toBe("TOO_MANY_ATTEMPTS");
      }
      const RESET = "mutation($email: String!) { requestPasswordReset(email: $email) }";
      const reset = { email: "iemand@cluster.test" };
      expect((await ask(a, RESET, reset)).code).toBeNull();
      expect((await ask(b, RESET, reset)).code).toBeNull();
      expect((await ask(c, RESET, reset)).code).toBe("TOO_MANY_ATTEMPTS");
    });

    it("sends every mail of the conversations planned through all three exactly once, three processes polling", async () => {
      const admin = await loginOn(c, "admin");
      const at = new Date(Date.now() + 3 * 86_400_000).toISOString();
      // The placements still running then (a conversation after a placement's end is refused).
      const placements = (
        await graphql<{ placements: { id: string; endDate: string }[] }>(
          a.url,
          "{ placements { id endDate } }",
          {},
          admin,
        )
      ).placements.filter((p) => p.endDate >= at.slice(0, 10));
      // One conversation per placement, planned through the three processes at once.
      const planned = await Promise.all(
        placements.map(async (placement, i) => {
          const server = [a, b, c][i % 3] as ServerProcess;
          const data = await graphql<{ scheduleConversation: { conversation: { id: string } } }>(
            server.url,
            `mutation($input: ScheduleConversationInput!) {
            scheduleConversation(input: $input) { conversation { id } } }`,
            { input: { placementId: placement.id, scheduledAt: at, mode: "in_person" } },
            admin,
          );
          return data.scheduleConversation.conversation.id;
        }),
      );
      const rowsOf = async () =>
        (
          await cluster.db.query<{ id: string; kind: string; status: string; attempts: number }>(
            "SELECT id, kind, status, attempts FROM outbox_mail WHERE conversation_id = ANY($1)",
            [planned],
          )
        ).rows;
      const due = (await rowsOf()).filter((row) => row.kind !== "reminder");
      expect(due.length).toBeGreaterThanOrEqual(placements.length);
      await expect
        .poll(async () => (await rowsOf()).filter((r) => r.status === "sent").length, {
          timeout: 15_000,
        })
        .toBe(due.length);
      // Give a second sender every chance to send one again.
      await new Promise((r) => setTimeout(r, 1_000));
      const rows = await rowsOf();
      for (const row of rows.filter((r) => r.kind !== "reminder")) {
        expect(row).toMatchObject({ status: "sent", attempts: 1 });
        const copies = inbox.mails.filter((m) => m.parsed.messageId === `<${row.id}@driehoek>`);
        expect(copies, `mail ${row.id}`).toHaveLength(1);
      }
      // The reminders wait for their day, in the outbox, unsent.
      const reminders = rows.filter((r) => r.kind === "reminder");
      expect(reminders.length).toBeGreaterThan(0);
      expect(reminders.every((r) => r.status === "queued")).toBe(true);
      // No mail of the whole run arrived twice (the demo's invitations included).
      const ids = inbox.mails.map((m) => m.parsed.messageId);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it("reports its metrics to a caller on the machine, and to others only with the token", async () => {
      await ask(a, ME, {}, await loginOn(a, "admin"));
      const local = await fetch(`${a.url}/metrics`);
      expect(local.status).toBe(200);
      expect(local.headers.get("content-type")).toMatch(/^text\/plain/);
      const text = await local.text();
      expect(text).toMatch(
        /driehoek_graphql_operation_duration_seconds_count\{operation="ClusterMe",type="query"\} [1-9]/,
      );
      expect(text).toMatch(
        /driehoek_graphql_errors_total\{operation="ClusterLogin",code="UNAUTHENTICATED"\} [1-9]/,
      );
      expect(text).toMatch(
        /driehoek_http_requests_total\{endpoint="\/graphql",method="POST",status="2xx"\} [1-9]/,
      );
      expect(text).toMatch(/driehoek_mail_outbox_backlog\{state="later"\} [1-9]/);
      expect(text).toMatch(/driehoek_events_relayed_total\{direction="published"\} [1-9]/);
      expect(text).toMatch(/driehoek_process_process_resident_memory_bytes [1-9]/);
      expect(text).toMatch(/driehoek_graphql_sockets_open \d+/);

      // Through a proxy on this machine (which names the real caller) it is not a local caller.
      const proxied = { "x-forwarded-for": "203.0.113.7" };
      const refused = await fetch(`${a.url}/metrics`, { headers: proxied });
      expect(refused.status).toBe(401);
      expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await refused.text()).not.toMatch(/driehoek_/);
      const wrong = await fetch(`${a.url}/metrics`, {
        headers: { ...proxied, authorization: "Bearer not-the-token" },
      });
      expect(wrong.status).toBe(401);
      const allowed = await fetch(`${a.url}/metrics`, {
        headers: { ...proxied, authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(allowed.status).toBe(200);
      expect(await allowed.text()).toMatch(/driehoek_http_requests_total/);
    });

    it("is ready on every process while PostgreSQL and Redis answer", async () => {
      for (const server of [a, b, c]) {
        const ready = await fetch(`${server.url}/readyz`);
        expect(await ready.json()).toEqual({ ok: true, status: "ready" });
      }
    });
  },
);

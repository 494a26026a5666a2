import { type Client, createClient, type FormattedExecutionResult } from "graphql-ws";
import WebSocket from "ws";
import { type Config, loadConfig } from "../../src/config.js";
import type { Services } from "../../src/context.js";
import { createServer, type DriehoekServer } from "../../src/server.js";
import { TestClock } from "./clock.js";
import { type DatabaseKind, freshDatabase, type TestDatabase } from "./database.js";

/** A GraphQL response's data: tests read it freely and let the assertions do the checking. */
// biome-ignore lint/suspicious/noExplicitAny: response shapes are checked by the assertions
export type Data = Record<string, any>;

/** A GraphQL error as it arrives over the wire. */
export interface WireError {
  message: string;
  extensions?: { code?: string; reason?: string; [key: string]: unknown };
}

/** What a GraphQL request over HTTP returned. */
export interface GqlResult {
  status: number;
  data: Data | null | undefined;
  errors: WireError[] | undefined;
}

/** How long a test waits for something that should happen before calling it a failure. */
const WAIT_MS = 5_000;

/** One event a subscription's sink saw. */
export type SubscriptionEvent =
  | { kind: "next"; result: FormattedExecutionResult<Data, unknown> }
  | { kind: "error"; error: unknown }
  | { kind: "complete" };

/** A GraphQL subscription over a real websocket client, with its events queued for the test. */
export interface TestSubscription {
  /** Every event so far, in arrival order. */
  readonly events: SubscriptionEvent[];
  /** The next event not yet taken; fails the test when none arrives in time. */
  take(timeoutMs?: number): Promise<SubscriptionEvent>;
  /** Ends the subscription and its client. */
  dispose(): Promise<void>;
}

/** A running server on its own fresh database, driven over real HTTP and websockets. */
export interface TestServer {
  url: string;
  wsUrl: string;
  services: Services;
  clock: TestClock;
  database: TestDatabase;
  /** POSTs a GraphQL operation to /graphql, with `Authorization: Bearer <token>` when given. */
  gql(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult>;
  /** POSTs a raw body to /graphql; for requests no well-behaved client would send. */
  post(body: string, headers?: Record<string, string>): Promise<{ status: number; body: Data }>;
  /** Subscribes over graphql-ws, authenticated with `token` when given. */
  subscribe(query: string, variables?: Record<string, unknown>, token?: string): TestSubscription;
  /** Resolves once `count` subscribers listen to the conversation's changes. */
  waitForListeners(conversationId: string, count: number): Promise<void>;
  /** The number of subscribers listening to the conversation's changes right now. */
  listeners(conversationId: string): number;
  /** Stops the server, keeping the database (to start another server on it). */
  stop(): Promise<void>;
  /** Stops the server and drops its database. */
  close(): Promise<void>;
}

/** Options for a test server. */
export interface TestServerOptions {
  /** Start on this database (e.g. to restart); by default a fresh one, dropped on close. */
  database?: TestDatabase;
  /** The clock the server reads; by default a new one at TEST_START. */
  clock?: TestClock;
  /** Settings to use instead of the test defaults (e.g. an SMTP server). */
  config?: Partial<Config>;
}

/** Polls `condition` until it holds, or fails with `what` after WAIT_MS. */
export async function eventually(condition: () => boolean, what: string): Promise<void> {
  const until = Date.now() + WAIT_MS;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * The event bus's transport, counting the listeners per topic, so a test can wait until a
 * subscription is really in place on the server before making the change it expects to hear
 * about. A subscription adds its listener when it starts listening and removes it when it ends.
 */
class CountingTransport extends EventTarget {
  readonly counts = new Map<string, number>();

  override addEventListener(...args: Parameters<EventTarget["addEventListener"]>): void {
    this.counts.set(args[0], (this.counts.get(args[0]) ?? 0) + 1);
    super.addEventListener(...args);
  }

  override removeEventListener(...args: Parameters<EventTarget["removeEventListener"]>): void {
    this.counts.set(args[0], (this.counts.get(args[0]) ?? 0) - 1);
    super.removeEventListener(...args);
  }

  /** Subscribers to one conversation's changes. */
  listeners(conversationId: string): number {
    return this.counts.get(`conversationChanged:${conversationId}`) ?? 0;
  }
}

/** Starts a server on 127.0.0.1 at a free port, with a fresh database unless one is given. */
export async function startTestServer(
  kind: DatabaseKind,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const database = options.database ?? (await freshDatabase(kind));
  const clock = options.clock ?? new TestClock();
  const config = loadConfig(
    {},
    {
      port: 0,
      host: "127.0.0.1",
      dataDir: database.options.dataDir,
      databaseUrl: database.options.databaseUrl,
      seedDemo: false,
      logLevel: "silent",
      publicUrl: "http://127.0.0.1:0",
      // Tests poll the API every few ms; the rate-limit tests set their own, lower limits.
      graphqlRatePerMinute: 1_000_000,
      graphqlIpRatePerMinute: 1_000_000,
      ...options.config,
    },
  );
  const transport = new CountingTransport();
  let server: DriehoekServer;
  try {
    server = await createServer(config, { now: clock.now, eventTransport: transport });
  } catch (error) {
    if (!options.database) await database.drop();
    throw error;
  }
  const port = await server.listen();
  const url = `http://127.0.0.1:${port}`;
  // Invite links name the address people reach the server at: now that it is known.
  server.services.config.publicUrl = url;

  const clients = new Set<Client>();
  let stopped = false;

  const post = async (body: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    });
    const text = await response.text();
    let parsed: Data;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`Not JSON (HTTP ${response.status}): ${text.slice(0, 200)}`);
    }
    return { status: response.status, body: parsed };
  };

  const subscribe = (
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): TestSubscription => {
    const client = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
      lazy: true,
    });
    clients.add(client);
    const events: SubscriptionEvent[] = [];
    let taken = 0;
    let wake: (() => void) | null = null;
    const push = (event: SubscriptionEvent) => {
      events.push(event);
      wake?.();
    };
    const unsubscribe = client.subscribe<Data>(
      { query, variables },
      {
        next: (result) => push({ kind: "next", result }),
        error: (error) => push({ kind: "error", error }),
        complete: () => push({ kind: "complete" }),
      },
    );
    return {
      events,
      take: async (timeoutMs = WAIT_MS) => {
        if (taken >= events.length) {
          await new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => {
              wake = null;
              reject(new Error(`No subscription event within ${timeoutMs} ms`));
            }, timeoutMs);
            wake = () => {
              clearTimeout(timer);
              wake = null;
              resolve();
            };
          });
        }
        return events[taken++] as SubscriptionEvent;
      },
      dispose: async () => {
        unsubscribe();
        clients.delete(client);
        await client.dispose();
      },
    };
  };

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await Promise.all([...clients].map((client) => client.dispose()));
    clients.clear();
    await server.close();
  };

  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    services: server.services,
    clock,
    database,
    gql: async (query, variables = {}, token) => {
      const { status, body } = await post(
        JSON.stringify({ query, variables }),
        token ? { authorization: `Bearer ${token}` } : {},
      );
      return { status, data: body.data, errors: body.errors };
    },
    post,
    subscribe,
    listeners: (conversationId) => transport.listeners(conversationId),
    waitForListeners: (conversationId, count) =>
      eventually(
        () => transport.listeners(conversationId) >= count,
        `${count} listener(s) on conversation ${conversationId}`,
      ),
    stop,
    close: async () => {
      await stop();
      await database.drop();
    },
  };
}

/** The error code of a response's first error (or undefined when it has none). */
export function codeOf(result: { errors?: readonly WireError[] }): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}

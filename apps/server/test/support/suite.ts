import type { ParticipantRole } from "@driehoek/domain";
import { type CollabClient, type CollabClientOptions, connectCollab } from "@driehoek/test-support";
import { afterAll, afterEach, beforeAll } from "vitest";
import type { Config } from "../../src/config.js";
import { participantTokens } from "./collab-fixtures.js";
import type { DatabaseKind } from "./database.js";
import {
  buildSchool,
  planConversation,
  type TestConversation,
  type TestSchool,
} from "./factories.js";
import { startTestServer, type TestServer } from "./server.js";

/** What a suite works with on one database: a running test server with the test school in it. */
export interface SchoolSuite {
  readonly server: TestServer;
  readonly school: TestSchool;
  /**
   * Stops the server and starts a new one on the same database and clock, as a restart does
   * (a test server comes back on a new port); `server` is the new one from then on.
   */
  restartServer(): Promise<TestServer>;
}

/**
 * Starts a test server on a fresh database of `kind` and builds the test school in it before
 * the suite's tests; closes the server and drops the database after them. Call at the top of
 * a `describe` block; the fields are there once its tests (and later hooks) run.
 */
export function useSchoolServer(kind: DatabaseKind, config?: Partial<Config>): SchoolSuite {
  let server: TestServer | undefined;
  let school: TestSchool | undefined;
  beforeAll(async () => {
    server = await startTestServer(kind, { config });
    school = await buildSchool(server.services);
  });
  afterAll(() => server?.close());
  const suite: SchoolSuite = {
    get server() {
      if (!server) throw new Error("the test server has not started");
      return server;
    },
    get school() {
      if (!school) throw new Error("the test school has not been built");
      return school;
    },
    restartServer: async () => {
      const stopped = suite.server;
      await stopped.stop();
      server = await startTestServer(kind, {
        database: stopped.database,
        clock: stopped.clock,
        config,
      });
      return server;
    },
  };
  return suite;
}

/** A freshly planned conversation and its three participants' access tokens. */
export interface PlannedConversation {
  conversation: TestConversation;
  tokens: Record<ParticipantRole, string>;
}

/** A fresh conversation with its three participants connected. */
export interface ConnectedConversation extends PlannedConversation {
  /** The student's, the praktijkopleider's and the BPV-begeleider's client, synced. */
  clients: [CollabClient, CollabClient, CollabClient];
}

/** A school server whose collaboration clients are destroyed after every test. */
export interface CollabSuite extends SchoolSuite {
  /** Opens a stock client on `room` (see `connectCollab`). */
  connect(room: string, token: string | null, options?: CollabClientOptions): CollabClient;
  /** Opens a client per token and waits until every one is synced. */
  connectAll(
    room: string,
    tokens: readonly string[],
    options?: CollabClientOptions,
  ): Promise<CollabClient[]>;
  /** Destroys every client opened so far but `keep`, as happens to all after each test. */
  destroyClients(...keep: CollabClient[]): void;
  /** Plans a conversation of the student's placement (Sanne's) and opens its three invites. */
  plannedConversation(student?: keyof TestSchool["students"]): Promise<PlannedConversation>;
  /** Plans a conversation of Sanne's placement and connects its three participants. */
  threeParticipants(options?: CollabClientOptions): Promise<ConnectedConversation>;
}

/** `useSchoolServer` for tests over /collab: every client a test opens is gone after it. */
export function useCollabSuite(kind: DatabaseKind, config?: Partial<Config>): CollabSuite {
  const suite = useSchoolServer(kind, config);
  let open: CollabClient[] = [];
  const destroyClients = (...keep: CollabClient[]) => {
    for (const client of open) if (!keep.includes(client)) client.destroy();
    open = keep.filter((client) => open.includes(client));
  };
  afterEach(() => destroyClients());
  const collab: CollabSuite = {
    get server() {
      return suite.server;
    },
    get school() {
      return suite.school;
    },
    restartServer: () => suite.restartServer(),
    connect: (room, token, options) => {
      const client = connectCollab(suite.server, room, token, options);
      open.push(client);
      return client;
    },
    connectAll: async (room, tokens, options) => {
      const clients = tokens.map((token) => collab.connect(room, token, options));
      await Promise.all(clients.map((client) => client.synced()));
      return clients;
    },
    destroyClients,
    plannedConversation: async (student = "sanne") => {
      const { server, school } = suite;
      const conversation = await planConversation(
        server.services,
        school.students[student].placementId,
      );
      return { conversation, tokens: await participantTokens(server, conversation) };
    },
    threeParticipants: async (options) => {
      const { conversation, tokens } = await collab.plannedConversation();
      const clients = await collab.connectAll(
        conversation.id,
        [tokens.student, tokens.praktijkopleider, tokens.bpv_begeleider],
        options,
      );
      return { conversation, tokens, clients: clients as ConnectedConversation["clients"] };
    },
  };
  return collab;
}

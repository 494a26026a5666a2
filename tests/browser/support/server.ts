import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/** The three people of a conversation, in the order the start-up banner prints them. */
export const ROLES = ["student", "praktijkopleider", "bpv_begeleider"] as const;
/** One of the three participant roles. */
export type ParticipantRole = (typeof ROLES)[number];

/** A staff login printed in the start-up banner. */
export interface StaffLogin {
  role: string;
  email: string;
  password: string;
  name: string;
}

/** The real built server, running as a child process on its own port and data folder. */
export interface RunningServer {
  /** Where it listens, e.g. http://127.0.0.1:41234. */
  url: string;
  /** The demo conversation's personal invite links, by role. */
  invites: Record<ParticipantRole, string>;
  /** The demo's staff logins. */
  staff: StaffLogin[];
  /** Everything it printed, for failure messages. */
  output: string[];
  /** Stops the process (SIGKILL when it lingers) and removes its data folder. */
  stop(): Promise<void>;
}

/** The built server's entry point, found by package name like any other import. */
function serverEntry(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve("@driehoek/server");
  if (!fs.existsSync(entry)) throw new Error(`The server is not built: ${entry} is missing`);
  return entry;
}

/** A free TCP port on the loopback address. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

/** How long the server may take to print its banner. */
const START_TIMEOUT_MS = 60_000;

/**
 * Starts `node apps/server/dist/index.js` with a fresh SQLite data folder, a free port on
 * 127.0.0.1 and the demo seeded, and resolves once the banner has printed all three invites.
 */
export async function startServer(): Promise<RunningServer> {
  const entry = serverEntry();
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-browser-"));
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Nothing of the test runner or of another database leaks into the server.
  for (const key of Object.keys(env)) {
    if (/^(VITEST|NODE_OPTIONS$|NODE_ENV$|DATABASE_URL$|REDIS_URL$|COLLAB_|WEB_DIST$)/.test(key))
      delete env[key];
  }
  Object.assign(env, {
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: url,
    DATA_DIR: dataDir,
    SEED_DEMO: "true",
  });
  const child = spawn(process.execPath, [entry], {
    cwd: path.dirname(path.dirname(entry)),
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const output: string[] = [];
  const invites: Partial<Record<ParticipantRole, string>> = {};
  const staff: StaffLogin[] = [];

  const stop = async () => {
    await stopChild(child, exited);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const ready = new Promise<void>((resolve, reject) => {
    let isRunning = false;
    const timer = setTimeout(
      () => reject(new Error(`The server did not start within ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
    const onLine = (line: string) => {
      output.push(line);
      const invite = /^invite (\w+): (\S+)$/.exec(line);
      if (invite?.[1] && invite[2]) invites[invite[1] as ParticipantRole] = invite[2];
      const login = /^staff (\w+): (\S+) \/ (\S+) \((.+)\)$/.exec(line);
      if (login?.[1] && login[2] && login[3] && login[4])
        staff.push({ role: login[1], email: login[2], password: login[3], name: login[4] });
      if (line.startsWith("Driehoek is running at")) isRunning = true;
      if (isRunning && ROLES.every((role) => invites[role])) {
        clearTimeout(timer);
        resolve();
      }
    };
    for (const stream of [child.stdout, child.stderr]) {
      let rest = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        const lines = (rest + chunk).split("\n");
        rest = lines.pop() ?? "";
        for (const line of lines) onLine(line);
      });
    }
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code ?? signal}) before it was ready`));
    });
  });

  try {
    await ready;
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}:\n${output.slice(-30).join("\n")}`);
  }
  return { url, invites: invites as Record<ParticipantRole, string>, staff, output, stop };
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const lingering = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(lingering);
}

/** Sends a GraphQL operation to the server and returns its data; throws on any error. */
export async function graphql<T>(
  server: RunningServer,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data)
    throw new Error(`GraphQL failed (${response.status}): ${JSON.stringify(body.errors)}`);
  return body.data;
}

/**
 * Starts the demo conversation as its BPV-begeleider would, over the API: for tests that are
 * about the live conversation rather than about starting it.
 */
export async function startConversationViaApi(server: RunningServer): Promise<void> {
  const token = server.invites.bpv_begeleider.split("/join/")[1] ?? "";
  const { joinWithInvite } = await graphql<{
    joinWithInvite: { accessToken: string; conversationId: string };
  }>(
    server,
    "mutation($token: String!) { joinWithInvite(token: $token) { accessToken conversationId } }",
    { token },
  );
  await graphql(
    server,
    "mutation($id: ID!) { startConversation(conversationId: $id) { status } }",
    { id: joinWithInvite.conversationId },
    joinWithInvite.accessToken,
  );
}

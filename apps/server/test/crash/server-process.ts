import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The server package's folder. */
export const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The built server (`CRASH_SERVER_ENTRY` points elsewhere, e.g. at a deliberately broken build). */
export const SERVER_ENTRY =
  process.env.CRASH_SERVER_ENTRY ?? path.join(SERVER_DIR, "dist", "index.js");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Builds the server (tsc -p tsconfig.build.json) when dist/index.js is missing or older than a
 * source file, so the process under test is the code as it is now.
 */
export function ensureServerBuilt(): void {
  if (process.env.CRASH_SERVER_ENTRY) return;
  const built = fs.existsSync(SERVER_ENTRY) ? fs.statSync(SERVER_ENTRY).mtimeMs : 0;
  if (built >= newestMtime(path.join(SERVER_DIR, "src"))) return;
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
    cwd: SERVER_DIR,
    encoding: "utf8",
  });
  if (!fs.existsSync(SERVER_ENTRY))
    throw new Error(`Building the server failed:\n${result.stdout}${result.stderr}`);
}

/** A free TCP port on the loopback address (index.ts does not report a port picked by 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("?")),
      );
    });
  });
}

/** How to start the real server process. */
export interface ServerProcessOptions {
  port: number;
  dataDir: string;
  /** PostgreSQL; SQLite in dataDir when absent. */
  databaseUrl?: string;
  /** More environment (COLLAB_RATE, COLLAB_SYNC, ...). */
  env?: Record<string, string>;
  /** Options for node itself (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** Give up waiting for the start-up banner after this many ms. */
  timeoutMs?: number;
}

/** A running `node dist/index.js`. */
export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  /** Every line it printed (stdout and stderr), newest last. */
  output: string[];
  /** The demo's invite links by role, from the start-up banner. */
  invites: Map<string, string>;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  /** Sends a signal and waits for the exit (SIGKILL after `graceMs` if it lingers). */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

/**
 * Starts `node dist/index.js` on 127.0.0.1 with its own environment (the parent's
 * DATABASE_URL never leaks into a SQLite run), and waits until it prints the demo's invites
 * (or, without a demo, that it is running).
 */
export function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env))
    if (/^(VITEST|NODE_OPTIONS$|NODE_ENV$|DATABASE_URL$|COLLAB_|PORT$|HOST$)/.test(key))
      delete env[key];
  Object.assign(env, {
    PORT: String(options.port),
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://127.0.0.1:${options.port}`,
    DATA_DIR: options.dataDir,
    SEED_DEMO: "true",
    LOG_LEVEL: "silent",
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  });
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER_ENTRY], {
    cwd: SERVER_DIR,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const invites = new Map<string, string>();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${options.port}`;

  return new Promise((resolve, reject) => {
    let running = false;
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        child.kill("SIGKILL");
        reject(error);
        return;
      }
      resolve({
        child,
        pid: child.pid as number,
        url,
        output,
        invites,
        exited,
        stop: async (signal = "SIGTERM", graceMs = 10_000) => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill(signal);
          const lingering = setTimeout(() => child.kill("SIGKILL"), graceMs);
          await exited;
          clearTimeout(lingering);
        },
      });
    };
    const timer = setTimeout(
      () => finish(new Error(`The server did not start in time:\n${output.slice(-20).join("\n")}`)),
      options.timeoutMs ?? 30_000,
    );
    const onLine = (line: string) => {
      output.push(line);
      if (output.length > 2000) output.splice(0, 1000);
      const invite = /^invite (\w+): (\S+)$/.exec(line);
      if (invite?.[1] && invite[2]) invites.set(invite[1], invite[2]);
      if (line.startsWith("Driehoek is running at")) running = true;
      if (running && invites.has("bpv_begeleider")) finish();
    };
    for (const stream of [child.stdout, child.stderr]) {
      let rest = "";
      stream?.setEncoding("utf8");
      stream?.on("data", (chunk: string) => {
        const lines = (rest + chunk).split("\n");
        rest = lines.pop() ?? "";
        for (const line of lines) onLine(line);
        // Without a demo (an existing non-demo database) the banner ends with the running line.
        if (running && !settled) setTimeout(() => finish(), 300);
      });
    }
    child.once("exit", (code, signal) =>
      finish(
        new Error(
          `The server exited (${code ?? signal}) before it was ready:\n${output.slice(-20).join("\n")}`,
        ),
      ),
    );
  });
}

/** Sends a GraphQL operation to the server and returns its data; throws on any error. */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) {
    throw new Error(`GraphQL failed (${response.status}): ${JSON.stringify(body.errors)}`);
  }
  return body.data;
}

/** Opens an invite link: the access token and the conversation it opens. */
export async function joinWithInvite(
  url: string,
  inviteUrl: string,
): Promise<{ accessToken: string; conversationId: string; role: string }> {
  const token = inviteUrl.slice(inviteUrl.lastIndexOf("/join/") + "/join/".length);
  const data = await graphql<{
    joinWithInvite: { accessToken: string; conversationId: string; role: string };
  }>(
    url,
    "mutation($token: String!) { joinWithInvite(token: $token) { accessToken conversationId role } }",
    { token },
  );
  return data.joinWithInvite;
}

/** The websocket address of a conversation's shared document for a token. */
export function collabUrl(url: string, conversationId: string, token: string, acks = true) {
  const ws = url.replace(/^http/, "ws");
  return `${ws}/collab/${encodeURIComponent(conversationId)}?token=${encodeURIComponent(token)}${acks ? "&acks=1" : ""}`;
}

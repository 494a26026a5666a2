import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { PARTICIPANT_ROLES, type ParticipantRole } from "@driehoek/domain";

/** A staff login the start-up banner prints for the demo school. */
export interface StaffLogin {
  role: string;
  email: string;
  password: string;
  name: string;
}

/** How to start the real server process. */
export interface ServerProcessOptions {
  /** The built server's entry point (`apps/server/dist/index.js`). */
  entry: string;
  /** The folder it runs in; by default the package folder the entry was built into. */
  cwd?: string;
  /** The port on 127.0.0.1; a free one when absent. */
  port?: number;
  /** The data folder; when absent a fresh temporary one, removed again by `stop()`. */
  dataDir?: string;
  /** PostgreSQL; SQLite in the data folder when absent. */
  databaseUrl?: string;
  /**
   * Seed the demo school into an empty database and wait until the banner has printed its
   * invite links (default true); false: ready as soon as the server says it is running.
   */
  seedDemo?: boolean;
  /** More environment (LOG_LEVEL, COLLAB_RATE, COLLAB_SYNC, ...). */
  env?: Record<string, string>;
  /** Options for node itself (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** Give up waiting for the start-up banner after this many ms (default 60 s). */
  timeoutMs?: number;
}

/** The real built server, running as a child process. */
export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  /** Where it listens, e.g. http://127.0.0.1:41234. */
  url: string;
  /** Its DATA_DIR; without SMTP_URL its mails land as .eml files in `outbox/` there. */
  dataDir: string;
  /** Every line it printed (stdout and stderr), newest last; for figures and failure messages. */
  output: string[];
  /** The demo's staff logins, from the start-up banner. */
  staff: StaffLogin[];
  /** The demo conversation's personal invite link for `role`, from the start-up banner. */
  invite(role: ParticipantRole): string;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  /**
   * Sends a signal and waits for the exit (SIGKILL after `graceMs` if it lingers), then removes
   * the data folder if the harness made it.
   */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

/** A free TCP port on the loopback address (the server does not report a port picked by 0). */
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

/** Nothing of the test runner, of another database or of another server leaks into the child. */
const INHERITED_NOT =
  /^(VITEST|NODE_OPTIONS$|NODE_ENV$|DATABASE_URL$|REDIS_URL$|COLLAB_|WEB_DIST$|PORT$|HOST$)/;

/** Reads the start-up banner line by line. */
interface Banner {
  isRunning: boolean;
  invites: Partial<Record<ParticipantRole, string>>;
  staff: StaffLogin[];
}

function readBannerLine(banner: Banner, line: string): void {
  const invite = /^invite (\w+): (\S+)$/.exec(line);
  if (invite?.[1] && invite[2]) banner.invites[invite[1] as ParticipantRole] = invite[2];
  const login = /^staff (\w+): (\S+) \/ (\S+) \((.+)\)$/.exec(line);
  if (login?.[1] && login[2] && login[3] && login[4])
    banner.staff.push({ role: login[1], email: login[2], password: login[3], name: login[4] });
  if (line.startsWith("Driehoek is running at")) banner.isRunning = true;
}

/**
 * Starts `node <entry>` on 127.0.0.1 with its own environment (the parent's DATABASE_URL
 * never leaks into a SQLite run) and resolves once its banner says it is running and, with
 * the demo, has printed all three invite links.
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  if (!fs.existsSync(options.entry))
    throw new Error(`The server is not built: ${options.entry} is missing`);
  const port = options.port ?? (await freePort());
  const ownsDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-server-"));
  const seedDemo = options.seedDemo ?? true;
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (INHERITED_NOT.test(key)) delete env[key];
  Object.assign(env, {
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: url,
    DATA_DIR: dataDir,
    SEED_DEMO: String(seedDemo),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  });
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.entry], {
    cwd: options.cwd ?? path.dirname(path.dirname(options.entry)),
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const output: string[] = [];
  const banner: Banner = { isRunning: false, invites: {}, staff: [] };
  const lastLines = () => output.slice(-30).join("\n");

  const stop = async (signal: NodeJS.Signals = "SIGTERM", graceMs = 10_000) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      const lingering = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(lingering);
    }
    if (ownsDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The server did not start within ${options.timeoutMs ?? 60_000} ms`)),
      options.timeoutMs ?? 60_000,
    );
    const onLine = (line: string) => {
      output.push(line);
      if (output.length > 2000) output.splice(0, 1000);
      readBannerLine(banner, line);
      if (banner.isRunning && (!seedDemo || PARTICIPANT_ROLES.every((r) => banner.invites[r]))) {
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
    await stop("SIGKILL");
    throw new Error(`${(error as Error).message}:\n${lastLines()}`);
  }
  return {
    child,
    pid: child.pid as number,
    url,
    dataDir,
    output,
    staff: banner.staff,
    invite: (role) => {
      const link = banner.invites[role];
      if (!link) throw new Error(`No ${role} invite in the banner:\n${lastLines()}`);
      return link;
    },
    exited,
    stop,
  };
}

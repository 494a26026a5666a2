import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { nginxConfig } from "../ops/nginx-config.js";

/**
 * `npm run start:cluster [-- --processes 3 --port 4000]`: a demo of Driehoek scaled out on this
 * machine. N identical server processes on PostgreSQL (`DATABASE_URL`, default
 * postgres://root@127.0.0.1:5432/driehoek_cluster, created when missing) and Redis (`REDIS_URL`,
 * default redis://127.0.0.1:6379) on consecutive ports after the public one, and nginx
 * (Debian's package, run as a child with its own prefix in a temporary folder) in front of them
 * on the public port. The first process seeds the demo school; the others start after it.
 * Ctrl-C (or SIGTERM) stops everything. docs/OPERATIONS.md explains the nginx configuration.
 */

const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ENTRY = path.join(SERVER_DIR, "dist", "index.js");

interface Child {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

const children: Child[] = [];
let stopping = false;
let workDir: string | null = null;

function log(line: string): void {
  console.log(`[cluster] ${line}`);
}

/** Starts a child, prefixing its output with its name; `onLine` sees every line. */
function startChild(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  onLine: (line: string) => void = () => undefined,
): Child {
  // Its own process group: Ctrl-C in the terminal reaches only this script, which then stops
  // each child once (a second signal would make a draining server give up at once).
  const child = spawn(command, args, {
    cwd: SERVER_DIR,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  log(`${name} pid ${child.pid}`);
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) {
        console.log(`[${name}] ${line}`);
        onLine(line);
      }
    });
  }
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code, signal) => {
      if (!stopping) log(`${name} exited (${code ?? signal})`);
      resolve(code);
    }),
  );
  const started = { name, child, exited };
  children.push(started);
  return started;
}

function isAlive(c: Child): boolean {
  return c.child.exitCode === null && c.child.signalCode === null;
}

/** Stops every child: the servers drain (SIGTERM), nginx shuts down gracefully (SIGQUIT). */
async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    log("stopping…");
    for (const c of children)
      if (isAlive(c)) c.child.kill(c.name === "nginx" ? "SIGQUIT" : "SIGTERM");
    const hard = setTimeout(() => {
      for (const c of children) if (isAlive(c)) c.child.kill("SIGKILL");
    }, 20_000);
    await Promise.all(children.map((c) => c.exited));
    clearTimeout(hard);
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
    log("stopped");
  }
  process.exit(code);
}

/** nginx: `NGINX` when set (only there), else Debian's place, else on the PATH. */
function findNginx(): string | null {
  if (process.env.NGINX) return fs.existsSync(process.env.NGINX) ? process.env.NGINX : null;
  for (const candidate of ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"])
    if (fs.existsSync(candidate)) return candidate;
  const which = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

/** Creates the database named in `url` when it does not exist yet. */
async function ensureDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    throw new Error(`Database name "${name}" must be letters, digits and _`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name}"`);
      log(`created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

/** Whether something answers a TCP connection on host:port within a second. */
function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 1000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not happen within ${ms / 1000} s`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      processes: { type: "string", default: "3" },
      port: { type: "string", default: process.env.PORT || "4000" },
      host: { type: "string", default: process.env.HOST || "0.0.0.0" },
    },
    strict: true,
  });
  const processes = Number(values.processes);
  const publicPort = Number(values.port);
  if (!Number.isInteger(processes) || processes < 1 || processes > 32)
    throw new Error(`--processes must be 1..32, got ${values.processes}`);
  if (!Number.isInteger(publicPort) || publicPort < 1 || publicPort + processes > 65535)
    throw new Error(`--port must be a port number, got ${values.port}`);

  const nginx = findNginx();
  if (!nginx) {
    console.error(
      "nginx is not installed. On Debian or Ubuntu: sudo apt-get install -y nginx (the service need not run: start:cluster runs nginx itself).",
    );
    process.exit(2);
  }
  if (!fs.existsSync(ENTRY))
    throw new Error(`The server is not built (${ENTRY}); run npm run build`);

  const databaseUrl = process.env.DATABASE_URL || "postgres://root@127.0.0.1:5432/driehoek_cluster";
  const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
  await ensureDatabase(databaseUrl).catch((error: Error) => {
    throw new Error(`PostgreSQL at ${databaseUrl} is not reachable: ${error.message}`);
  });
  const redis = new URL(redisUrl);
  if (!(await reachable(redis.hostname, Number(redis.port || 6379))))
    throw new Error(
      `Redis at ${redisUrl} is not reachable (start it, e.g. redis-server --daemonize yes, or set REDIS_URL)`,
    );

  const publicHost =
    values.host === "0.0.0.0" ? (process.env.PUBLIC_HOST ?? os.hostname()) : values.host;
  const publicUrl = (process.env.PUBLIC_URL || `http://${publicHost}:${publicPort}`).replace(
    /\/+$/,
    "",
  );
  const ports = Array.from({ length: processes }, (_, i) => publicPort + 1 + i);
  // One data folder for all processes: uploaded documents must be where every process finds them.
  const dataDir = path.resolve(
    process.env.INIT_CWD || process.cwd(),
    process.env.DATA_DIR || "./data/cluster",
  );
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-cluster-"));

  // Whatever way this script ends, no child outlives it.
  process.on("exit", () => {
    for (const c of children) if (isAlive(c)) c.child.kill("SIGKILL");
  });
  process.on("SIGINT", () => void stopAll(0));
  process.on("SIGTERM", () => void stopAll(0));

  const invites: string[] = [];
  const serverEnv = (port: number, seed: boolean): NodeJS.ProcessEnv => ({
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: publicUrl,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    // nginx on this machine: the caller's address comes from its X-Forwarded-For.
    TRUST_PROXY: process.env.TRUST_PROXY || "loopback",
    SEED_DEMO: seed ? "true" : "false",
  });
  const startServer = (index: number, port: number, seed: boolean) =>
    new Promise<void>((resolve, reject) => {
      const child = startChild(
        `p${index + 1}:${port}`,
        process.execPath,
        ["--enable-source-maps", ENTRY],
        serverEnv(port, seed),
        (line) => {
          if (/^invite \w+: /.test(line) || /^staff \w+: /.test(line)) invites.push(line);
          if (line.startsWith("Driehoek is running at")) resolve();
        },
      );
      void child.exited.then((code) => reject(new Error(`process ${index + 1} exited (${code})`)));
    });

  log(
    `PostgreSQL ${databaseUrl.replace(/\/\/[^@]*@/, "//…@")}, Redis ${redisUrl.replace(/\/\/[^@]*@/, "//…@")}, data ${dataDir}`,
  );
  // The first process migrates and seeds the demo once; then the others start together.
  await startServer(0, ports[0] as number, true);
  await Promise.all(ports.slice(1).map((port, i) => startServer(i + 1, port, false)));

  const config = nginxConfig({
    listen: `${values.host}:${publicPort}`,
    upstreams: ports.map((port) => `127.0.0.1:${port}`),
    prefix: workDir,
  });
  const configFile = path.join(workDir, "nginx.conf");
  fs.writeFileSync(configFile, config);
  const nginxChild = startChild(
    "nginx",
    nginx,
    ["-p", workDir, "-c", configFile, "-e", "stderr"],
    process.env,
  );
  void nginxChild.exited.then(() => {
    if (!stopping) {
      log("nginx stopped; stopping the cluster");
      void stopAll(1);
    }
  });
  const probeHost = values.host === "0.0.0.0" ? "127.0.0.1" : values.host;
  await waitFor(
    "nginx answering /healthz",
    async () => (await fetch(`http://${probeHost}:${publicPort}/healthz`)).ok,
    15_000,
  );

  console.log(
    [
      "",
      `Driehoek cluster is running at ${publicUrl}`,
      `nginx on port ${publicPort} → ${processes} processes on ${ports.join(", ")}; nginx config: ${configFile}`,
      ...invites,
      "Ctrl-C stops everything.",
    ].join("\n"),
  );
}

main().catch((error) => {
  console.error(
    "start:cluster is mislukt / failed:",
    error instanceof Error ? error.message : error,
  );
  void stopAll(1);
});

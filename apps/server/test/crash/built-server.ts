import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  type ServerProcess,
  type ServerProcessOptions,
  startServerProcess,
} from "@driehoek/test-support";

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

/** Starts this package's built server as a child process, quiet (LOG_LEVEL=silent) unless told. */
export function startBuiltServer(
  options: Omit<ServerProcessOptions, "entry" | "cwd"> = {},
): Promise<ServerProcess> {
  return startServerProcess({
    ...options,
    entry: SERVER_ENTRY,
    cwd: SERVER_DIR,
    env: { LOG_LEVEL: "silent", ...options.env },
  });
}

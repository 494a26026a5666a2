import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ensureServerBuilt, SERVER_DIR } from "../crash/built-server.js";
import { testRedisPrefix, testRedisUrl } from "./processes.js";

/*
 * The command-line scripts build the whole server, Redis connections included. With REDIS_URL
 * set they must still end when their work is done (a cron job that never exits piles up).
 */

const redisUrl = testRedisUrl("shared-scripts.test.ts");

describe.skipIf(!redisUrl)("scripts with REDIS_URL set", () => {
  it("npm run retention -- --dry-run exits 0 once it has listed what it would remove", async () => {
    ensureServerBuilt();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-script-"));
    try {
      const child = spawn(process.execPath, ["dist/scripts/retention.js", "--dry-run"], {
        cwd: SERVER_DIR,
        env: {
          PATH: process.env.PATH,
          DATA_DIR: dataDir,
          REDIS_URL: redisUrl,
          REDIS_PREFIX: testRedisPrefix(),
          SEED_DEMO: "false",
          LOG_LEVEL: "silent",
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
      const code = await new Promise<number | string>((resolve) => {
        const timer = setTimeout(() => {
          child.kill("SIGKILL");
          resolve("still running after 45 s");
        }, 45_000);
        child.once("exit", (exitCode) => {
          clearTimeout(timer);
          resolve(exitCode ?? -1);
        });
      });
      expect(code, output).toBe(0);
      expect(output).toMatch(/Would remove 0 conversation/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

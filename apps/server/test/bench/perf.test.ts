import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { perfAvailable, readPerfScript, recordPerf, spentOn } from "../../bench/perf.js";

const here = path.dirname(fileURLToPath(import.meta.url));

describe("bench:collab --perf: where a server's CPU goes", () => {
  it("puts each main-thread sample under the first category its frames match, the other threads together", () => {
    // Six samples of `perf script -F tid,ip,sym,dso` of Driehoek's server under load (thread
    // 9154 its main thread): a check at the door made while a socket was read, a socket write
    // after a commit, Yjs applying an update, a minor collection, two of SQLite's pool threads.
    const script = fs.readFileSync(path.join(here, "fixtures", "perf-script.txt"), "utf8");
    const spent = spentOn(script, 9154);
    expect(spent.mainTotal).toBe(4);
    expect(spent.others).toBe(2);
    expect(Object.fromEntries([...spent.main].filter(([, n]) => n > 0))).toEqual({
      // The door's sample has ws's receiver in it too: the first category wins.
      "the door's checks": 1,
      "socket writes": 1,
      "Yjs apply": 1,
      "garbage collection": 1,
    });
    // Another thread as the main one: its samples are the main thread's now.
    expect(spentOn(script, 9162).mainTotal + spentOn(script, 9162).others).toBe(6);
  });

  const hasPerf = perfAvailable();
  if (!hasPerf)
    console.warn("perf.test.ts: Linux perf is not here (Debian: linux-perf); recording skipped");

  it.runIf(hasPerf)(
    "records a running process and names its JavaScript function",
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-perf-"));
      const file = path.join(dir, "busy.perf.data");
      // A process whose main thread spends its time in one named function.
      const busy = spawn(
        process.execPath,
        [
          "--perf-basic-prof",
          "-e",
          `function burnCpuForPerf() { let x = 0; for (let i = 0; i < 1e6; i++) x += Math.sqrt(i); return x; }
           process.stdout.write("ready\\n");
           const until = Date.now() + 20000; while (Date.now() < until) burnCpuForPerf();`,
        ],
        { stdio: ["ignore", "pipe", "inherit"] },
      );
      try {
        await new Promise((resolve) => busy.stdout?.once("data", resolve));
        const recording = recordPerf(busy.pid as number, file);
        await new Promise((resolve) => setTimeout(resolve, 2000));
        await recording.stop();
        const spent = spentOn(readPerfScript(file), busy.pid as number, [
          { name: "busy loop", pattern: /burnCpuForPerf/ },
        ]);
        // 499 a second for 2 s on a thread that never waits; a busy machine gives it less.
        expect(spent.mainTotal).toBeGreaterThan(50);
        expect(spent.main.get("busy loop") ?? 0).toBeGreaterThan(spent.mainTotal / 2);
      } finally {
        busy.kill("SIGKILL");
        fs.rmSync(dir, { recursive: true, force: true });
        fs.rmSync(`/tmp/perf-${busy.pid}.map`, { force: true });
      }
    },
    30_000,
  );
});

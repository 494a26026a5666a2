import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { monotonicMicros } from "../../bench/measure.js";
import { summariseProfile } from "../../bench/profile.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A profile in V8's format: the set-up (TypeORM, 40 ms) and then the measured window (the
 * server's collab code, 20 ms, and 20 ms idle), one sample per 10 ms from `start`.
 */
function writeProfile(start: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-profile-"));
  dirs.push(dir);
  const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 9 });
  const profile = {
    nodes: [
      { id: 1, callFrame: frame("(root)", ""), children: [2, 3, 4] },
      { id: 2, callFrame: frame("save", "file:///x/node_modules/typeorm/persistence.js") },
      {
        id: 3,
        callFrame: frame("receiveUpdate", "file:///x/apps/server/dist/collab/collab-server.js"),
      },
      { id: 4, callFrame: frame("(idle)", "") },
    ],
    samples: [2, 2, 2, 2, 3, 3, 4, 4],
    timeDeltas: [10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000],
    startTime: start,
    endTime: start + 80_000,
  };
  fs.writeFileSync(path.join(dir, "CPU.test.cpuprofile"), JSON.stringify(profile));
  return dir;
}

/** The share a summary line gives `name`, or undefined when the summary leaves it out. */
function share(summary: string, name: string): number | undefined {
  const line = summary.split("\n").find((l) => l.trim().endsWith(name));
  return line ? Number.parseFloat(line.trim()) : undefined;
}

describe("the CPU profile summary", () => {
  it("counts only the measured window's samples when given one", () => {
    const dir = writeProfile(1_000_000);
    const whole = summariseProfile(dir);
    expect(whole).toContain("8 samples (10.00 ms apart)");
    expect(share(whole, "typeorm")).toBe(50);
    expect(share(whole, "server collab")).toBe(25);

    // The window: the samples taken at 50–80 ms, two in the collab code and two idle.
    const window = summariseProfile(dir, { from: 1_045_000, to: 1_080_000 });
    expect(window).toContain("4 samples (10.00 ms apart) in the measured window");
    // Where the window lies in the profile, to find it there again.
    expect(summariseProfile(dir, { from: 1_050_000, to: 1_080_000 })).toContain(
      "(0.05 to 0.08 s after the profile's start)",
    );
    expect(share(window, "typeorm")).toBeUndefined();
    expect(share(window, "server collab")).toBe(50);
    expect(share(window, "(idle)")).toBe(50);
  });

  it("counts a sample taken after a long gap as one sample, not as the gap", () => {
    const dir = writeProfile(1_000_000);
    const file = path.join(dir, "CPU.test.cpuprofile");
    const profile = JSON.parse(fs.readFileSync(file, "utf8"));
    // The process was kept off the CPUs for half a second before the first collab sample.
    profile.timeDeltas[4] = 500_000;
    fs.writeFileSync(file, JSON.stringify(profile));
    const summary = summariseProfile(dir);
    expect(share(summary, "typeorm")).toBe(50);
    expect(share(summary, "server collab")).toBe(25);
  });

  it("takes its window on the clock of V8's profiles", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-profile-"));
    dirs.push(dir);
    const before = monotonicMicros();
    // A process profiled as the benchmark profiles the server, saying when it ran.
    const said = execFileSync(
      process.execPath,
      [
        "--cpu-prof",
        `--cpu-prof-dir=${dir}`,
        "-e",
        "let x = 0; for (let i = 0; i < 1e6; i++) x += i; console.log(String(process.hrtime.bigint() / 1000n));",
      ],
      { encoding: "utf8" },
    );
    const after = monotonicMicros();
    const file = fs.readdirSync(dir).find((f) => f.endsWith(".cpuprofile")) as string;
    const { startTime, endTime } = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    const at = Number(said.trim());
    expect(startTime).toBeGreaterThanOrEqual(before);
    expect(at).toBeGreaterThanOrEqual(startTime);
    expect(at).toBeLessThanOrEqual(endTime);
    expect(endTime).toBeLessThanOrEqual(after);
    expect(summariseProfile(dir, { from: before, to: after })).toContain("in the measured window");
  });
});

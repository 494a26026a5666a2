import fs from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Where a function comes from: a package, the server's own code, or V8/Node itself. */
export function origin(url: string): string {
  if (!url) return "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  if (url.startsWith("node:")) return "node";
  const server = /apps\/server\/dist\/(.+)$/.exec(url);
  if (server?.[1]) return `server ${path.dirname(server[1])}`;
  return path.basename(url);
}

/** A stretch of the monotonic clock, in µs: V8's profile timestamps and `process.hrtime` share it. */
export interface ProfileWindow {
  from: number;
  to: number;
}

/** The profile's usual time between two samples (µs). */
function medianDelta(deltas: readonly number[]): number {
  const sorted = deltas.filter((d) => d > 0).sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? 1000;
}

/**
 * Summarises the newest V8 CPU profile (.cpuprofile) in `dir`: self time by package or server
 * folder, and the hottest functions; with `window`, only the samples taken in it (the set-up
 * before a measured window is mostly GraphQL and TypeORM, which the window barely runs). Only
 * the main thread is in it; SQLite's work runs on libuv's thread pool and shows up in the
 * process's CPU time, not here. The profiler samples wall time: a main thread that is runnable
 * but preempted counts towards the function it was in (decision 0011, thirteenth round).
 */
export function summariseProfile(dir: string, window?: ProfileWindow, top = 15): string {
  if (!fs.existsSync(dir)) return `no CPU profile: ${dir} does not exist`;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => path.join(dir, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  if (!files[0]) return `no .cpuprofile in ${dir}`;
  const profile = JSON.parse(fs.readFileSync(files[0], "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // Each sample's time: the profile's start plus the deltas so far.
  let at = profile.startTime;
  const inWindow = profile.timeDeltas.map((delta) => {
    at += delta;
    return !window || (at >= window.from && at <= window.to);
  });
  // Each sample counts as one interval. A sample's delta is the time since the one before; after
  // the process was kept off both CPUs, a single sample follows a gap of half a second, and
  // weighing it by that gap would give the gap to whatever function ran when it ended.
  const interval = medianDelta(profile.timeDeltas);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    if (!inWindow[i]) return;
    self.set(id, (self.get(id) ?? 0) + interval);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byOrigin = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, micros] of self) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const from =
      frame.functionName === "(idle)" ||
      frame.functionName === "(program)" ||
      frame.functionName === "(garbage collector)"
        ? frame.functionName
        : origin(frame.url);
    byOrigin.set(from, (byOrigin.get(from) ?? 0) + micros);
    const name = `${frame.functionName || "(anonymous)"} ${origin(frame.url)}:${frame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  }
  // Inclusive time of Driehoek's own functions: each sample counts once per function on its stack.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    if (!inWindow[i]) return;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame || !/apps\/server\/dist|packages\/\w+\/dist/.test(frame.url)) continue;
      seen.add(
        `${frame.functionName || "(anonymous)"} ${origin(frame.url)}:${frame.lineNumber + 1}`,
      );
    }
    for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + interval);
  });
  const pct = (micros: number) => `${((micros / total) * 100).toFixed(1)}%`;
  const since = (micros: number) => ((micros - profile.startTime) / 1e6).toFixed(2);
  const lines = [
    `CPU profile ${path.basename(files[0])}: ${Math.round(total / interval)} samples (${(interval / 1000).toFixed(2)} ms apart)${window ? ` in the measured window (${since(window.from)} to ${since(window.to)} s after the profile's start)` : ""}`,
  ];
  lines.push("  self time by origin:");
  for (const [name, micros] of [...byOrigin].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(`    ${pct(micros).padStart(6)}  ${name}`);
  lines.push("  hottest functions:");
  for (const [name, micros] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(`    ${pct(micros).padStart(6)}  ${name}`);
  lines.push("  Driehoek's functions, inclusive:");
  for (const [name, micros] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(`    ${pct(micros).padStart(6)}  ${name}`);
  return lines.join("\n");
}

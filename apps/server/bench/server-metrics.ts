/** Figures the benchmarks read from a Driehoek server's own /metrics. */

/** Garbage collections so far by kind (minor, major, incremental, weakcb): count and seconds. */
export type GcTotals = Map<string, { count: number; seconds: number }>;

/** The figures of the server's own /metrics the benchmark reads, at one moment. */
export interface ServerMetrics {
  gc: GcTotals;
  /** Group commits of the update log so far by duration: upper bound in s → commits at most that long. */
  commitBuckets: Map<number, number>;
  /** Updates the door checked so far, by `check outcome` (e.g. `typing admitted`). */
  doorChecks: Map<string, number>;
}

/**
 * The server's garbage collections (prom-client's default figures) and the update log's commit
 * times (driehoek_collab_store_latency_seconds) so far, from its /metrics; empty for a process
 * without them (the baseline relay).
 */
export async function serverMetrics(url: string): Promise<ServerMetrics> {
  const read: ServerMetrics = { gc: new Map(), commitBuckets: new Map(), doorChecks: new Map() };
  try {
    const response = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) return read;
    const text = await response.text();
    const gcLine =
      /^driehoek_process_nodejs_gc_duration_seconds_(sum|count)\{kind="(\w+)"\} (\S+)$/gm;
    for (const [, field, kind, value] of text.matchAll(gcLine)) {
      const entry = read.gc.get(kind as string) ?? { count: 0, seconds: 0 };
      if (field === "sum") entry.seconds = Number(value);
      else entry.count = Number(value);
      read.gc.set(kind as string, entry);
    }
    const bucketLine = /^driehoek_collab_store_latency_seconds_bucket\{le="([^"]+)"\} (\S+)$/gm;
    for (const [, le, value] of text.matchAll(bucketLine))
      read.commitBuckets.set(le === "+Inf" ? Number.POSITIVE_INFINITY : Number(le), Number(value));
    const doorLine = /^driehoek_collab_door_checks_total\{check="(\w+)",outcome="(\w+)"\} (\S+)$/gm;
    for (const [, check, outcome, value] of text.matchAll(doorLine))
      read.doorChecks.set(`${check} ${outcome}`, Number(value));
  } catch {
    // No figures: their lines are left out.
  }
  return read;
}

/** What was collected between two readings. */
export function gcBetween(from: GcTotals, to: GcTotals): GcTotals {
  return new Map(
    [...to].map(([kind, end]) => {
      const start = from.get(kind) ?? { count: 0, seconds: 0 };
      return [kind, { count: end.count - start.count, seconds: end.seconds - start.seconds }];
    }),
  );
}

/** The commit times the benchmark counts slower ones of, in seconds (buckets of the histogram). */
const SLOW_COMMIT_BOUNDS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1];

/** Group commits between two readings that took longer than 1, 5, 10, 25, 50 and 100 ms: [bound in s, commits]. */
export function slowCommitsBetween(from: ServerMetrics, to: ServerMetrics): [number, number][] {
  const total = (m: ServerMetrics) => m.commitBuckets.get(Number.POSITIVE_INFINITY) ?? 0;
  return [...to.commitBuckets]
    .filter(([bound]) => SLOW_COMMIT_BOUNDS.includes(bound))
    .map(([bound, atMost]) => [
      bound,
      total(to) - atMost - (total(from) - (from.commitBuckets.get(bound) ?? 0)),
    ]);
}

/** The door's checks between two readings, by `check outcome`. */
export function doorChecksBetween(from: ServerMetrics, to: ServerMetrics): Map<string, number> {
  return new Map([...to.doorChecks].map(([key, n]) => [key, n - (from.doorChecks.get(key) ?? 0)]));
}

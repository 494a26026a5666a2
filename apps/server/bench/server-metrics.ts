/** Figures the benchmarks read from a Driehoek server's own /metrics. */

/** Garbage collections so far by kind (minor, major, incremental, weakcb): count and seconds. */
export type GcTotals = Map<string, { count: number; seconds: number }>;

/** A histogram's cumulative buckets: upper bound in s → observations at most that long. */
export type Buckets = Map<number, number>;

/** The figures of the server's own /metrics the benchmark reads, at one moment. */
export interface ServerMetrics {
  gc: GcTotals;
  /** Group commits of the update log so far, by duration. */
  commitBuckets: Buckets;
  /** The log's appends so far, by how long they waited for the SQLite file's write lock. */
  logLockWait: Buckets;
  /** The other writers' turns of that lock so far (projections, mutations), by how long they held it. */
  otherLockHeld: Buckets;
  /** Updates the door checked so far, by `check outcome` (e.g. `typing admitted`). */
  doorChecks: Map<string, number>;
  /** Mails handed to the mail server (or written as files) so far. */
  mailsSent: number;
  /** Mails in the outbox due now or being sent. */
  mailsWaiting: number;
}

/** Figures of a process without them (the baseline relay). */
export function noServerMetrics(): ServerMetrics {
  return {
    gc: new Map(),
    commitBuckets: new Map(),
    logLockWait: new Map(),
    otherLockHeld: new Map(),
    doorChecks: new Map(),
    mailsSent: 0,
    mailsWaiting: 0,
  };
}

/** The buckets of histogram `name` (of the series with label `label`, e.g. `priority="urgent"`) in `text`. */
function bucketsOf(text: string, name: string, label = ""): Buckets {
  const buckets: Buckets = new Map();
  const line = new RegExp(`^${name}_bucket\\{([^}]*)\\} (\\S+)$`, "gm");
  for (const [, labels = "", value] of text.matchAll(line)) {
    const others = labels.replace(/(^|,)le="[^"]*"/, "").replace(/^,/, "");
    if (others !== label) continue;
    const le = /le="([^"]+)"/.exec(labels)?.[1];
    buckets.set(le === "+Inf" ? Number.POSITIVE_INFINITY : Number(le), Number(value));
  }
  return buckets;
}

/**
 * The server's garbage collections (prom-client's default figures), the update log's commit
 * times (driehoek_collab_store_latency_seconds), the SQLite write lock's waits and turns, the
 * door's checks and the outbox so far, from its /metrics; empty for a process without them
 * (the relay).
 */
export async function serverMetrics(url: string): Promise<ServerMetrics> {
  const read = noServerMetrics();
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
    read.commitBuckets = bucketsOf(text, "driehoek_collab_store_latency_seconds");
    const lock = "driehoek_sqlite_write_lock";
    read.logLockWait = bucketsOf(text, `${lock}_wait_seconds`, 'priority="urgent"');
    read.otherLockHeld = bucketsOf(text, `${lock}_held_seconds`, 'priority="normal"');
    const doorLine = /^driehoek_collab_door_checks_total\{check="(\w+)",outcome="(\w+)"\} (\S+)$/gm;
    for (const [, check, outcome, value] of text.matchAll(doorLine))
      read.doorChecks.set(`${check} ${outcome}`, Number(value));
    const sent = /^driehoek_mail_sent_total\{outcome="sent"\} (\S+)$/m.exec(text)?.[1];
    read.mailsSent = Number(sent ?? 0);
    const waiting = /^driehoek_mail_outbox_backlog\{state="(due|sending)"\} (\S+)$/gm;
    for (const [, , value] of text.matchAll(waiting)) read.mailsWaiting += Number(value);
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

/** The durations the benchmark counts longer ones of, in seconds (buckets of the histograms). */
const SLOW_BOUNDS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1];

/** Observations between two readings longer than 1, 5, 10, 25, 50 and 100 ms: [bound in s, count]. */
export function slowerBetween(from: Buckets, to: Buckets): [number, number][] {
  const total = (b: Buckets) => b.get(Number.POSITIVE_INFINITY) ?? 0;
  return [...to]
    .filter(([bound]) => SLOW_BOUNDS.includes(bound))
    .map(([bound, atMost]) => [bound, total(to) - atMost - (total(from) - (from.get(bound) ?? 0))]);
}

/** The door's checks between two readings, by `check outcome`. */
export function doorChecksBetween(from: ServerMetrics, to: ServerMetrics): Map<string, number> {
  return new Map([...to.doorChecks].map(([key, n]) => [key, n - (from.doorChecks.get(key) ?? 0)]));
}

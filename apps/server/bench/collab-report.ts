/**
 * What bench:collab prints: one size's figures, and Driehoek beside the baselines (the in-memory
 * relay and, with --durable-baseline, the durable relay) over one or more rounds.
 */
import os from "node:os";
import type { AllocationSummary } from "./allocations.js";
import type { LoadResults } from "./load.js";
import { kb, mb, ms, percentiles } from "./measure.js";
import { PERF_FREQUENCY, type PerfSpending } from "./perf.js";
import type { GcTotals } from "./server-metrics.js";

/** "1 ms: 12, 5 ms: 3, …" for counts of durations longer than each bound (in s). */
const longer = (counts: [number, number][]) =>
  counts.map(([bound, n]) => `${bound * 1000} ms: ${n}`).join(", ") || "-";

/** What one load run measured on the process under test (Driehoek or the baseline relay). */
export interface LoadFigures {
  clients: number;
  connectSeconds: number;
  targetRate: number;
  results: LoadResults;
  /** Keystroke updates typed per second in the window (both servers got the same). */
  typedPerSecond: number;
  serverCpu: number;
  /** Share of the run the server's main thread / all its threads waited for a CPU while runnable. */
  serverWaitMain: number;
  serverWaitAll: number;
  /** How often a second the main thread was preempted (absent in older figures). */
  serverPreemptedMain?: number;
  /** Server CPU of the main thread and of the other threads (share of one core). */
  serverThreads: { main: number; others: number };
  /** Garbage collections in the measured window, by kind (none for the baseline). */
  gc: GcTotals;
  /** Group commits of the log in the window slower than 1, 5, 10, 25, 50 and 100 ms. */
  slowCommits: [number, number][];
  /**
   * The SQLite write lock in the window: the log's appends that waited for it longer than 1, 5,
   * … ms; the turns other writers took, and those longer than 1, 5, … ms.
   */
  lock: { logWaits: [number, number][]; otherTurns: number; otherLongTurns: [number, number][] };
  /** Updates the door checked in the window, by `check outcome`. */
  doorChecks: Map<string, number>;
  /** Mails the outbox sent in the window (none: the load waits for the invitations to go). */
  mailsSent: number;
  /** What the server allocated in the window (--allocations), else null. */
  allocated: AllocationSummary | null;
  /** The server's CPU in the window by what it was spent on (--perf), else null or absent. */
  perf?: PerfSpending | null;
  machineCpu: number;
  loadCpu: number;
  postgresCpu: number | null;
  rssIdle: number;
  rssLoaded: number;
  rssEnd: number;
  health: ReturnType<typeof percentiles>;
  /** The measured window, by the wall clock and by the monotonic clock (µs). */
  window: { from: Date; to: Date; clock: { from: number; to: number } };
}

/** Everything measured on Driehoek at one size. */
export interface SizeFigures extends LoadFigures {
  conversations: number;
  setupSeconds: number;
  /** Updates confirmed as stored per second in the window. */
  updatesPerSecond: number;
  commits: { entries: number; batches: number; largest: number };
  longDoc: {
    buildSeconds: number;
    bytes: number;
    chars: number;
    warmMs: number;
    coldMs: number;
    afterColdMs: number;
  };
}

/** CPU ms per typed update. */
const cpuPerUpdate = (f: LoadFigures) => (f.serverCpu * 1000) / Math.max(1, f.typedPerSecond);
/** Resident memory per live conversation, in bytes. */
const rssPerConversation = (f: LoadFigures, conversations: number) =>
  (f.rssLoaded - f.rssIdle) / conversations;

/** µs of CPU per typed update that `samples` of perf's stand for. */
const perfMicros = (f: LoadFigures, samples: number) =>
  (samples / PERF_FREQUENCY / Math.max(1, f.results.typedInWindow)) * 1e6;

/** A row of the comparison: its name, the figure it takes from a run, and how it prints. */
type Measure = [string, (x: LoadFigures) => number, (x: number) => string];

/** The --perf rows: each thread's CPU per update, the main thread's by what it was spent on. */
function perfMeasures(f: LoadFigures): Measure[] {
  const micros = (x: number) => `${x.toFixed(0)} µs`;
  const row = (name: string, pick: (p: PerfSpending) => number): Measure => [
    name,
    (x) => (x.perf ? perfMicros(x, pick(x.perf)) : Number.NaN),
    micros,
  ];
  return [
    row("perf: main thread", (p) => p.mainTotal),
    ...[...(f.perf?.main.keys() ?? [])].map((name) =>
      row(`perf: main thread, ${name}`, (p) => p.main.get(name) ?? 0),
    ),
    row("perf: other threads", (p) => p.others),
  ];
}

/** One round at one size: the same load on each server, one after the other. */
export interface Round {
  driehoek: SizeFigures;
  relay: LoadFigures;
  durable: LoadFigures | null;
}

/** The middle value (the upper of the two middle ones for an even count). */
const median = (xs: number[]) => percentiles(xs.filter(Number.isFinite)).p50;

/**
 * Driehoek beside the baselines at one size. With several rounds each server's figure is the
 * median of its rounds (with their range), and each ratio the median of the rounds' own ratios:
 * a round's servers ran minutes apart, so the machine's other work weighs on them alike.
 */
const percent = (x: number) => (Number.isNaN(x) ? "-" : `${(x * 100).toFixed(0)}%`);
const perSecond = (x: number) => (Number.isNaN(x) ? "-" : `${x.toFixed(0)}/s`);

export function comparison(rounds: Round[]): string {
  const first = rounds[0] as Round;
  const conversations = first.driehoek.conversations;
  const hasDurable = rounds.every((r) => r.durable !== null);
  const measures: Measure[] = [
    ["relay p50", (x) => x.results.relay.p50, ms],
    ["relay p99", (x) => x.results.relay.p99, ms],
    ["stored p50", (x) => x.results.stored.p50, ms],
    ["stored p99", (x) => x.results.stored.p99, ms],
    ["CPU per update", cpuPerUpdate, (x) => `${x.toFixed(3)} ms`],
    ["server CPU", (x) => x.serverCpu, (x) => `${(x * 100).toFixed(0)}%`],
    ["RSS per conversation", (x) => rssPerConversation(x, conversations), kb],
    // The event loop runnable but off a CPU: mostly taken off by a pool thread it had just
    // woken for a statement (decision 0011, thirteenth round); the in-memory relay has none.
    ["main thread waiting for a CPU", (x) => x.serverWaitMain ?? Number.NaN, percent],
    ["main thread preempted", (x) => x.serverPreemptedMain ?? Number.NaN, perSecond],
    // With --perf on every server of every round: where each one's CPU went, per update.
    ...(rounds.every((r) => [r.relay, r.durable, r.driehoek].every((x) => x === null || x.perf))
      ? perfMeasures(first.driehoek)
      : []),
  ];
  const several = rounds.length > 1;
  const value = (xs: number[], format: (x: number) => string) => {
    const m = format(median(xs));
    return several ? `${m} (${format(Math.min(...xs))}–${format(Math.max(...xs))})` : m;
  };
  const ratio = (as: number[], bs: number[]) => {
    const each = as.map((a, i) => a / (bs[i] as number)).filter((x) => Number.isFinite(x) && x > 0);
    if (each.length === 0) return "-";
    const m = `${median(each).toFixed(1)}×`;
    return several ? `${m} (${Math.min(...each).toFixed(1)}–${Math.max(...each).toFixed(1)})` : m;
  };
  const columns = hasDurable
    ? "| measure | relay | durable relay | Driehoek | Driehoek / relay | durable relay / relay | Driehoek / durable relay |"
    : "| measure | relay | Driehoek | Driehoek / relay |";
  const rows = measures
    // The in-memory relay confirms nothing: its "stored" is left out without a durable relay.
    .filter(([name]) => hasDurable || !name.startsWith("stored"))
    .map(([name, of, format]) => {
      const a = rounds.map((r) => of(r.relay));
      const b = rounds.map((r) => of(r.driehoek));
      if (!hasDurable)
        return `| ${name} | ${value(a, format)} | ${value(b, format)} | ${ratio(b, a)} |`;
      const d = rounds.map((r) => of(r.durable as LoadFigures));
      const stored = name.startsWith("stored");
      return `| ${name} | ${stored ? "-" : value(a, format)} | ${value(d, format)} | ${value(b, format)} | ${stored ? "-" : ratio(b, a)} | ${stored ? "-" : ratio(d, a)} | ${ratio(b, d)} |`;
    });
  const typed = (pick: (r: Round) => LoadFigures | null) =>
    median(rounds.map((r) => pick(r)?.typedPerSecond ?? Number.NaN)).toFixed(0);
  const servers = [typed((r) => r.relay), ...(hasDurable ? [typed((r) => r.durable)] : [])];
  return [
    `\nN=${conversations}: baseline relay${hasDurable ? ", durable relay" : ""} vs Driehoek (same load; ${[...servers, typed((r) => r.driehoek)].join(" vs ")} updates/s typed${several ? `; ${rounds.length} rounds: medians (range)` : ""})`,
    columns,
    `|${"---|".repeat(columns.split("|").length - 2)}`,
    ...rows,
  ].join("\n");
}

export function report(f: SizeFigures, load: { rate: number; longDocKeystrokes: number }): string {
  const { rate, longDocKeystrokes } = load;
  const r = f.results;
  const perConversation = rssPerConversation(f, f.conversations);
  return [
    `N=${f.conversations} conversations, ${f.clients} clients, target ${f.targetRate} keystrokes/s (${rate}/s per client), ${r.windowSeconds.toFixed(0)} s measured:`,
    `  relay (send → arrival at the 2 others): p50 ${ms(r.relay.p50)}, p99 ${ms(r.relay.p99)}, max ${ms(r.relay.max)} (${r.relayedInWindow}/${r.relayExpected} arrivals)`,
    `  stored confirmation:                    p50 ${ms(r.stored.p50)}, p99 ${ms(r.stored.p99)}, max ${ms(r.stored.max)} (${r.confirmedInWindow}/${r.typedInWindow} confirmed)`,
    `  updates/s achieved: ${f.updatesPerSecond.toFixed(0)} stored (${(r.typedInWindow / r.windowSeconds).toFixed(0)} typed), ${(r.relayedInWindow / r.windowSeconds).toFixed(0)} relay arrivals; load's own event-loop delay p50 ${ms(r.loopDelayP50)}, p99 ${ms(r.loopDelayP99)}${r.slipMaxMs > 0 ? `, typing schedule fell up to ${ms(r.slipMaxMs)} behind` : ""}`,
    `  server CPU ${(f.serverCpu * 100).toFixed(0)}% of one core (${((f.serverCpu * 1000) / Math.max(1, f.updatesPerSecond)).toFixed(2)} ms CPU per stored update); waited for a CPU while runnable: main thread ${(f.serverWaitMain * 100).toFixed(0)}% of the time${f.serverPreemptedMain === undefined ? "" : ` (preempted ${f.serverPreemptedMain.toFixed(0)} times/s)`}, all threads ${(f.serverWaitAll * 100).toFixed(0)}%`,
    `  server CPU by thread: main ${(f.serverThreads.main * 100).toFixed(0)}%, other threads ${(f.serverThreads.others * 100).toFixed(0)}%`,
    `  load process ${(f.loadCpu * 100).toFixed(0)}%${f.postgresCpu === null ? "" : `; PostgreSQL ${(f.postgresCpu * 100).toFixed(0)}%`}; machine ${(f.machineCpu * 100).toFixed(0)}% of ${os.cpus().length} cores (other processes: ${Math.max(0, (f.machineCpu * os.cpus().length - f.serverCpu - f.loadCpu - (f.postgresCpu ?? 0)) * 100).toFixed(0)}% of a core)`,
    `  server RSS: ${mb(f.rssIdle)} before clients, ${mb(f.rssLoaded)} with all rooms live, ${mb(f.rssEnd)} after the run; ${kb(perConversation)} per live conversation (${kb(f.rssLoaded / f.conversations)} total/N); load process ${mb(r.rssBytes)}`,
    `  group commit: ${f.commits.entries} log entries in ≈${f.commits.batches} commits (avg ${(f.commits.entries / Math.max(1, f.commits.batches)).toFixed(1)}, largest ${f.commits.largest}) = ${(f.commits.batches / r.windowSeconds).toFixed(0)} commits/s`,
    `  /healthz during the run: p50 ${ms(f.health.p50)}, p99 ${ms(f.health.p99)}`,
    `  log commits slower than ${longer(f.slowCommits)}`,
    ...(f.lock.logWaits.length
      ? [
          `    of which waited for the SQLite write lock longer than ${longer(f.lock.logWaits)}; other writers took ${f.lock.otherTurns} turns, longer than ${longer(f.lock.otherLongTurns)}`,
        ]
      : []),
    `  mails sent in the window: ${f.mailsSent}`,
    `  door: ${[...f.doorChecks].map(([key, n]) => `${key} ${n}`).join(", ") || "-"}`,
    `  garbage collection in the window: ${[...f.gc].map(([kind, { count, seconds }]) => `${kind} ${count}× ${ms(seconds * 1000)}`).join(", ") || "-"}`,
    `  40-minute conversation (${longDocKeystrokes} keystrokes, ${kb(f.longDoc.bytes)}): load cold ${ms(f.longDoc.coldMs)}, warm ${ms(f.longDoc.afterColdMs)}, under this load ${r.loadUnderLoadMs.map(ms).join(" / ") || "-"}${r.loadFailures.length ? ` (failed: ${r.loadFailures.join("; ")})` : ""}`,
    `  setup: ${f.setupSeconds.toFixed(1)} s planning + invites; ${f.connectSeconds.toFixed(1)} s to connect and sync all clients; closes: ${JSON.stringify(r.closes)}; unconfirmed after drain: ${r.unconfirmedAfterDrain}`,
    ...(f.allocated ? allocationLines(f.allocated, r.windowSeconds, f.updatesPerSecond) : []),
    ...(f.perf ? [perfLine(f, f.perf)] : []),
  ].join("\n");
}

/** The server's CPU per update by thread, and the main thread's by what it was spent on. */
function perfLine(f: LoadFigures, p: PerfSpending): string {
  const us = (samples: number) => `${perfMicros(f, samples).toFixed(0)} µs`;
  const spent = [...p.main].map(([name, n]) => `${name} ${us(n)}`).join(", ");
  return `  CPU per update by perf (${p.mainTotal + p.others} samples): main thread ${us(p.mainTotal)} (${spent}); other threads ${us(p.others)}`;
}

/** What the server allocated in the window, in all and per update, and where. */
function allocationLines(a: AllocationSummary, windowSeconds: number, perSecond: number): string[] {
  const updates = Math.max(1, perSecond * windowSeconds);
  const size = (bytes: number) => (bytes < 10_240 ? `${bytes.toFixed(0)} B` : kb(bytes));
  return [
    `  allocated in the window (sampled, garbage included): ${mb(a.totalBytes)}, ${mb(a.totalBytes / windowSeconds)}/s, ${size(a.totalBytes / updates)} per stored update; most by:`,
    ...a.byFunction.map(
      ([where, bytes]) =>
        `    ${((bytes / a.totalBytes) * 100).toFixed(1).padStart(5)}%  ${size(bytes / updates).padStart(7)}/update  ${where}`,
    ),
  ];
}

/** One line per size: the figures the issue's targets speak of. */
export function summaryTable(all: SizeFigures[]): string {
  return [
    "\n| N | clients | target/s | achieved/s | relay p50 | relay p99 | stored p50 | stored p99 | server CPU | RSS/conv | commits/s | load 40-min cold/warm |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...all.map((f) => {
      const r = f.results;
      return `| ${f.conversations} | ${f.clients} | ${f.targetRate} | ${f.updatesPerSecond.toFixed(0)} | ${ms(r.relay.p50)} | ${ms(r.relay.p99)} | ${ms(r.stored.p50)} | ${ms(r.stored.p99)} | ${(f.serverCpu * 100).toFixed(0)}% | ${kb(rssPerConversation(f, f.conversations))} | ${(f.commits.batches / r.windowSeconds).toFixed(0)} | ${ms(f.longDoc.coldMs)} / ${ms(f.longDoc.afterColdMs)} |`;
    }),
  ].join("\n");
}

/** One conversation's projection state: a pending timer and the chain of runs. */
interface Entry {
  timer: NodeJS.Timeout | null;
  /** When the oldest change the pending timer covers was made (ms; 0 without a timer). */
  firstChangeAt: number;
  /** When the newest change was made (ms). */
  lastChangeAt: number;
  running: Promise<void>;
  /** A run is chained but has not started: it will read the document when it does. */
  isQueued: boolean;
  /** Runs that failed in a row (0 after a success); sets the next retry's delay. */
  failures: number;
  /** The document left memory: no more runs or retries for this entry. */
  isForgotten: boolean;
}

/** How retries of a failing projection back off. */
export interface RetryBackoff {
  /** Delay before the first retry, in ms; doubled after each further failure. */
  firstMs: number;
  /** The longest delay between retries, in ms. */
  maxMs: number;
}

/** Retries after 2 s, 4 s, 8 s, … up to every 5 minutes. */
export const DEFAULT_BACKOFF: RetryBackoff = { firstMs: 2_000, maxMs: 5 * 60_000 };

/** A run waits at most this many times the quiet delay while people keep typing. */
export const MAX_DELAY_FACTOR = 5;

/**
 * Projections running at once in a process. Hundreds of rooms whose people started typing
 * together come due together; run all at once, their queries interleave on the database
 * connection, every projection's write transaction lasts as long as the whole burst, and the
 * collaboration log's commits wait behind them (a p99 of 0.7 s at 300 conversations).
 */
export const CONCURRENT_PROJECTIONS = 2;

/**
 * When the relational tables follow a live document: once it has been quiet for the delay, and
 * while people keep typing at most MAX_DELAY_FACTOR times the delay after the first change
 * (2 s and 10 s by default), so a conversation in full swing is not projected every few
 * keystrokes. At most one timer and at most one queued
 * run per conversation, so slow projections under load never build a backlog. A failed run is
 * tried again with a delay that doubles per failure (see RetryBackoff), and never again once
 * the document has left memory (`forget`).
 */
export class ProjectionScheduler<Target> {
  private readonly entries = new Map<string, Entry>();
  private isStopped = false;
  private running = 0;
  /** Runs waiting for one of the CONCURRENT_PROJECTIONS turns, oldest first. */
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly delayMs: number,
    private readonly project: (conversationId: string, target: Target) => Promise<void>,
    private readonly backoff: RetryBackoff = DEFAULT_BACKOFF,
    private readonly maxDelayMs: number = delayMs * MAX_DELAY_FACTOR,
  ) {}

  private entryOf(conversationId: string): Entry {
    let entry = this.entries.get(conversationId);
    if (!entry) {
      entry = {
        timer: null,
        firstChangeAt: 0,
        lastChangeAt: 0,
        running: Promise.resolve(),
        isQueued: false,
        failures: 0,
        isForgotten: false,
      };
      this.entries.set(conversationId, entry);
    }
    return entry;
  }

  /**
   * A change of `conversationId`: projects it once changes have stopped for the delay (or the
   * longest delay has passed), unless a run (or a retry) is already pending. A keystroke only
   * notes the time; the one timer moves itself on when it fires too early.
   */
  schedule(conversationId: string, target: Target): void {
    const entry = this.entryOf(conversationId);
    const now = Date.now();
    entry.lastChangeAt = now;
    if (entry.timer) return;
    entry.firstChangeAt = now;
    this.startTimer(entry, conversationId, target, this.delayMs);
  }

  /** When a timer fires: the moment its run is due, later than now while people still type. */
  private dueAt(entry: Entry): number {
    return Math.min(entry.lastChangeAt + this.delayMs, entry.firstChangeAt + this.maxDelayMs);
  }

  private startTimer(entry: Entry, conversationId: string, target: Target, delayMs: number): void {
    if (this.isStopped || entry.isForgotten || entry.timer) return;
    entry.timer = setTimeout(() => {
      entry.timer = null;
      const wait = entry.failures === 0 ? this.dueAt(entry) - Date.now() : 0;
      if (wait > 0) return this.startTimer(entry, conversationId, target, wait);
      void this.runEntry(entry, conversationId, target);
    }, delayMs);
    entry.timer.unref();
  }

  /** Projects now (after any run in progress); resolves when the tables are up to date. */
  run(conversationId: string, target: Target): Promise<void> {
    return this.runEntry(this.entryOf(conversationId), conversationId, target);
  }

  private runEntry(entry: Entry, conversationId: string, target: Target): Promise<void> {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    // A run that has not started yet reads the document when it starts, so it covers this
    // change too; queueing another would only grow a backlog when projections are slow.
    if (entry.isQueued) return entry.running;
    entry.isQueued = true;
    entry.running = entry.running
      .then(async () => {
        await this.turn();
        try {
          entry.isQueued = false;
          if (entry.isForgotten) return;
          await this.project(conversationId, target);
          entry.failures = 0;
        } finally {
          this.endTurn();
        }
      })
      .catch((error) => {
        entry.failures += 1;
        const delayMs = Math.min(
          this.backoff.firstMs * 2 ** Math.min(entry.failures - 1, 30),
          this.backoff.maxMs,
        );
        const next = entry.isForgotten || this.isStopped ? "not again" : `again in ${delayMs} ms`;
        console.error(
          `collab: projecting ${conversationId} failed (${entry.failures}× in a row); ${next}:`,
          error,
        );
        this.startTimer(entry, conversationId, target, delayMs);
      });
    return entry.running;
  }

  /** Waits until fewer than CONCURRENT_PROJECTIONS runs are in progress. */
  private async turn(): Promise<void> {
    if (this.running < CONCURRENT_PROJECTIONS) {
      this.running += 1;
      return;
    }
    // The turn passes straight from the run that ends to this one (see endTurn).
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private endTurn(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }

  /**
   * Drops a conversation whose document left memory: its pending retry is cancelled and none
   * follows (the next load projects afresh). Resolves once its last run is done.
   */
  async forget(conversationId: string): Promise<void> {
    const entry = this.entries.get(conversationId);
    if (!entry) return;
    entry.isForgotten = true;
    if (entry.failures > 0)
      console.error(`collab: projecting ${conversationId} stopped: the document left memory.`);
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    this.entries.delete(conversationId);
    await entry.running;
  }

  /** Whether a run or retry of `conversationId` is still planned (for tests and operations). */
  isPending(conversationId: string): boolean {
    const entry = this.entries.get(conversationId);
    return Boolean(entry && (entry.timer || entry.isQueued));
  }

  /** No retries or timers from now on (the server is stopping). */
  stop(): void {
    this.isStopped = true;
    for (const entry of this.entries.values()) {
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = null;
    }
  }
}

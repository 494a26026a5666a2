/** One conversation's projection state: a pending timer and the chain of runs. */
interface Entry {
  timer: NodeJS.Timeout | null;
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

/**
 * When the relational tables follow a live document: at most one timer and at most one queued
 * run per conversation, so slow projections under load never build a backlog. A failed run is
 * tried again with a delay that doubles per failure (see RetryBackoff), and never again once
 * the document has left memory (`forget`).
 */
export class ProjectionScheduler<Target> {
  private readonly entries = new Map<string, Entry>();
  private isStopped = false;

  constructor(
    private readonly delayMs: number,
    private readonly project: (conversationId: string, target: Target) => Promise<void>,
    private readonly backoff: RetryBackoff = DEFAULT_BACKOFF,
  ) {}

  private entryOf(conversationId: string): Entry {
    let entry = this.entries.get(conversationId);
    if (!entry) {
      entry = {
        timer: null,
        running: Promise.resolve(),
        isQueued: false,
        failures: 0,
        isForgotten: false,
      };
      this.entries.set(conversationId, entry);
    }
    return entry;
  }

  /** Projects `conversationId` after the delay, unless a run (or a retry) is already pending. */
  schedule(conversationId: string, target: Target): void {
    this.startTimer(this.entryOf(conversationId), conversationId, target, this.delayMs);
  }

  private startTimer(entry: Entry, conversationId: string, target: Target, delayMs: number): void {
    if (this.isStopped || entry.isForgotten || entry.timer) return;
    entry.timer = setTimeout(() => {
      entry.timer = null;
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
        entry.isQueued = false;
        if (entry.isForgotten) return;
        await this.project(conversationId, target);
        entry.failures = 0;
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

import { collabMetrics } from "./metrics.js";
import type { LogEntry, UpdateStore } from "./store.js";

/**
 * The most entries one commit takes. Without a limit an overloaded server fell into ever larger
 * batches (20,000 entries at 1,000 conversations): settling one blocked the event loop for
 * seconds, so even more arrived meanwhile. Bounded, a batch's writers are answered while the
 * next batch is being written.
 */
export const MAX_BATCH = 500;

interface Waiting {
  entry: LogEntry;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: writes that arrive while a commit is under way are gathered and committed
 * together next, so durability costs one disk sync per batch instead of one per keystroke.
 * Each write's promise settles when its own batch is committed, in arrival order.
 */
export class GroupCommitter {
  private waiting: Waiting[] = [];
  private running: Promise<void> | null = null;
  /** Batches committed and entries in them, for the benchmark's figures. */
  readonly stats = { batches: 0, entries: 0 };

  constructor(
    private readonly store: UpdateStore,
    private readonly maxBatch = MAX_BATCH,
  ) {}

  /** Resolves once `entry` is durably stored. */
  write(entry: LogEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ entry, resolve, reject });
      // Let the rest of this turn's messages join the batch before committing.
      this.running ??= new Promise<void>((r) => setImmediate(r)).then(() => this.drain());
    });
  }

  /** Resolves when everything written so far is committed (or failed). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxBatch);
      const stopTimer = collabMetrics.storeLatency.startTimer();
      try {
        await this.store.append(batch.map((w) => w.entry));
        stopTimer();
        collabMetrics.groupCommitSize.observe(batch.length);
        this.stats.batches += 1;
        this.stats.entries += batch.length;
        for (const w of batch) w.resolve();
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    this.running = null;
  }
}

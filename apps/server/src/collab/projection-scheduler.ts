/** One conversation's projection state: a pending timer and the chain of runs. */
interface Entry {
  timer: NodeJS.Timeout | null;
  running: Promise<void>;
  /** A run is chained but has not started: it will read the document when it does. */
  isQueued: boolean;
}

/**
 * When the relational tables follow a live document: at most one timer and at most one queued
 * run per conversation, so slow projections under load never build a backlog, and a failed run
 * is tried again after the same delay.
 */
export class ProjectionScheduler<Target> {
  private readonly entries = new Map<string, Entry>();
  private isStopped = false;

  constructor(
    private readonly delayMs: number,
    private readonly project: (conversationId: string, target: Target) => Promise<void>,
  ) {}

  private entryOf(conversationId: string): Entry {
    let entry = this.entries.get(conversationId);
    if (!entry) {
      entry = { timer: null, running: Promise.resolve(), isQueued: false };
      this.entries.set(conversationId, entry);
    }
    return entry;
  }

  /** Projects `conversationId` after the delay, unless a run is already pending. */
  schedule(conversationId: string, target: Target): void {
    if (this.isStopped) return;
    const entry = this.entryOf(conversationId);
    if (entry.timer) return;
    entry.timer = setTimeout(() => {
      entry.timer = null;
      void this.run(conversationId, target);
    }, this.delayMs);
    entry.timer.unref();
  }

  /** Projects now (after any run in progress); resolves when the tables are up to date. */
  run(conversationId: string, target: Target): Promise<void> {
    const entry = this.entryOf(conversationId);
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    // A run that has not started yet reads the document when it starts, so it covers this
    // change too; queueing another would only grow a backlog when projections are slow.
    if (entry.isQueued) return entry.running;
    entry.isQueued = true;
    entry.running = entry.running
      .then(async () => {
        entry.isQueued = false;
        await this.project(conversationId, target);
      })
      .catch((error) => {
        console.error(`collab: projecting ${conversationId} failed; trying again:`, error);
        this.schedule(conversationId, target);
      });
    return entry.running;
  }

  /** Drops a conversation that left memory, once its last run is done. */
  async forget(conversationId: string): Promise<void> {
    const entry = this.entries.get(conversationId);
    if (!entry) return;
    await entry.running;
    if (!entry.timer && !entry.isQueued && this.entries.get(conversationId) === entry) {
      this.entries.delete(conversationId);
    }
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

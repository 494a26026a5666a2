import type { TalkSpan } from "./segmenter";

/** What a device reports: a span, how it was measured, and (tap mode) who spoke. */
export interface TalkReport extends TalkSpan {
  source: "VAD" | "ENERGY" | "TAP";
  role?: "student" | "praktijkopleider" | "bpv_begeleider";
}

/** How sending went: sent, to try again later (offline), or refused (dropped: sending again would not help). */
export type SendOutcome = "sent" | "retry" | "refused";

/** Per call at most this many (the server takes 120). */
export const BATCH_MAX = 100;
/** Spans older than this are not kept for a retry (the server would refuse them as stale anyway). */
const KEEP_MS = 10 * 60_000;

/**
 * Collects spans and sends them in batches, at most one call in flight: every `everyMs` while
 * there is something to send (about 20 calls a minute at most; the server allows 30).
 */
export class TalkReporter {
  private queue: TalkReport[] = [];
  private sending = false;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly send: (batch: TalkReport[]) => Promise<SendOutcome>,
    private readonly everyMs = 3000,
  ) {}

  add(spans: TalkReport[]): void {
    this.queue.push(...spans);
  }

  get pending(): number {
    return this.queue.length;
  }

  start(): void {
    if (this.timer === null) this.timer = setInterval(() => void this.flush(), this.everyMs);
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** Sends what is queued (up to BATCH_MAX); a failed batch returns to the queue's front. */
  async flush(now = Date.now()): Promise<SendOutcome | null> {
    if (this.sending || this.queue.length === 0) return null;
    this.sending = true;
    const batch = this.queue.splice(0, BATCH_MAX);
    try {
      const outcome = await this.send(batch);
      if (outcome === "retry") this.queue.unshift(...batch.filter((s) => s.end > now - KEEP_MS));
      return outcome;
    } finally {
      this.sending = false;
    }
  }
}

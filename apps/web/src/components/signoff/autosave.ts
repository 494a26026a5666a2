import { errorCode } from "../../graphql/errors";
import { conflictReason } from "./signing";

/** Where a value that saves itself stands. */
export type AutosaveState = "idle" | "pending" | "saving" | "saved" | "offline" | "failed";

/** Waits before each retry of a failed save, the last one repeating. */
export const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000] as const;

/** Failures that a retry cannot mend: the person must act (or may not act at all). */
const FINAL = new Set(["FORBIDDEN", "UNAUTHENTICATED", "BAD_USER_INPUT", "NOT_FOUND"]);
/** Refusals for a state that will not come back: the record is locked, or not open yet. */
const FINAL_REASONS = new Set(["already_signed", "not_live"]);

export interface AutosaveOptions<T> {
  /** Stores a value; throws when it was not stored. */
  save: (value: T) => Promise<void>;
  /** Tells the owner where things stand, and the last error while failing. */
  onState: (state: AutosaveState, error: unknown) => void;
  /** The quiet time after a change before it is saved, in ms. */
  delayMs?: number;
  /** Whether the device is offline now (navigator.onLine by default). */
  isOffline?: () => boolean;
}

/**
 * Saves the latest value a moment after the last change, one save at a time: a change made
 * while a save runs is saved right after it. A failed save keeps the value and is tried again
 * (sooner once the device is back online), so nothing typed is lost; only a refusal that a retry
 * cannot mend stops the retries until `retry()` or a new change.
 */
export class Autosave<T> {
  private pending: { value: T } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private failures = 0;
  private isStopped = false;
  private readonly onOnline = () => this.retry();

  constructor(private readonly options: AutosaveOptions<T>) {
    globalThis.addEventListener?.("online", this.onOnline);
  }

  /** Whether a value waits to be saved (or is being saved). */
  get isDirty(): boolean {
    return this.pending !== null || this.running !== null;
  }

  /** A new value: saved after the quiet time, or at once with `immediate`. */
  change(value: T, immediate = false): void {
    this.pending = { value };
    this.failures = 0;
    this.options.onState("pending", null);
    this.schedule(immediate ? 0 : (this.options.delayMs ?? 800));
  }

  /** Saves what waits now, without waiting for the quiet time or the next retry. */
  retry(): void {
    if (this.pending) this.schedule(0);
  }

  /** Saves what waits now and resolves when it is stored (or failed). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.run();
  }

  /** No more timers (the form leaves the page); a waiting value is sent once more. */
  stop(): void {
    globalThis.removeEventListener?.("online", this.onOnline);
    if (this.pending && !this.running) void this.run();
    this.isStopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number): void {
    if (this.isStopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, ms);
  }

  private async run(): Promise<void> {
    if (this.running) return this.running;
    const next = this.pending;
    if (!next) return;
    this.pending = null;
    this.options.onState("saving", null);
    this.running = this.options.save(next.value).then(
      () => {
        this.running = null;
        this.failures = 0;
        if (this.pending) void this.run();
        else this.options.onState("saved", null);
      },
      (error: unknown) => {
        this.running = null;
        // A newer value replaces the failed one; otherwise the failed one waits to be retried.
        this.pending ??= next;
        const offline = this.options.isOffline?.() ?? globalThis.navigator?.onLine === false;
        this.options.onState(offline ? "offline" : "failed", error);
        if (FINAL.has(errorCode(error)) || FINAL_REASONS.has(conflictReason(error) ?? "")) return;
        const delay = RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length - 1)];
        this.failures += 1;
        this.schedule(delay ?? 30_000);
      },
    );
    return this.running;
  }
}

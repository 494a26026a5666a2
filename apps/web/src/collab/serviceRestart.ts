import { CLOSE } from "@driehoek/collab";
import type { WebsocketProvider } from "y-websocket";

/** First wait before reconnecting after a restart, in ms (doubles per attempt). */
const BASE_DELAY_MS = 1_000;
/** Longest wait between attempts, in ms. */
const MAX_DELAY_MS = 15_000;
/** Reconnecting may take this long before the person is told about the restart, in ms. */
export const RESTART_NOTICE_AFTER_MS = 3_000;

/**
 * Whether y-websocket reconnects by itself after `event`: not after a permanent close (4400–4499,
 * y-websocket's own rule) and not after a service restart (1012), which `ServiceRestart` handles
 * with its own randomized wait, so clients of a restarting server do not all return at once.
 */
export function shouldReconnect(event: { code: number }): boolean {
  return event.code !== CLOSE.serviceRestart && !(event.code >= 4400 && event.code < 4500);
}

/** The wait before reconnect attempt `attempt` (0, 1, …): exponential, with jitter. */
export function restartDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
  return Math.round(ceiling * (0.25 + 0.75 * random()));
}

/**
 * Reconnects a provider after the server closed it with 1012 ("service restart"): after a
 * randomized, growing wait (behind a load balancer the new connection lands on another
 * instance). The document is kept, so edits the server had not confirmed are sent again on
 * reconnecting. `onNotice(true)` when reconnecting takes longer than a few seconds, `false` once
 * connected again.
 */
export class ServiceRestart {
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private noticeTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly provider: WebsocketProvider,
    private readonly onNotice: (isShown: boolean) => void,
  ) {}

  /** Reconnecting after a restart is under way. */
  get isPending(): boolean {
    return this.reconnectTimer !== null || this.noticeTimer !== null;
  }

  /** The server said it is restarting: reconnect after a randomized wait. */
  restarted(): void {
    this.noticeTimer ??= setTimeout(() => this.onNotice(true), RESTART_NOTICE_AFTER_MS);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.provider.connect();
    }, restartDelayMs(this.attempt));
    this.attempt += 1;
  }

  /** Connected and synced again: the restart is over. */
  recovered(): void {
    this.attempt = 0;
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    this.noticeTimer = null;
    this.onNotice(false);
  }

  /** Stops waiting (the document is torn down, or the person reconnected by hand). */
  cancel(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    this.reconnectTimer = null;
    this.noticeTimer = null;
  }
}

import type { Services } from "../context.js";

/** Whose access keeps a socket open. */
export interface WatchedAccess {
  personId: string;
  /** The staff session (null for invite sessions). */
  sessionId: string | null;
  /** The invite (null for staff sessions). */
  inviteId: string | null;
  /** When the access token expires (null: never checked, e.g. an anonymous socket). */
  expiresAt: Date | null;
}

// setTimeout holds at most 2^31-1 ms (~24.8 days); longer waits are re-armed.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Ends an open socket when the access behind it ends: at its token's expiry, when its staff
 * session is revoked (logout, log out everywhere), its account deactivated or its invite
 * revoked. `end` is called at most once, with the reason; returns how to stop watching.
 * The expiry is measured on the server's clock when the socket opened.
 */
export function watchAccess(
  services: Services,
  access: WatchedAccess,
  end: (reason: string) => void,
): () => void {
  let timer: NodeJS.Timeout | null = null;
  let isEnded = false;
  const stops: (() => void)[] = [];
  const stop = () => {
    if (timer) clearTimeout(timer);
    for (const unsubscribe of stops.splice(0)) unsubscribe();
  };
  const finish = (reason: string) => {
    if (isEnded) return;
    isEnded = true;
    stop();
    end(reason);
  };
  if (access.expiresAt) {
    const deadline = Date.now() + (access.expiresAt.getTime() - services.now().getTime());
    const arm = () => {
      const wait = deadline - Date.now();
      if (wait <= 0) return finish("Your session has expired; log in or open your link again.");
      timer = setTimeout(arm, Math.min(wait, MAX_TIMER_MS));
      timer.unref();
    };
    arm();
  }
  const { events } = services;
  if (access.sessionId)
    stops.push(
      events.on("sessionRevoked", (id) => {
        if (id === access.sessionId) finish("You have been logged out.");
      }),
    );
  if (access.inviteId)
    stops.push(
      events.on("inviteRevoked", (id) => {
        if (id === access.inviteId) finish("Your invite has been revoked.");
      }),
    );
  stops.push(
    events.on("accountDeactivated", (id) => {
      if (id === access.personId) finish("This account has been deactivated.");
    }),
  );
  return () => {
    isEnded = true;
    stop();
  };
}

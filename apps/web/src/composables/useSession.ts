import type { Role } from "@driehoek/domain";
import { computed, readonly, ref } from "vue";
import type { AuthPayload, Person } from "../graphql/operations";

/** Who is signed in on this device, and the token that proves it. */
export interface Session {
  accessToken: string;
  role: Role;
  person: Person;
  /** Set for invite sessions: the one conversation the token opens. */
  conversationId: string | null;
  /** ISO timestamp after which the server no longer accepts the token. */
  expiresAt: string;
}

const STORAGE_KEY = "driehoek.session";

// One shared ref for the whole app: every component sees the same sign-in state.
const session = ref<Session | null>(readStoredSession());

// Logging out (or in) in another tab must not leave this tab acting as the old person.
globalThis.addEventListener?.("storage", (event) => {
  if (event.key === STORAGE_KEY) session.value = readStoredSession();
});

/**
 * The signed-in session, kept in localStorage so that a reload, or reopening an invite link,
 * lands in the same conversation without logging in again.
 */
export function useSession() {
  return {
    /** The current session, or null when nobody is signed in. */
    session: readonly(session),
    /** Whether someone is signed in with a token that has not expired. */
    isLoggedIn: computed(() => session.value !== null && !isExpired(session.value)),
    /** Stores the session that `login` or `joinWithInvite` returned. */
    setSession,
    /** Forgets the session on this device. */
    clearSession,
  };
}

/** Stores the session that `login` or `joinWithInvite` returned. */
export function setSession(payload: AuthPayload): Session {
  const next: Session = {
    accessToken: payload.accessToken,
    role: payload.role,
    person: { id: payload.person.id, name: payload.person.name, role: payload.person.role },
    conversationId: payload.conversationId ?? null,
    expiresAt: payload.expiresAt,
  };
  globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(next));
  session.value = next;
  return next;
}

/** Forgets the session on this device. */
export function clearSession(): void {
  globalThis.localStorage?.removeItem(STORAGE_KEY);
  session.value = null;
}

/**
 * The server ended the session (its token expired, or it was logged out elsewhere): forget it
 * here, but keep the offline copies, so that edits not yet confirmed are sent once the same
 * person logs in again. Logging out on purpose wipes them (useLogout).
 */
export function sessionEnded(): void {
  clearSession();
}

/**
 * The bearer token to send, or null. Read at request time (not captured once) so that the
 * GraphQL client always uses whoever is signed in now.
 */
export function currentAccessToken(): string | null {
  const current = session.value;
  if (!current) return null;
  if (isExpired(current)) {
    clearSession();
    return null;
  }
  return current.accessToken;
}

/** The shared session ref itself, for code outside components that must react to sign-in. */
export const sessionState = readonly(session);

function isExpired(current: Session, now = Date.now()): boolean {
  const expiresAt = Date.parse(current.expiresAt);
  return Number.isFinite(expiresAt) && expiresAt <= now;
}

function readStoredSession(): Session | null {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    if (typeof parsed.accessToken !== "string" || !parsed.person || !parsed.role) return null;
    const stored = parsed as Session;
    return isExpired(stored) ? null : stored;
  } catch {
    // A corrupt entry (e.g. edited by hand) is treated as signed out rather than crashing.
    return null;
  }
}

/** Signed in with a password (not through an invite) in one of `roles`. */
function isSignedInAs(current: Readonly<Session> | null, roles: readonly Role[]): boolean {
  return !!current && !current.conversationId && roles.includes(current.role);
}

/** Whether the session may use the planner ("Mijn studenten"): a BPV-begeleider or an admin. */
export function canPlan(current: Readonly<Session> | null): boolean {
  return isSignedInAs(current, ["bpv_begeleider", "admin"]);
}

/** Whether the session may use the administration pages (the roster import). */
export function canAdminister(current: Readonly<Session> | null): boolean {
  return isSignedInAs(current, ["admin"]);
}

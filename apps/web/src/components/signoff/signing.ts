import { CombinedGraphQLErrors } from "@apollo/client";

/**
 * How long after the record changed on screen an akkoord still waits for a second look: a
 * change that lands just before the click cannot have been read.
 */
export const FRESH_CHANGE_MS = 4_000;

/** How a request to sign ended. */
export type SignOutcome = "accepted" | "changed" | "failed";

/**
 * Whether the person must read the record again before their akkoord counts: the server's
 * record is not the one on screen, or the one on screen changed only a moment ago.
 */
export function mustReadAgain(
  displayedHash: string,
  currentHash: string | undefined,
  changedAt: number | null,
  now: number,
): boolean {
  if (currentHash !== displayedHash) return true;
  return changedAt !== null && now - changedAt < FRESH_CHANGE_MS;
}

/** The `extensions.reason` of a refused GraphQL request, e.g. "content_changed". */
export function conflictReason(error: unknown): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const reason = error.errors[0]?.extensions?.reason;
  return typeof reason === "string" ? reason : null;
}

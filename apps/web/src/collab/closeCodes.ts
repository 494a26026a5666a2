import { CLOSE } from "@driehoek/collab";

/**
 * Closes after which trying again cannot help: the person needs a new link or other access.
 * Other permanent closes (too large, too many messages) may be retried by hand.
 */
const FINAL_CLOSES: readonly number[] = [
  CLOSE.unauthenticated,
  CLOSE.sessionEnded,
  CLOSE.forbidden,
  CLOSE.notFound,
];

/** Whether a close code means this device can no longer reach the document at all. */
export function isFinalClose(code: number | undefined): boolean {
  return code !== undefined && FINAL_CLOSES.includes(code);
}

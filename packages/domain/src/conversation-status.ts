import type { LocalizedText } from "./i18n.js";

/**
 * The life of one conversation: planned → live → ended → signed.
 *
 * - planned: a date is set; nothing has been said yet.
 * - live: the three are in the conversation; notes and agreements are being written.
 * - ended: the conversation is over; the record is awaiting the three sign-offs.
 * - signed: all three have signed; the record is locked for good.
 *
 * There is deliberately no "cancelled": a planned conversation holds no record yet, so calling
 * it off is deleting (or re-dating) it, and no status is needed that every consumer must handle.
 */
export const CONVERSATION_STATUSES = ["planned", "live", "ended", "signed"] as const;

/** One step in the life of a conversation; see `CONVERSATION_STATUSES`. */
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** Display names of the statuses. */
export const CONVERSATION_STATUS_LABELS: Record<ConversationStatus, LocalizedText> = {
  planned: { nl: "Gepland", en: "Planned" },
  live: { nl: "Bezig", en: "In progress" },
  ended: { nl: "Afgelopen", en: "Ended" },
  signed: { nl: "Ondertekend", en: "Signed" },
};

/**
 * Whether a conversation may go from `from` to `to`. Only one step forward is allowed:
 * planned → live → ended → signed. Nothing goes back: an ended conversation is not reopened
 * (its record is being signed), and a signed one never changes again.
 */
export function canTransition(from: ConversationStatus, to: ConversationStatus): boolean {
  const fromIndex = CONVERSATION_STATUSES.indexOf(from);
  return fromIndex >= 0 && CONVERSATION_STATUSES[fromIndex + 1] === to;
}

/** Whether the conversation is only planned: a date is set, nothing has been said yet. */
export function isPlanned(status: ConversationStatus): boolean {
  return status === "planned";
}

/** Whether the three are in the conversation now: the guide moves, notes are written. */
export function isLive(status: ConversationStatus): boolean {
  return status === "live";
}

/** Whether the conversation is over and its record awaits the three sign-offs. */
export function isAwaitingSignatures(status: ConversationStatus): boolean {
  return status === "ended";
}

/** Whether the record is locked: after all three sign-offs nothing may change it. */
export function isLocked(status: ConversationStatus): boolean {
  return status === "signed";
}

/**
 * Whether the record may still change (conclusion, particulars, signatures): the conversation
 * is live or awaiting its sign-offs, not planned and not locked.
 */
export function isRecordOpen(status: ConversationStatus): boolean {
  return isLive(status) || isAwaitingSignatures(status);
}

/** The statuses of a conversation that took place (ended or signed), for SQL `IN (...)`. */
export const HELD_STATUSES: readonly ConversationStatus[] = CONVERSATION_STATUSES.filter(
  (status) => status === "ended" || status === "signed",
);

/** Whether the conversation counts as held for the frequency rule (it took place). */
export function isHeld(status: ConversationStatus): boolean {
  return HELD_STATUSES.includes(status);
}

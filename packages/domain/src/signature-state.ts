/**
 * Where one participant's akkoord stands on the record as it is now: given and still valid,
 * given but voided because the content changed afterwards, or not given yet.
 */
export const SIGNATURE_STATES = ["signed", "voided", "pending"] as const;

/** One signature state; see `SIGNATURE_STATES`. */
export type SignatureState = (typeof SIGNATURE_STATES)[number];

/** Whether the akkoord was given and holds for the record as it is now. */
export function hasSigned(state: SignatureState): boolean {
  return state === "signed";
}

/** Whether an akkoord was given but no longer holds: the record changed after it. */
export function isVoided(state: SignatureState): boolean {
  return state === "voided";
}

/** Whether no akkoord was given yet. */
export function isPending(state: SignatureState): boolean {
  return state === "pending";
}

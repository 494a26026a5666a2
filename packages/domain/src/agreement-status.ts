import type { LocalizedText } from "./i18n.js";

/**
 * Where an agreement stands. New agreements are "open"; the next conversation reviews each one
 * as done, partly done or not done (and if not, why and what is needed).
 */
export const AGREEMENT_STATUSES = ["open", "done", "partly", "not_done"] as const;

/** One agreement status; see `AGREEMENT_STATUSES`. */
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** Display names of the agreement statuses. */
export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, LocalizedText> = {
  open: { nl: "Open", en: "Open" },
  done: { nl: "Gedaan", en: "Done" },
  partly: { nl: "Deels", en: "Partly" },
  not_done: { nl: "Niet gedaan", en: "Not done" },
};

/** Whether `value` names an agreement status. */
export function isAgreementStatus(value: string): value is AgreementStatus {
  return (AGREEMENT_STATUSES as readonly string[]).includes(value);
}

/** The answers a review gives an earlier agreement ("open" is the unanswered state). */
export const REVIEW_ANSWERS: readonly AgreementStatus[] = AGREEMENT_STATUSES.filter(
  (status) => status !== "open",
);

/** Whether an agreement has not been answered in a review yet. */
export function isUnreviewed(status: AgreementStatus): boolean {
  return status === "open";
}

/** Review outcomes that close an agreement: it does not come back in a later conversation. */
export const CLOSED_AGREEMENT_STATUSES: readonly AgreementStatus[] = ["done"];

/** The statuses of an agreement still to follow up (open or partly done), for SQL `IN (...)`. */
export const OPEN_AGREEMENT_STATUSES: readonly AgreementStatus[] = ["open", "partly"];

/** Whether an agreement still needs following up: open, or only partly done. */
export function isStillOpen(status: AgreementStatus): boolean {
  return OPEN_AGREEMENT_STATUSES.includes(status);
}

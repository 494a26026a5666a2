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

/** Whether the review of an agreement should ask why and what is needed (guide: Kern, first section). */
export function needsFollowUp(status: AgreementStatus): boolean {
  return status === "partly" || status === "not_done";
}

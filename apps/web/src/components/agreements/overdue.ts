import { type AgreementStatus, daysBetween, isStillOpen } from "@driehoek/domain";

/**
 * How many days an agreement is past its date on `today` (the school's date), as Overzicht
 * counts it: only one still to follow up (open or partly done) whose date lies before today.
 * Null when it is not overdue.
 */
export function daysOverdue(
  agreement: { status: AgreementStatus; dueDate?: string | null },
  today: string,
): number | null {
  if (!agreement.dueDate || !isStillOpen(agreement.status)) return null;
  const days = daysBetween(agreement.dueDate, today);
  return days > 0 ? days : null;
}

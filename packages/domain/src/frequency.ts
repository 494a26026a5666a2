import { addDays, addMonths, assertIsoDate, daysBetween, maxDate, minDate } from "./dates.js";
import { schoolYearOf } from "./school-year.js";

/** What the frequency rule needs to know about one placement. */
export interface FrequencyInput {
  /** First day of the placement (the POK's start date). */
  placementStart: string;
  /** Last day of the placement, inclusive (the POK's end date). */
  placementEnd: string;
  /** Dates of the conversations held (status ended or signed) for this placement, any order. */
  heldDates: string[];
  /** The date to judge on, normally today. */
  today: string;
}

/** How a placement stands against the frequency rule in its current period. */
export interface FrequencyStatus {
  /** First day of the period the rule is judged over. */
  periodStart: string;
  /** Last day of that period, inclusive. */
  periodEnd: string;
  /** Conversations the period requires. */
  required: number;
  /** Conversations held within the period. */
  held: number;
  /** When each required conversation is due, earliest first (one per required conversation). */
  dueDates: string[];
  /** Due dates already passed without enough conversations held. */
  missed: number;
  /** Whether at least one conversation is overdue (`missed > 0`). */
  isOverdue: boolean;
  /** The first due date not yet covered by a held conversation (may lie in the past); null when all are covered. */
  nextDueDate: string | null;
}

/**
 * The frequency rule of the guide ("minimaal 2x per jaar ... Heb je kortere stage dan voer je
 * minimaal 1x per leerwerkperiode dit gesprek"), as judged on `today`:
 *
 * 1. A placement shorter than a school year (it ends before the day before its start date's
 *    first anniversary) is one leerwerkperiode: the period is the whole placement and 1
 *    conversation is required.
 * 2. Otherwise the period is the overlap of the placement with the school year (1 Aug – 31 Jul)
 *    of `today`, with `today` first clamped into the placement, so a placement that has not
 *    started is judged on its first school year and an ended one on its last. That overlap
 *    requires 2 conversations — unless it is shorter than half a school year (the head or tail
 *    of a placement that starts or ends mid-year), which counts as a leerwerkperiode of its own
 *    and requires 1. (Without this, a placement ending on 31 August would owe two conversations
 *    in the summer holiday.)
 * 3. The required conversations are spread evenly: the k-th of n is due on
 *    periodStart + round(k × (periodEnd − periodStart) / n) days, so the last is due on periodEnd.
 * 4. Conversations held within the period count, whenever in the period they were held, so a
 *    late conversation makes up for a missed one. Conversations before the period do not count.
 * 5. A due date is missed when it lies before `today` (on the due date itself it is not yet
 *    missed) and fewer than k conversations were held in the period.
 *
 * Throws a RangeError on an invalid date or a placement that ends before it starts.
 */
export function frequencyStatus(input: FrequencyInput): FrequencyStatus {
  const { placementStart, placementEnd, heldDates, today } = input;
  assertIsoDate(placementStart, "placementStart");
  assertIsoDate(placementEnd, "placementEnd");
  assertIsoDate(today, "today");
  for (const [i, d] of heldDates.entries()) assertIsoDate(d, `heldDates[${i}]`);
  if (placementEnd < placementStart) {
    throw new RangeError(`placementEnd ${placementEnd} is before placementStart ${placementStart}`);
  }

  const { periodStart, periodEnd, required } = judgedPeriod(placementStart, placementEnd, today);
  const span = daysBetween(periodStart, periodEnd);
  const dueDates = Array.from({ length: required }, (_, i) =>
    addDays(periodStart, Math.round(((i + 1) * span) / required)),
  );
  const held = heldDates.filter((d) => d >= periodStart && d <= periodEnd).length;
  const missed = dueDates.filter((due, i) => due < today && held < i + 1).length;
  const nextDueDate = dueDates.find((_, i) => held < i + 1) ?? null;

  return {
    periodStart,
    periodEnd,
    required,
    held,
    dueDates,
    missed,
    isOverdue: missed > 0,
    nextDueDate,
  };
}

/**
 * The date to plan the next conversation on: the first due date not yet covered, or today when
 * that date has already passed. When the current period is fully covered, the first due date of
 * the placement's next period. Null when nothing more is due or the placement has ended.
 */
export function proposeNextConversationDate(input: FrequencyInput): string | null {
  const status = frequencyStatus(input);
  if (input.today > input.placementEnd) return null;
  if (status.nextDueDate) return maxDate(status.nextDueDate, input.today);
  if (status.periodEnd >= input.placementEnd) return null;
  const next = frequencyStatus({ ...input, today: addDays(status.periodEnd, 1) });
  return next.nextDueDate ? maxDate(next.nextDueDate, input.today) : null;
}

/** Whether a placement is shorter than a school year: it ends before its first anniversary's eve. */
export function isShorterThanSchoolYear(placementStart: string, placementEnd: string): boolean {
  return placementEnd < addDays(addMonths(placementStart, 12), -1);
}

function judgedPeriod(
  placementStart: string,
  placementEnd: string,
  today: string,
): { periodStart: string; periodEnd: string; required: number } {
  if (isShorterThanSchoolYear(placementStart, placementEnd)) {
    return { periodStart: placementStart, periodEnd: placementEnd, required: 1 };
  }
  const reference = minDate(maxDate(today, placementStart), placementEnd);
  const schoolYear = schoolYearOf(reference);
  const periodStart = maxDate(placementStart, schoolYear.start);
  const periodEnd = minDate(placementEnd, schoolYear.end);
  const overlapDays = daysBetween(periodStart, periodEnd) + 1;
  const schoolYearDays = daysBetween(schoolYear.start, schoolYear.end) + 1;
  const required = overlapDays * 2 >= schoolYearDays ? 2 : 1;
  return { periodStart, periodEnd, required };
}

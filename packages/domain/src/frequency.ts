import { addDays, addMonths, assertIsoDate, daysBetween, maxDate } from "./dates.js";
import {
  type CalendarLookup,
  calendarLookup,
  type DateRange,
  isSchoolDay,
  isWeekday,
  overlapOf,
  type SchoolCalendar,
  schoolDaysIn,
  schoolYearNumberOf,
  schoolYearRange,
} from "./school-calendar.js";

/** What the frequency rule needs to know about one placement. */
export interface FrequencyInput {
  /** First day of the placement (the POK's start date). */
  placementStart: string;
  /** Last day of the placement, inclusive (the POK's end date). */
  placementEnd: string;
  /** Dates of the conversations held (ended and signed, or signed on paper), any order. */
  heldDates: string[];
  /** The date to judge on, normally today. */
  today: string;
  /** The school's stored calendars; a school year without one uses the default calendar. */
  calendars?: readonly SchoolCalendar[] | CalendarLookup;
}

/** One window the rule asks a conversation in. */
export interface FrequencyWindow extends DateRange {
  /** A conversation was held in it. */
  covered: boolean;
  /** It has ended without one. */
  missed: boolean;
}

/** How a placement stands against the frequency rule. */
export interface FrequencyStatus {
  /** The windows of the whole placement, in order; each asks one conversation. */
  windows: FrequencyWindow[];
  /** The window that matters now: the next uncovered one, else the one holding today (or the nearest). */
  periodStart: string;
  periodEnd: string;
  /** Conversations the placement requires (its windows), and windows covered. */
  required: number;
  held: number;
  /** Windows ended without a conversation. */
  missed: number;
  /** Whether the placement is current and missed a window. */
  isOverdue: boolean;
  /** The end of the first uncovered window that has not ended; null when none is left. */
  nextDueDate: string | null;
  /** The school day to plan the next conversation on; null when none is due any more. */
  proposedDate: string | null;
  /** False once the placement ended more than a school year ago: then it is history only. */
  isCurrent: boolean;
}

/** A window asks a conversation only with at least this many school days; a shorter one joins its neighbour. */
export const MIN_WINDOW_SCHOOL_DAYS = 15;

/**
 * The frequency rule of the guide ("minimaal 2x per jaar … Heb je kortere stage dan voer je
 * minimaal 1x per leerwerkperiode dit gesprek"), judged on `today` with the school calendar:
 *
 * 1. A placement of a school year or longer (it ends on or after the eve of its first
 *    anniversary) asks two conversations per school year: one in each half of the part of the
 *    school year it covers. The halves meet at the leerwerkperiode boundary nearest the middle
 *    of that part (with no boundary inside it, at the middle).
 * 2. A shorter placement asks one conversation in every leerwerkperiode it overlaps.
 * 3. A window with fewer than 15 school days (a sliver) joins the window before it, or the one
 *    after when it is the first; a placement of one window keeps it however short.
 * 4. A conversation counts for the window it was held in; two in one window count once.
 * 5. A window that has ended (before `today`) without a conversation is missed, also in an
 *    earlier school year. The placement is overdue when it missed one and is current: it ended
 *    at most a school year (twelve months) before `today`.
 * 6. The next due date is the end of the first uncovered window that has not ended; the
 *    proposed date is a school day in that window, about two thirds into it, never before
 *    `today` (then the first school day from `today`).
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
  const calendars =
    typeof input.calendars === "function" ? input.calendars : calendarLookup(input.calendars);

  const windows: FrequencyWindow[] = frequencyWindows(placementStart, placementEnd, calendars).map(
    (w) => {
      const covered = heldDates.some((d) => w.start <= d && d <= w.end);
      return { ...w, covered, missed: !covered && w.end < today };
    },
  );
  const next = windows.find((w) => !w.covered && w.end >= today) ?? null;
  const current =
    next ??
    windows.find((w) => w.start <= today && today <= w.end) ??
    (today < (windows[0] as FrequencyWindow).start
      ? (windows[0] as FrequencyWindow)
      : (windows[windows.length - 1] as FrequencyWindow));
  const missed = windows.filter((w) => w.missed).length;
  const isCurrent = addMonths(placementEnd, 12) >= today;
  return {
    windows,
    periodStart: current.start,
    periodEnd: current.end,
    required: windows.length,
    held: windows.filter((w) => w.covered).length,
    missed,
    isOverdue: isCurrent && missed > 0,
    nextDueDate: next?.end ?? null,
    proposedDate: next ? proposeIn(next, today, calendars) : null,
    isCurrent,
  };
}

/** The date the rule proposes for the next conversation (see `frequencyStatus`), or null. */
export function proposeNextConversationDate(input: FrequencyInput): string | null {
  return frequencyStatus(input).proposedDate;
}

/** Whether a placement is shorter than a school year: it ends before its first anniversary's eve. */
export function isShorterThanSchoolYear(placementStart: string, placementEnd: string): boolean {
  return placementEnd < addDays(addMonths(placementStart, 12), -1);
}

/** Windows already worked out per calendar lookup and placement span. */
const windowCache = new WeakMap<CalendarLookup, Map<string, DateRange[]>>();

/** The windows of a placement, each asking one conversation (rules 1–3 of `frequencyStatus`). */
export function frequencyWindows(
  placementStart: string,
  placementEnd: string,
  calendars: CalendarLookup = calendarLookup(),
): DateRange[] {
  let known = windowCache.get(calendars);
  if (!known) {
    known = new Map();
    windowCache.set(calendars, known);
  }
  const key = `${placementStart}|${placementEnd}`;
  let windows = known.get(key);
  if (!windows) {
    windows = windowsOf(placementStart, placementEnd, calendars);
    known.set(key, windows);
  }
  return windows.map((w) => ({ ...w }));
}

function windowsOf(
  placementStart: string,
  placementEnd: string,
  calendars: CalendarLookup,
): DateRange[] {
  const placement = { start: placementStart, end: placementEnd };
  const long = !isShorterThanSchoolYear(placementStart, placementEnd);
  const parts: DateRange[] = [];
  const last = schoolYearNumberOf(placementEnd);
  for (let year = schoolYearNumberOf(placementStart); year <= last; year += 1) {
    const calendar = calendars(year);
    const part = overlapOf(placement, schoolYearRange(calendar)) as DateRange;
    if (long) parts.push(...halves(part, calendar));
    else {
      for (const period of calendar.periods) {
        const overlap = overlapOf(part, period);
        if (overlap) parts.push(overlap);
      }
    }
  }
  return joinSlivers(parts, calendars);
}

/** A part of a school year in two, at the leerwerkperiode boundary nearest its middle. */
function halves(part: DateRange, calendar: SchoolCalendar): DateRange[] {
  const length = daysBetween(part.start, part.end);
  if (length < 1) return [part];
  const middle = addDays(part.start, Math.floor(length / 2) + 1);
  const boundaries = calendar.periods
    .map((p) => p.start)
    .filter((start) => start > part.start && start <= part.end);
  const distance = (d: string) => Math.abs(daysBetween(middle, d));
  const split = boundaries.reduce(
    (best: string | null, d) => (best === null || distance(d) < distance(best) ? d : best),
    null,
  );
  const at = split ?? middle;
  return [
    { start: part.start, end: addDays(at, -1) },
    { start: at, end: part.end },
  ];
}

/** Joins every window under MIN_WINDOW_SCHOOL_DAYS to the one before it (the first to the one after). */
function joinSlivers(parts: DateRange[], calendars: CalendarLookup): DateRange[] {
  const windows = parts.map((p) => ({ ...p, days: schoolDaysIn(p, calendars) }));
  let i = 0;
  while (i < windows.length && windows.length > 1) {
    const w = windows[i] as DateRange & { days: number };
    if (w.days >= MIN_WINDOW_SCHOOL_DAYS) {
      i += 1;
      continue;
    }
    const neighbour = (i > 0 ? windows[i - 1] : windows[1]) as DateRange & { days: number };
    neighbour.start = i > 0 ? neighbour.start : w.start;
    neighbour.end = i > 0 ? w.end : neighbour.end;
    neighbour.days += w.days;
    windows.splice(i, 1);
    if (i > 0) i -= 1;
  }
  return windows.map(({ start, end }) => ({ start, end }));
}

/**
 * A school day about two thirds into `window`, not before `today`: the first school day from
 * that day on in the window, else the last one before it (not before `today`); with no school
 * day left, the first weekday. Null when the window has no day left at all.
 */
function proposeIn(window: DateRange, today: string, calendars: CalendarLookup): string | null {
  const from = maxDate(window.start, today);
  if (from > window.end) return null;
  const twoThirds = addDays(
    window.start,
    Math.round((daysBetween(window.start, window.end) * 2) / 3),
  );
  const target = maxDate(twoThirds, from);
  for (let d = target; d <= window.end; d = addDays(d, 1)) {
    if (isSchoolDay(d, calendars)) return d;
  }
  for (let d = addDays(target, -1); d >= from; d = addDays(d, -1)) {
    if (isSchoolDay(d, calendars)) return d;
  }
  for (let d = from; d <= window.end; d = addDays(d, 1)) {
    if (isWeekday(d)) return d;
  }
  return null;
}

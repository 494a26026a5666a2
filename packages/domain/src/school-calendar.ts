import { addDays, daysBetween, isIsoDate, maxDate, minDate } from "./dates.js";
import { schoolYearOf, schoolYearStarting } from "./school-year.js";

/** A span of days, both ends included ('YYYY-MM-DD'). */
export interface DateRange {
  start: string;
  end: string;
}

/** A school holiday: a name and its days. */
export interface Holiday extends DateRange {
  name: string;
}

/**
 * A school's calendar for one school year (1 August – 31 July): its leerwerkperiodes, in order
 * and without gaps, and its holidays. A school year without a calendar of its own uses
 * `defaultSchoolCalendar`.
 */
export interface SchoolCalendar {
  /** The calendar year the school year starts in: 2026 for 2026-2027. */
  schoolYear: number;
  /** The leerwerkperiodes, first to last; together they cover the school year. */
  periods: DateRange[];
  holidays: Holiday[];
}

/** Fewest and most leerwerkperiodes a school year may have. */
export const LEERWERKPERIODE_COUNT = { min: 1, max: 6 } as const;
/** Most holidays in one calendar, and the longest holiday name. */
export const HOLIDAY_LIMITS = { count: 40, name: 80 } as const;

/**
 * The holidays of 2026-2027, regio midden (as published by the Rijksoverheid); other school years
 * get an approximation (summer, Christmas) until the school stores its own calendar.
 */
const HOLIDAYS_2026: Holiday[] = [
  { name: "Zomervakantie", start: "2026-08-01", end: "2026-08-30" },
  { name: "Herfstvakantie", start: "2026-10-17", end: "2026-10-25" },
  { name: "Kerstvakantie", start: "2026-12-19", end: "2027-01-03" },
  { name: "Voorjaarsvakantie", start: "2027-02-13", end: "2027-02-21" },
  { name: "Meivakantie", start: "2027-04-24", end: "2027-05-02" },
  { name: "Zomervakantie", start: "2027-07-17", end: "2027-07-31" },
];

/** The calendar a school year has when the school stored none: two leerwerkperiodes, Aug–Jan and Feb–Jul. */
export function defaultSchoolCalendar(schoolYear: number): SchoolCalendar {
  const { start, end } = schoolYearStarting(schoolYear);
  const next = String(schoolYear + 1).padStart(4, "0");
  const year = String(schoolYear).padStart(4, "0");
  const holidays =
    schoolYear === 2026
      ? HOLIDAYS_2026.map((h) => ({ ...h }))
      : [
          { name: "Zomervakantie", start, end: `${year}-08-30` },
          { name: "Kerstvakantie", start: `${year}-12-21`, end: `${next}-01-03` },
          { name: "Zomervakantie", start: `${next}-07-17`, end },
        ];
  return {
    schoolYear,
    periods: [
      { start, end: `${next}-01-31` },
      { start: `${next}-02-01`, end },
    ],
    holidays,
  };
}

/** The first and last day of a calendar's school year. */
export function schoolYearRange(calendar: Pick<SchoolCalendar, "schoolYear">): DateRange {
  const { start, end } = schoolYearStarting(calendar.schoolYear);
  return { start, end };
}

/** What is wrong with a calendar, one entry per problem; `index` points at the period or holiday. */
export type CalendarProblemCode =
  | "schoolYear"
  | "periodCount"
  | "periodDate"
  | "periodOrder"
  | "periodsNotContiguous"
  | "periodsOutsideYear"
  | "holidayCount"
  | "holidayName"
  | "holidayDate"
  | "holidayOrder"
  | "holidayOutsideYear";

export interface CalendarProblem {
  code: CalendarProblemCode;
  index?: number;
  /** The problem in Dutch, for an error message. */
  message: string;
}

/**
 * Checks a calendar: a real school year; 1 to 6 leerwerkperiodes with valid dates, each ending
 * on or after its start, the first on 1 August, each next the day after the previous ends and
 * the last on 31 July; holidays named, with valid dates in order, inside the school year.
 * Returns every problem (none when the calendar is valid).
 */
export function validateSchoolCalendar(calendar: SchoolCalendar): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const add = (code: CalendarProblemCode, message: string, index?: number) =>
    problems.push(index === undefined ? { code, message } : { code, index, message });
  if (
    !Number.isInteger(calendar.schoolYear) ||
    calendar.schoolYear < 2000 ||
    calendar.schoolYear > 2200
  ) {
    add("schoolYear", `Onbekend schooljaar: ${calendar.schoolYear}.`);
    return problems;
  }
  const year = schoolYearRange(calendar);
  const { periods, holidays } = calendar;
  if (periods.length < LEERWERKPERIODE_COUNT.min || periods.length > LEERWERKPERIODE_COUNT.max) {
    add("periodCount", `Een schooljaar heeft 1 tot 6 leerwerkperiodes, niet ${periods.length}.`);
  }
  let datesValid = true;
  periods.forEach((p, i) => {
    if (!isIsoDate(p.start) || !isIsoDate(p.end)) {
      datesValid = false;
      add("periodDate", `Leerwerkperiode ${i + 1} heeft geen geldige datum.`, i);
    } else if (p.end < p.start) {
      datesValid = false;
      add("periodOrder", `Leerwerkperiode ${i + 1} eindigt voor hij begint.`, i);
    }
  });
  if (datesValid && periods.length > 0) {
    const first = periods[0] as DateRange;
    const last = periods[periods.length - 1] as DateRange;
    if (first.start !== year.start || last.end !== year.end) {
      add(
        "periodsOutsideYear",
        `De leerwerkperiodes lopen van ${year.start} tot en met ${year.end} (het schooljaar).`,
      );
    }
    for (let i = 1; i < periods.length; i += 1) {
      const previous = periods[i - 1] as DateRange;
      if ((periods[i] as DateRange).start !== addDays(previous.end, 1)) {
        add(
          "periodsNotContiguous",
          `Leerwerkperiode ${i + 1} begint niet de dag na het einde van leerwerkperiode ${i}.`,
          i,
        );
      }
    }
  }
  if (holidays.length > HOLIDAY_LIMITS.count) {
    add("holidayCount", `Hooguit ${HOLIDAY_LIMITS.count} vakanties per schooljaar.`);
  }
  holidays.forEach((h, i) => {
    const name = h.name.trim();
    if (!name || name.length > HOLIDAY_LIMITS.name) {
      add(
        "holidayName",
        `Vakantie ${i + 1} heeft geen naam (hooguit ${HOLIDAY_LIMITS.name} tekens).`,
        i,
      );
    }
    if (!isIsoDate(h.start) || !isIsoDate(h.end)) {
      add("holidayDate", `Vakantie ${i + 1} heeft geen geldige datum.`, i);
    } else if (h.end < h.start) {
      add("holidayOrder", `Vakantie ${i + 1} eindigt voor hij begint.`, i);
    } else if (h.start < year.start || h.end > year.end) {
      add("holidayOutsideYear", `Vakantie ${i + 1} valt buiten het schooljaar.`, i);
    }
  });
  return problems;
}

/** The calendar of each school year: the stored ones, else the default. */
export type CalendarLookup = (schoolYear: number) => SchoolCalendar;

/** A lookup over `calendars` (stored ones, any order) that falls back to the default calendar. */
export function calendarLookup(calendars: readonly SchoolCalendar[] = []): CalendarLookup {
  const byYear = new Map(calendars.map((c) => [c.schoolYear, c]));
  const defaults = new Map<number, SchoolCalendar>();
  return (schoolYear) => {
    const stored = byYear.get(schoolYear);
    if (stored) return stored;
    let made = defaults.get(schoolYear);
    if (!made) {
      made = defaultSchoolCalendar(schoolYear);
      defaults.set(schoolYear, made);
    }
    return made;
  };
}

/** The school year's first calendar year of a date (2026 for 2027-03-01). */
export function schoolYearNumberOf(date: string): number {
  return Number(schoolYearOf(date).start.slice(0, 4));
}

/** Day of the week of a date: 0 Sunday … 6 Saturday. */
export function dayOfWeek(date: string): number {
  // 1 January 1970 was a Thursday.
  return (((daysBetween("1970-01-01", date) + 4) % 7) + 7) % 7;
}

/** Whether `date` is a weekday (Monday to Friday). */
export function isWeekday(date: string): boolean {
  const day = dayOfWeek(date);
  return day >= 1 && day <= 5;
}

/** Whether `date` is a school day: a weekday outside its school year's holidays. */
export function isSchoolDay(date: string, calendars: CalendarLookup = calendarLookup()): boolean {
  if (!isWeekday(date)) return false;
  const { holidays } = calendars(schoolYearNumberOf(date));
  return !holidays.some((h) => h.start <= date && date <= h.end);
}

/** A calendar's holidays as epoch-day ranges, worked out once per calendar. */
const holidayDays = new WeakMap<SchoolCalendar, [number, number][]>();

function holidayRangesOf(calendar: SchoolCalendar): [number, number][] {
  let ranges = holidayDays.get(calendar);
  if (!ranges) {
    ranges = calendar.holidays.map((h) => [epochDay(h.start), epochDay(h.end)]);
    holidayDays.set(calendar, ranges);
  }
  return ranges;
}

const epochDay = (date: string) => daysBetween("1970-01-01", date);

/** The number of school days from `start` to `end`, both included (0 when `end` is earlier). */
export function schoolDaysIn(
  range: DateRange,
  calendars: CalendarLookup = calendarLookup(),
): number {
  if (range.end < range.start) return 0;
  let count = 0;
  const last = schoolYearNumberOf(range.end);
  for (let year = schoolYearNumberOf(range.start); year <= last; year += 1) {
    const calendar = calendars(year);
    const part = overlapOf(range, schoolYearRange(calendar)) as DateRange;
    const holidays = holidayRangesOf(calendar);
    const to = epochDay(part.end);
    // Reports judge thousands of placements: count on whole numbers, not date strings.
    for (let day = epochDay(part.start); day <= to; day += 1) {
      const weekday = (((day + 4) % 7) + 7) % 7;
      if (weekday === 0 || weekday === 6) continue;
      if (!holidays.some(([from, until]) => from <= day && day <= until)) count += 1;
    }
  }
  return count;
}

/** The overlap of two ranges, or null when they do not meet. */
export function overlapOf(a: DateRange, b: DateRange): DateRange | null {
  const start = maxDate(a.start, b.start);
  const end = minDate(a.end, b.end);
  return start <= end ? { start, end } : null;
}

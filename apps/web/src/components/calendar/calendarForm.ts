import {
  addDays,
  type CalendarProblem,
  type DateRange,
  type Holiday,
  type SchoolCalendar,
  schoolToday,
  schoolYearOf,
  schoolYearStarting,
} from "@driehoek/domain";

/** The school years the admin may choose: last year, this year and the next two. */
export function schoolYearChoices(today = schoolToday()): number[] {
  const current = Number(schoolYearOf(today).start.slice(0, 4));
  return [current - 1, current, current + 1, current + 2];
}

/** The school year of today. */
export function currentSchoolYear(today = schoolToday()): number {
  return Number(schoolYearOf(today).start.slice(0, 4));
}

/**
 * `count` leerwerkperiodes splitting the school year at the first of a month: two are
 * August–January and February–July, four are August–October, November–January,
 * February–April and May–July.
 */
export function evenPeriods(schoolYear: number, count: 2 | 4): DateRange[] {
  const { end } = schoolYearStarting(schoolYear);
  const months = 12 / count;
  const firstOf = (monthsFromAugust: number) => {
    const month = ((7 + monthsFromAugust) % 12) + 1;
    const year = schoolYear + (7 + monthsFromAugust >= 12 ? 1 : 0);
    return `${year}-${String(month).padStart(2, "0")}-01`;
  };
  return Array.from({ length: count }, (_, i) => ({
    start: firstOf(i * months),
    end: i === count - 1 ? end : addDays(firstOf((i + 1) * months), -1),
  }));
}

/** The calendar as the form edits it. */
export interface CalendarDraft {
  schoolYear: number;
  periods: DateRange[];
  holidays: Holiday[];
}

/** A copy of a calendar to edit (no shared arrays). */
export function draftOf(calendar: SchoolCalendar): CalendarDraft {
  return {
    schoolYear: calendar.schoolYear,
    periods: calendar.periods.map(({ start, end }) => ({ start, end })),
    holidays: calendar.holidays.map(({ name, start, end }) => ({ name, start, end })),
  };
}

/** The i18n key and values of a problem the domain (or the server) found. */
export function problemText(
  problem: Pick<CalendarProblem, "code" | "index">,
  schoolYear: number,
): { key: string; values: Record<string, string | number> } {
  const { start, end } = schoolYearStarting(schoolYear);
  return {
    key: `calendar.problems.${problem.code}`,
    values: { n: (problem.index ?? 0) + 1, start, end },
  };
}

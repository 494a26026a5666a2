import {
  type CalendarLookup,
  calendarLookup,
  type DateRange,
  type Holiday,
  type SchoolCalendar,
} from "@driehoek/domain";
import type { EntityManager } from "typeorm";
import { SchoolCalendarRow } from "./school-calendar.entity.js";

/** A stored row as the domain's calendar. */
export function toCalendar(row: SchoolCalendarRow): SchoolCalendar {
  return {
    schoolYear: row.schoolYear,
    periods: JSON.parse(row.periods) as DateRange[],
    holidays: JSON.parse(row.holidays) as Holiday[],
  };
}

/** Every stored calendar (a handful of rows: one per school year the school set). */
export async function storedCalendars(manager: EntityManager): Promise<SchoolCalendar[]> {
  return (await manager.find(SchoolCalendarRow)).map(toCalendar);
}

/** The calendars the frequency rule reads: the stored ones, else the default per school year. */
export async function calendarsOf(manager: EntityManager): Promise<CalendarLookup> {
  return calendarLookup(await storedCalendars(manager));
}

/** The calendar of one school year, and whether it is the default (nothing stored). */
export async function schoolCalendarOf(
  manager: EntityManager,
  schoolYear: number,
): Promise<{ calendar: SchoolCalendar; isDefault: boolean }> {
  const row = await manager.findOneBy(SchoolCalendarRow, { schoolYear });
  return row
    ? { calendar: toCalendar(row), isDefault: false }
    : { calendar: calendarLookup()(schoolYear), isDefault: true };
}

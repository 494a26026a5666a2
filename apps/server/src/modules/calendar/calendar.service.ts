import { type SchoolCalendar, schoolToday, validateSchoolCalendar } from "@driehoek/domain";
import type { Services, Viewer } from "../../context.js";
import { inTransaction } from "../../db/transaction.js";
import { badInput } from "../../graphql/errors.js";
import { refreshAllFrequency } from "../placement/frequency-state.js";
import { SchoolCalendarRow } from "./school-calendar.entity.js";

/**
 * Stores a school year's calendar when the domain finds nothing wrong with it (else a
 * BAD_USER_INPUT error naming every problem, and nothing changes), audit-logs it, and judges every
 * placement's frequency again with it.
 */
export async function saveSchoolCalendar(
  services: Services,
  viewer: Viewer,
  input: SchoolCalendar,
): Promise<SchoolCalendar> {
  const calendar: SchoolCalendar = {
    schoolYear: input.schoolYear,
    periods: input.periods.map(({ start, end }) => ({ start: start.trim(), end: end.trim() })),
    holidays: input.holidays.map(({ name, start, end }) => ({
      name: name.trim(),
      start: start.trim(),
      end: end.trim(),
    })),
  };
  const problems = validateSchoolCalendar(calendar);
  if (problems.length > 0) {
    const error = badInput(problems.map((p) => p.message).join(" "));
    Object.assign(error.extensions, {
      reason: "invalid_calendar",
      problems: problems.map(({ code, index }) => ({ code, index: index ?? null })),
    });
    throw error;
  }
  calendar.holidays.sort((a, b) => a.start.localeCompare(b.start));
  await inTransaction(services.dataSource, async (manager) => {
    await manager.upsert(
      SchoolCalendarRow,
      {
        schoolYear: calendar.schoolYear,
        periods: JSON.stringify(calendar.periods),
        holidays: JSON.stringify(calendar.holidays),
        updatedAt: services.now(),
      },
      ["schoolYear"],
    );
    await services.audit.record(
      {
        actorId: viewer.personId,
        action: "school_calendar.edited",
        subjectType: "school_calendar",
        subjectId: String(calendar.schoolYear),
        detail: { periods: calendar.periods.length, holidays: calendar.holidays.length },
      },
      manager,
    );
  });
  await refreshAllFrequency(services.dataSource, schoolToday(services.now()));
  return calendar;
}

import { type SchoolCalendar, STAFF_ROLES, schoolYearStarting } from "@driehoek/domain";
import { Arg, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import { requireStaff } from "../../access/guards.js";
import type { RequestContext } from "../../context.js";
import { badInput } from "../../graphql/errors.js";
import { saveSchoolCalendar } from "./calendar.service.js";
import { SchoolCalendarInput, SchoolCalendarType } from "./calendar.types.js";
import { schoolCalendarOf } from "./calendar-store.js";

/** A domain calendar as the API shows it. */
function toType(calendar: SchoolCalendar, isDefault: boolean): SchoolCalendarType {
  const { start, end, label } = schoolYearStarting(calendar.schoolYear);
  return { ...calendar, label, start, end, isDefault };
}

/** The school calendar: leerwerkperiodes and holidays per school year (read by staff, set by the admin). */
@Resolver()
export class CalendarResolver {
  @Query(() => SchoolCalendarType, {
    description: "The school calendar of a school year (staff); the default when none is stored.",
  })
  async schoolCalendar(
    @Arg("schoolYear", () => Int, {
      description: "The calendar year it starts in: 2026 for 2026-2027.",
    })
    schoolYear: number,
    @Ctx() ctx: RequestContext,
  ) {
    requireStaff(ctx, STAFF_ROLES);
    if (!Number.isInteger(schoolYear) || schoolYear < 2000 || schoolYear > 2200) {
      throw badInput(`Unknown school year: ${schoolYear}.`);
    }
    const { calendar, isDefault } = await schoolCalendarOf(
      ctx.services.dataSource.manager,
      schoolYear,
    );
    return toType(calendar, isDefault);
  }

  @Mutation(() => SchoolCalendarType, {
    description:
      "Stores a school year's calendar (admin) and judges every placement's frequency again. An invalid calendar is refused with every problem and nothing changes.",
  })
  async saveSchoolCalendar(
    @Arg("input", () => SchoolCalendarInput) input: SchoolCalendarInput,
    @Ctx() ctx: RequestContext,
  ) {
    const viewer = requireStaff(ctx, ["admin"]);
    return toType(await saveSchoolCalendar(ctx.services, viewer, input), false);
  }
}

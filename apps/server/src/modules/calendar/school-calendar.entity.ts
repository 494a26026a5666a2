import { Column, Entity, PrimaryColumn } from "typeorm";
import { MomentColumn } from "../../db/columns.js";

/**
 * The school's own calendar for one school year (see the domain's `SchoolCalendar`): its
 * leerwerkperiodes and holidays as JSON text. A school year without a row uses the domain's
 * `defaultSchoolCalendar`.
 */
@Entity("school_calendar")
export class SchoolCalendarRow {
  /** The calendar year the school year starts in: 2026 for 2026-2027. */
  @PrimaryColumn({ type: "integer", name: "school_year" }) schoolYear: number;
  /** `DateRange[]` as JSON. */
  @Column({ type: "text" }) periods: string;
  /** `Holiday[]` as JSON. */
  @Column({ type: "text" }) holidays: string;
  @MomentColumn({ name: "updated_at" }) updatedAt: Date;
}

import { describe, expect, it } from "vitest";
import type { StudentListRow } from "../../graphql/student";
import { studentStatus } from "./studentStatus";

/** The tests' today: the placement (August 2026 to August 2027) runs. */
const TODAY = "2026-12-06";

function row(
  given: { isOverdue: boolean; missed: number; nextDueDate: string | null } | null,
  next: { status: "planned" | "live"; scheduledAt: string } | null = null,
  endDate = "2027-08-05",
): StudentListRow {
  const frequency = given ? { required: 2, held: 0, ...given } : null;
  return {
    id: "st-1",
    name: "Sanne Jansen",
    studentNumber: "2091834",
    programmeName: "Software developer",
    cohort: "2025-2026",
    currentPlacement: frequency
      ? {
          id: "pl-1",
          companyName: "Bytewerk B.V.",
          startDate: "2026-08-05",
          endDate,
          frequency,
        }
      : null,
    nextConversation: next ? { id: "c-1", ...next } : null,
  };
}

describe("a student's status in the list", () => {
  it("puts missed windows first, even with a conversation planned", () => {
    const overdue = { isOverdue: true, missed: 2, nextDueDate: "2027-01-31" };
    expect(studentStatus(row(overdue, { status: "planned", scheduledAt: "x" }), TODAY)).toEqual({
      kind: "overdue",
      missed: 2,
    });
  });

  it("then a conversation under way or planned, then the date the next is due by", () => {
    const due = { isOverdue: false, missed: 0, nextDueDate: "2027-01-31" };
    expect(studentStatus(row(due, { status: "live", scheduledAt: "x" }), TODAY).kind).toBe("live");
    expect(
      studentStatus(row(due, { status: "planned", scheduledAt: "2026-12-03T10:00:00Z" }), TODAY),
    ).toEqual({
      kind: "planned",
      at: "2026-12-03T10:00:00Z",
      conversationId: "c-1",
    });
    expect(studentStatus(row(due), TODAY)).toEqual({ kind: "due", date: "2027-01-31" });
  });

  it("says when nothing is due any more, and nothing without a placement", () => {
    expect(studentStatus(row({ isOverdue: false, missed: 0, nextDueDate: null }), TODAY)).toEqual({
      kind: "done",
    });
    expect(studentStatus(row(null), TODAY)).toEqual({ kind: "none" });
  });

  it("says a placement ended, with what was held of what the rule asked, not that it is done", () => {
    const short = { isOverdue: false, missed: 3, nextDueDate: null };
    expect(studentStatus(row(short, null, "2025-07-24"), TODAY)).toEqual({
      kind: "ended",
      endDate: "2025-07-24",
      held: 0,
      required: 2,
      tone: "short",
    });
    // Within a year of its end it is still overdue; a conversation still "planned" does not count.
    const overdue = { isOverdue: true, missed: 1, nextDueDate: null };
    const planned = { status: "planned" as const, scheduledAt: "2026-06-01T10:00:00Z" };
    expect(studentStatus(row(overdue, planned, "2026-07-03"), TODAY)).toMatchObject({
      kind: "ended",
      tone: "overdue",
    });
    // Its last day is not after it.
    expect(studentStatus(row(short, null, TODAY), TODAY).kind).toBe("done");
  });
});

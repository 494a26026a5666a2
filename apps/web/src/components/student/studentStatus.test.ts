import { describe, expect, it } from "vitest";
import type { StudentListRow } from "../../graphql/student";
import { studentStatus } from "./studentStatus";

function row(
  frequency: { isOverdue: boolean; missed: number; nextDueDate: string | null } | null,
  next: { status: "planned" | "live"; scheduledAt: string } | null = null,
): StudentListRow {
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
          endDate: "2027-08-05",
          frequency,
        }
      : null,
    nextConversation: next ? { id: "c-1", ...next } : null,
  };
}

describe("a student's status in the list", () => {
  it("puts missed windows first, even with a conversation planned", () => {
    const overdue = { isOverdue: true, missed: 2, nextDueDate: "2027-01-31" };
    expect(studentStatus(row(overdue, { status: "planned", scheduledAt: "x" }))).toEqual({
      kind: "overdue",
      missed: 2,
    });
  });

  it("then a conversation under way or planned, then the date the next is due by", () => {
    const due = { isOverdue: false, missed: 0, nextDueDate: "2027-01-31" };
    expect(studentStatus(row(due, { status: "live", scheduledAt: "x" })).kind).toBe("live");
    expect(
      studentStatus(row(due, { status: "planned", scheduledAt: "2026-12-03T10:00:00Z" })),
    ).toEqual({
      kind: "planned",
      at: "2026-12-03T10:00:00Z",
      conversationId: "c-1",
    });
    expect(studentStatus(row(due))).toEqual({ kind: "due", date: "2027-01-31" });
  });

  it("says when nothing is due any more, and nothing without a placement", () => {
    expect(studentStatus(row({ isOverdue: false, missed: 0, nextDueDate: null }))).toEqual({
      kind: "done",
    });
    expect(studentStatus(row(null))).toEqual({ kind: "none" });
  });
});

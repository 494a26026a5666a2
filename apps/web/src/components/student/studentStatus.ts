import type { StudentListRow } from "../../graphql/student";

/** Where a student in the list stands with their conversations, most urgent first. */
export type StudentStatus =
  | { kind: "overdue"; missed: number }
  | { kind: "live"; conversationId: string }
  | { kind: "planned"; at: string; conversationId: string }
  | { kind: "due"; date: string }
  | { kind: "done" }
  | { kind: "none" };

/**
 * The one thing a list row says about conversations: missed windows first (a planned
 * conversation does not undo them), then a conversation under way or planned, then the date
 * the next one is due by.
 */
export function studentStatus(row: StudentListRow): StudentStatus {
  const frequency = row.currentPlacement?.frequency ?? null;
  const next = row.nextConversation;
  if (frequency?.isOverdue) return { kind: "overdue", missed: frequency.missed };
  if (next?.status === "live") return { kind: "live", conversationId: next.id };
  if (next) return { kind: "planned", at: next.scheduledAt, conversationId: next.id };
  if (frequency?.nextDueDate) return { kind: "due", date: frequency.nextDueDate };
  if (frequency) return { kind: "done" };
  return { kind: "none" };
}

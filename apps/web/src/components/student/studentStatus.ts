import { schoolToday } from "@driehoek/domain";
import type { StudentListRow } from "../../graphql/student";

/** Where a student in the list stands with their conversations, most urgent first. */
export type StudentStatus =
  | { kind: "overdue"; missed: number }
  | { kind: "live"; conversationId: string }
  | {
      kind: "ended";
      endDate: string;
      held: number;
      required: number;
      /** How it ended against the rule: every window covered, still overdue, or short of it. */
      tone: "done" | "overdue" | "short";
    }
  | { kind: "planned"; at: string; conversationId: string }
  | { kind: "due"; date: string }
  | { kind: "done" }
  | { kind: "none" };

/**
 * The one thing a list row says about conversations on `today` (the school's date): a
 * placement that has ended (its last day before today: nothing can be planned in it any more)
 * with what was held of what the rule asked; else missed windows first (a planned conversation
 * does not undo them), then a conversation under way or planned, then the date the next one is
 * due by.
 */
export function studentStatus(row: StudentListRow, today: string = schoolToday()): StudentStatus {
  const placement = row.currentPlacement;
  const frequency = placement?.frequency ?? null;
  const next = row.nextConversation;
  if (placement && frequency && placement.endDate < today) {
    const { held, required, isOverdue } = frequency;
    const tone = held >= required ? "done" : isOverdue ? "overdue" : "short";
    return { kind: "ended", endDate: placement.endDate, held, required, tone };
  }
  if (frequency?.isOverdue) return { kind: "overdue", missed: frequency.missed };
  if (next?.status === "live") return { kind: "live", conversationId: next.id };
  if (next) return { kind: "planned", at: next.scheduledAt, conversationId: next.id };
  if (frequency?.nextDueDate) return { kind: "due", date: frequency.nextDueDate };
  if (frequency) return { kind: "done" };
  return { kind: "none" };
}

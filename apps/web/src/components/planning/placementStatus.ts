import { isPlanned } from "@driehoek/domain";
import type {
  PlanningConversation,
  PlanningInvite,
  PlanningPlacement,
} from "../../graphql/planning";

/**
 * Where a placement stands against the frequency rule: a conversation is planned, one is
 * overdue, the next one is due by a date, or every required conversation has been held.
 */
export type FrequencyState =
  | { kind: "planned"; at: string }
  | { kind: "overdue"; missed: number; dueDate: string | null }
  | { kind: "due"; dueDate: string }
  | { kind: "done"; held: number; required: number };

/** The planned conversations of a placement, soonest first. */
export function plannedConversations(placement: PlanningPlacement): PlanningConversation[] {
  return placement.conversations
    .filter((conversation) => isPlanned(conversation.status))
    .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
}

/** The placement's state; a planned conversation outranks overdue, as it is what fixes it. */
export function frequencyState(placement: PlanningPlacement): FrequencyState {
  const [next] = plannedConversations(placement);
  if (next) return { kind: "planned", at: next.scheduledAt };
  const { frequency } = placement;
  if (frequency.isOverdue) {
    return { kind: "overdue", missed: frequency.missed, dueDate: frequency.nextDueDate ?? null };
  }
  if (frequency.nextDueDate) return { kind: "due", dueDate: frequency.nextDueDate };
  return { kind: "done", held: frequency.held, required: frequency.required };
}

/** What became of a participant's link: revoked, opened, mailed, not mailed, or mailing failed. */
export type InviteState = "revoked" | "opened" | "sent" | "queued" | "failed" | "notSent";

/** The invite's state from its fields: revoking outranks opening, opening outranks mailing. */
export function inviteState(link: PlanningInvite): InviteState {
  const { invite } = link;
  if (invite.revokedAt) return "revoked";
  if (invite.lastUsedAt) return "opened";
  const mail = invite.lastMail;
  if (!mail) return "notSent";
  if (mail.status === "sent") return "sent";
  if (mail.status === "failed") return "failed";
  return "queued";
}

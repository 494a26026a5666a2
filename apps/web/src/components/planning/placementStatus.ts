import { isPlanned, schoolToday } from "@driehoek/domain";
import type {
  PlanningConversation,
  PlanningInvite,
  PlanningPlacement,
} from "../../graphql/planning";

/** The window of the frequency rule a conversation is due in (a leerwerkperiode or half year). */
export interface FrequencyWindow {
  start: string;
  end: string;
}

/**
 * Where a placement stands against the frequency rule: it has ended (its last day is before
 * today: a conversation now would not be part of it), a conversation is planned, one or more
 * windows ended without one (overdue), the next one is due by the end of its window, or every
 * required conversation has been held. An overdue placement's missed windows have ended: the
 * next due date is of another window, so it carries none.
 */
export type FrequencyState =
  | {
      kind: "ended";
      endDate: string;
      held: number;
      required: number;
      /** How it ended against the rule: every window covered, still overdue, or short of it. */
      tone: "done" | "overdue" | "short";
    }
  | { kind: "planned"; at: string }
  | { kind: "overdue"; missed: number; dueDate: string | null }
  | { kind: "due"; dueDate: string; window: FrequencyWindow }
  | { kind: "done"; held: number; required: number };

/** The planned conversations of a placement, soonest first. */
export function plannedConversations(placement: PlanningPlacement): PlanningConversation[] {
  return placement.conversations
    .filter((conversation) => isPlanned(conversation.status))
    .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
}

/** Whether the placement's last day lies before `today` (the school's date). */
export function hasEnded(placement: Pick<PlanningPlacement, "endDate">, today: string): boolean {
  return placement.endDate < today;
}

/**
 * The placement's state on `today` (the school's date): an ended placement says so, whatever
 * is still planned; else a planned conversation outranks overdue, as it is what fixes it.
 */
export function frequencyState(
  placement: PlanningPlacement,
  today: string = schoolToday(),
): FrequencyState {
  const { frequency } = placement;
  if (hasEnded(placement, today)) {
    const { held, required, isOverdue } = frequency;
    const tone = held >= required ? "done" : isOverdue ? "overdue" : "short";
    return { kind: "ended", endDate: placement.endDate, held, required, tone };
  }
  const [next] = plannedConversations(placement);
  if (next) return { kind: "planned", at: next.scheduledAt };
  if (frequency.isOverdue) return { kind: "overdue", missed: frequency.missed, dueDate: null };
  if (frequency.nextDueDate) {
    const window = { start: frequency.periodStart, end: frequency.periodEnd };
    return { kind: "due", dueDate: frequency.nextDueDate, window };
  }
  return { kind: "done", held: frequency.held, required: frequency.required };
}

/**
 * What became of a participant's link: revoked, opened, mailed, not mailed (yet), mailing
 * failed, or it cannot be mailed: the participant has no e-mail address.
 */
export type InviteState =
  | "revoked"
  | "opened"
  | "sent"
  | "queued"
  | "failed"
  | "notSent"
  | "noEmail";

/** The invite's state from its fields: revoking outranks opening, opening outranks mailing. */
export function inviteState(link: PlanningInvite): InviteState {
  const { invite } = link;
  if (invite.revokedAt) return "revoked";
  if (invite.lastUsedAt) return "opened";
  if (!link.hasEmail) return "noEmail";
  const mail = invite.lastMail;
  if (!mail) return "notSent";
  if (mail.status === "sent") return "sent";
  if (mail.status === "failed") return "failed";
  return "queued";
}

/**
 * A window as months, e.g. "feb–jul 2027", or "aug 2026–jan 2027" across a new year, in the
 * language of `locale` ("nl" or "en").
 */
export function windowMonths(window: FrequencyWindow, locale: string): string {
  const month = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nl-NL", {
    month: "short",
    timeZone: "UTC",
  });
  const name = (date: string) => month.format(new Date(`${date}T00:00:00Z`)).replace(".", "");
  const [fromYear, toYear] = [window.start.slice(0, 4), window.end.slice(0, 4)];
  const from = fromYear === toYear ? name(window.start) : `${name(window.start)} ${fromYear}`;
  return `${from}–${name(window.end)} ${toYear}`;
}

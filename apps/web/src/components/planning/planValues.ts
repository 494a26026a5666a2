import { PLAN_DURATION, schoolClock, schoolMoment } from "@driehoek/domain";
import type { PlanningConversation } from "../../graphql/planning";

/** What the plan form holds: a date and time on the school's clock, length, and where. */
export interface PlanForm {
  date: string;
  time: string;
  durationMinutes: number;
  mode: "in_person" | "online";
  location: string;
  onlineUrl: string;
}

/** A filled-in plan, its start as an ISO moment. */
export interface PlanValues extends Omit<PlanForm, "date" | "time"> {
  startsAt: string;
}

/** A new plan: 40 minutes, in person, on the date the frequency rule proposes (if any). */
export function emptyPlan(proposedDate: string | null = null): PlanForm {
  return {
    date: proposedDate ?? "",
    time: "",
    durationMinutes: PLAN_DURATION.default,
    mode: "in_person",
    location: "",
    onlineUrl: "",
  };
}

/** The form for moving `conversation`: its current plan, on the school's clock. */
export function planOf(conversation: PlanningConversation): PlanForm {
  const { date, time } = schoolClock(new Date(conversation.scheduledAt));
  return {
    date,
    time,
    durationMinutes: conversation.durationMinutes,
    mode: conversation.mode,
    location: conversation.location ?? "",
    onlineUrl: conversation.onlineUrl ?? "",
  };
}

/**
 * The plan to send, the date and time read on the school's clock: 14:30 is 14:30 in the
 * invitation too, whatever the planner's device is set to. Throws on a malformed date or time,
 * which the form's own inputs do not let through.
 */
export function planValues(form: PlanForm): PlanValues {
  const { date, time, ...rest } = form;
  const startsAt = schoolMoment(date, time);
  if (!startsAt) throw new RangeError(`Not a date and time: ${date} ${time}`);
  return { ...rest, startsAt: startsAt.toISOString() };
}

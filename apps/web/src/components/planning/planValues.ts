import { PLAN_DURATION } from "@driehoek/domain";
import type { PlanningConversation } from "../../graphql/planning";

/** What the plan form holds: a local date and time, length, and where. */
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

/** The form for moving `conversation`: its current plan, in the browser's time zone. */
export function planOf(conversation: PlanningConversation): PlanForm {
  const start = new Date(conversation.scheduledAt);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    date: `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`,
    time: `${pad(start.getHours())}:${pad(start.getMinutes())}`,
    durationMinutes: conversation.durationMinutes,
    mode: conversation.mode,
    location: conversation.location ?? "",
    onlineUrl: conversation.onlineUrl ?? "",
  };
}

/** The plan to send, the date and time read in the browser's time zone. */
export function planValues(form: PlanForm): PlanValues {
  const { date, time, ...rest } = form;
  return { ...rest, startsAt: new Date(`${date}T${time}`).toISOString() };
}

import { type ConversationStatus, isPlanned, schoolClock, schoolMoment } from "@driehoek/domain";

/** The placement's planned conversation after `afterIso`, the soonest one; undefined if none. */
export function plannedAfter<T extends { status: ConversationStatus; scheduledAt: string }>(
  conversations: readonly T[],
  afterIso: string,
): T | undefined {
  const after = Date.parse(afterIso);
  return conversations
    .filter((c) => isPlanned(c.status) && Date.parse(c.scheduledAt) > after)
    .sort((a, b) => Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt))[0];
}

/** The time of day of an ISO moment on the school's clock as 'HH:MM' (what a time input shows). */
export function schoolTimeOf(iso: string): string {
  return schoolClock(new Date(iso)).time;
}

/** The moment of a date ('YYYY-MM-DD') and time ('HH:MM') on the school's clock as ISO; null if either is bad. */
export function schoolMomentOf(date: string, time: string): string | null {
  return schoolMoment(date, time)?.toISOString() ?? null;
}

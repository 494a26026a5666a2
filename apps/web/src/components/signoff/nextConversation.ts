import { type ConversationStatus, isPlanned } from "@driehoek/domain";

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

const pad = (n: number) => String(n).padStart(2, "0");

/** The local time of day of an ISO moment as 'HH:MM' (what a time input shows). */
export function localTimeOf(iso: string): string {
  const date = new Date(iso);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The moment of a local date ('YYYY-MM-DD') and time ('HH:MM') as ISO; null if either is bad. */
export function localMoment(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const moment = new Date(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  return Number.isNaN(moment.getTime()) ? null : moment.toISOString();
}

import { schoolDate, schoolToday } from "@driehoek/domain";

/** Anything with a planned moment, as an ISO timestamp. */
interface Scheduled {
  scheduledAt: string;
}

/** Conversations split by day: what is on today, what is coming, what is done. */
export interface ConversationGroups<T extends Scheduled> {
  /** Planned for today, earliest first. */
  today: T[];
  /** After today, soonest first. */
  upcoming: T[];
  /** Before today, most recent first. */
  past: T[];
}

/**
 * Splits conversations into today / upcoming / past by the school's calendar day (the day the
 * people involved live in, wherever the browser's clock is set), each sorted the way it is read.
 */
export function groupConversations<T extends Scheduled>(
  conversations: readonly T[],
  now: Date = new Date(),
): ConversationGroups<T> {
  const today = schoolToday(now);
  const groups: ConversationGroups<T> = { today: [], upcoming: [], past: [] };

  for (const conversation of conversations) {
    const day = schoolDate(new Date(conversation.scheduledAt));
    if (day < today) groups.past.push(conversation);
    else if (day === today) groups.today.push(conversation);
    else groups.upcoming.push(conversation);
  }

  const byTime = (a: T, b: T) => Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt);
  groups.today.sort(byTime);
  groups.upcoming.sort(byTime);
  groups.past.sort((a, b) => byTime(b, a));
  return groups;
}

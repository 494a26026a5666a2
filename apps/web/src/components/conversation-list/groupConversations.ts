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
 * Splits conversations into today / upcoming / past by the viewer's local calendar day (the
 * day the people involved live in), each sorted the way it is read.
 */
export function groupConversations<T extends Scheduled>(
  conversations: readonly T[],
  now: Date = new Date(),
): ConversationGroups<T> {
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  const startOfTomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime();
  const groups: ConversationGroups<T> = { today: [], upcoming: [], past: [] };

  for (const conversation of conversations) {
    const at = Date.parse(conversation.scheduledAt);
    if (at < startOfToday) groups.past.push(conversation);
    else if (at < startOfTomorrow) groups.today.push(conversation);
    else groups.upcoming.push(conversation);
  }

  const byTime = (a: T, b: T) => Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt);
  groups.today.sort(byTime);
  groups.upcoming.sort(byTime);
  groups.past.sort((a, b) => byTime(b, a));
  return groups;
}

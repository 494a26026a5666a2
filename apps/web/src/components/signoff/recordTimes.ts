import { type ConversationRecord, conversationTimes, type PhaseTime } from "@driehoek/domain";

/**
 * The record's time per phase and section (decision 0009), or null for a record without times
 * (held before sections were timed). A running part counts up to `now`; an ended
 * conversation's parts end with it.
 */
export function recordTimes(
  record: ConversationRecord,
  now: Date = new Date(),
): PhaseTime[] | null {
  if (!record.times) return null;
  return conversationTimes(
    { phasePeriods: record.times.phases, sectionPeriods: record.times.sections },
    record.endedAt ? new Date(record.endedAt) : now,
  );
}

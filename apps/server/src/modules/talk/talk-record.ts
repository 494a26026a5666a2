import type { ConversationRecord } from "@driehoek/domain";
import type { EntityManager } from "typeorm";
import { talkShareOf } from "./talk-share.js";

/** Who talked how much, as the record keeps it: ms per role, overall and per phase. */
export interface RecordTalk {
  totals: { role: string; ms: number }[];
  studentShare: number | null;
  phases: { phase: string; totals: { role: string; ms: number }[]; studentShare: number | null }[];
}

/** A record that may carry the talk shares (absent when nothing was measured). */
export type RecordWithTalk = ConversationRecord & { talk?: RecordTalk };

/** Shares rounded to 0.001, so the record's bytes do not depend on float noise. */
const rounded = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 1000);

/**
 * The record's `talk`, or undefined when no speech was measured: a conversation held without
 * the meter keeps the record — and the hash it may be signed with — as it was.
 */
export async function recordTalk(
  manager: EntityManager,
  conversationId: string,
): Promise<RecordTalk | undefined> {
  const share = await talkShareOf(manager, conversationId);
  if (share.studentShare === null) return undefined;
  return {
    totals: share.totals.map((t) => ({ role: t.role, ms: t.ms })),
    studentShare: rounded(share.studentShare),
    phases: share.phases.map((p) => ({
      phase: p.phase,
      totals: p.totals.map((t) => ({ role: t.role, ms: t.ms })),
      studentShare: rounded(p.studentShare),
    })),
  };
}

/** `record` with its talk shares added last (key order is part of the record's bytes). */
export function withTalk(record: ConversationRecord, talk: RecordTalk | undefined): RecordWithTalk {
  return talk ? { ...record, talk } : record;
}

import {
  PARTICIPANT_ROLES,
  type ParticipantRole,
  PHASE_KEYS,
  type PhaseKey,
} from "@driehoek/domain";
import type { EntityManager } from "typeorm";
import { TalkInterval } from "./talk-interval.entity.js";

/** The guide's mark for the student's part of the talking. */
export const TALK_TARGET = 0.7;

/** One sum of speech: role, phase and section (null outside every section period). */
export interface TalkSum {
  role: ParticipantRole;
  phase: PhaseKey | null;
  section: string | null;
  ms: number;
}

/** A role's total. */
export interface RoleTotal {
  role: ParticipantRole;
  ms: number;
}

/** The shares as the API and the record show them. */
export interface TalkShareValue {
  totals: RoleTotal[];
  studentShare: number | null;
  phases: { phase: PhaseKey; totals: RoleTotal[]; studentShare: number | null }[];
  sections: { phase: PhaseKey; section: string; totals: RoleTotal[] }[];
  target: number;
}

/** Speech per role, phase and section of a conversation, summed by the database. */
export async function talkSums(manager: EntityManager, conversationId: string): Promise<TalkSum[]> {
  const rows: {
    role: ParticipantRole;
    phase: PhaseKey | null;
    section: string | null;
    ms: string | number;
  }[] = await manager
    .createQueryBuilder(TalkInterval, "t")
    .select("t.role", "role")
    .addSelect("t.phase", "phase")
    .addSelect("t.section", "section")
    .addSelect("SUM(t.duration_ms)", "ms")
    .where("t.conversation_id = :conversationId", { conversationId })
    .groupBy("t.role")
    .addGroupBy("t.phase")
    .addGroupBy("t.section")
    .getRawMany();
  return rows.map((r) => ({ role: r.role, phase: r.phase, section: r.section, ms: Number(r.ms) }));
}

function totalsOf(sums: TalkSum[]): RoleTotal[] {
  return PARTICIPANT_ROLES.map((role) => ({
    role,
    ms: sums.filter((s) => s.role === role).reduce((n, s) => n + s.ms, 0),
  }));
}

/** The student's part of all speech, 0–1; null when nobody spoke. */
export function studentShareOf(totals: RoleTotal[]): number | null {
  const all = totals.reduce((n, t) => n + t.ms, 0);
  if (all <= 0) return null;
  return (totals.find((t) => t.role === "student")?.ms ?? 0) / all;
}

/** Shares overall, per phase (in guide order) and per section, from the sums. */
export function shareOf(sums: TalkSum[]): TalkShareValue {
  const totals = totalsOf(sums);
  const phases = PHASE_KEYS.flatMap((phase) => {
    const inPhase = sums.filter((s) => s.phase === phase);
    if (inPhase.length === 0) return [];
    const phaseTotals = totalsOf(inPhase);
    return [{ phase, totals: phaseTotals, studentShare: studentShareOf(phaseTotals) }];
  });
  const sectionKeys = [
    ...new Set(sums.filter((s) => s.phase && s.section).map((s) => `${s.phase}/${s.section}`)),
  ];
  const sections = sectionKeys.map((key) => {
    const [phase, section] = key.split("/") as [PhaseKey, string];
    return {
      phase,
      section,
      totals: totalsOf(sums.filter((s) => s.phase === phase && s.section === section)),
    };
  });
  return { totals, studentShare: studentShareOf(totals), phases, sections, target: TALK_TARGET };
}

/** A conversation's talk share as stored now. */
export async function talkShareOf(
  manager: EntityManager,
  conversationId: string,
): Promise<TalkShareValue> {
  return shareOf(await talkSums(manager, conversationId));
}

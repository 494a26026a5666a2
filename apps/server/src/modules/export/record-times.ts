import type { ConversationRecord } from "@driehoek/domain";
import type { EntityManager } from "typeorm";
import { PhasePeriod } from "../conversation/phase-period.entity.js";
import { SectionPeriod } from "../conversation/section-period.entity.js";

/**
 * The record's `times`: when each phase and section started and ended, in order (decision
 * 0009). Undefined for a conversation held before sections were timed, so its record — and the
 * hash it may already be signed with — stays as it was.
 */
export async function recordTimes(
  manager: EntityManager,
  conversationId: string,
): Promise<ConversationRecord["times"]> {
  const sections = await manager.find(SectionPeriod, {
    where: { conversationId },
    order: { startedAt: "ASC" },
  });
  if (sections.length === 0) return undefined;
  const phases = await manager.find(PhasePeriod, {
    where: { conversationId },
    order: { startedAt: "ASC" },
  });
  const iso = (moment: Date | null) => moment?.toISOString() ?? null;
  return {
    phases: phases.map((p) => ({
      phase: p.phase,
      startedAt: p.startedAt.toISOString(),
      endedAt: iso(p.endedAt),
    })),
    sections: sections.map((s) => ({
      phase: s.phase,
      section: s.section,
      startedAt: s.startedAt.toISOString(),
      endedAt: iso(s.endedAt),
    })),
  };
}

import { randomUUID } from "node:crypto";
import type { GuidePosition } from "@driehoek/domain";
import type { EntityManager } from "typeorm";
import { SectionPeriod } from "./section-period.entity.js";

/**
 * Records a move in the section periods, inside the move's transaction: when the section
 * changes (or the conversation ends) the running period closes at `at`; when the move lands
 * on a section of a live conversation, its period opens at `at`.
 */
export async function recordSectionMove(
  manager: EntityManager,
  conversationId: string,
  at: Date,
  change: { closes: boolean; opens: GuidePosition | null },
): Promise<void> {
  if (change.closes) {
    await manager
      .createQueryBuilder()
      .update(SectionPeriod)
      .set({ endedAt: at })
      .where("conversation_id = :conversationId AND ended_at IS NULL", { conversationId })
      .execute();
  }
  if (change.opens) {
    await manager.insert(SectionPeriod, {
      id: randomUUID(),
      conversationId,
      phase: change.opens.phase,
      section: change.opens.section,
      startedAt: at,
      endedAt: null,
    });
  }
}

import type { ConversationRecord } from "@driehoek/domain";
import type { EntityManager } from "typeorm";
import { AuditEntry } from "../audit/audit-entry.entity.js";
import { Werkproces } from "../school/werkproces.entity.js";
import { PlacementWerkproces, type WerkprocesState } from "./placement-werkproces.entity.js";

/** The audit action written with every mark; its detail holds the werkproces and the state. */
export const MARKED = "werkproces.marked";

/** What a mark's audit entry holds. */
export interface MarkDetail {
  werkprocesId: string;
  state: WerkprocesState | null;
}

/**
 * The placement's marked werkprocessen, in code order: as they stand now, or — for a
 * conversation that has ended — as they stood at its end, read from the audit log, which keeps
 * every mark (a later conversation of the same placement may mark them again).
 */
export async function werkprocesStatesAt(
  manager: EntityManager,
  placementId: string,
  programmeId: string,
  endedAt: Date | null,
): Promise<NonNullable<ConversationRecord["werkprocessen"]>> {
  const werkprocessen = await manager.find(Werkproces, {
    where: { programmeId },
    order: { code: "ASC" },
  });
  const states = new Map<string, string>();
  if (endedAt) {
    const marks = await manager
      .createQueryBuilder(AuditEntry, "a")
      .where("a.subject_type = 'placement' AND a.subject_id = :placementId", { placementId })
      .andWhere("a.action = :action AND a.at <= :end", {
        action: MARKED,
        end: endedAt.toISOString(),
      })
      .orderBy("a.at", "ASC")
      .addOrderBy("a.id", "ASC")
      .getMany();
    for (const mark of marks) {
      const detail = JSON.parse(mark.detail ?? "{}") as MarkDetail;
      if (detail.state) states.set(detail.werkprocesId, detail.state);
      else states.delete(detail.werkprocesId);
    }
  } else {
    const current = await manager.findBy(PlacementWerkproces, { placementId });
    for (const mark of current) states.set(mark.werkprocesId, mark.state);
  }
  return werkprocessen
    .filter((w) => states.has(w.id))
    .map((w) => ({ code: w.code, title: w.title, state: states.get(w.id) ?? "" }));
}

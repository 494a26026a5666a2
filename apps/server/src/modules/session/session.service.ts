import { randomUUID } from "node:crypto";
import { type EntityManager, IsNull } from "typeorm";
import type { Services } from "../../context.js";
import { inTransaction } from "../../db/transaction.js";
import { StaffSession } from "./staff-session.entity.js";

/** Opens a staff session for `personId` that lasts until `expiresAt`; returns its id. */
export async function startSession(
  services: Services,
  personId: string,
  expiresAt: Date,
): Promise<string> {
  const id = randomUUID();
  // In a transaction of its own: on SQLite, TypeORM's one connection may be inside another
  // request's transaction right now, and a session written there would go if that one rolled back.
  await inTransaction(services.dataSource, async (manager) => {
    // A person's sessions that ended a day ago or more are of no use any more: one row per
    // login would otherwise pile up.
    const dayAgo = new Date(services.now().getTime() - 24 * 3600 * 1000).toISOString();
    await manager
      .createQueryBuilder()
      .delete()
      .from(StaffSession)
      .where("person_id = :personId AND expires_at < :dayAgo", { personId, dayAgo })
      .execute();
    await manager.insert(StaffSession, {
      id,
      personId,
      createdAt: services.now(),
      expiresAt,
      revokedAt: null,
    });
  });
  return id;
}

/**
 * Ends the sessions that match `where` (one session, or all of a person's) within `manager`'s
 * transaction; returns the ids it ended, for `announceRevoked` once the transaction committed.
 */
export async function revokeSessions(
  manager: EntityManager,
  where: { id: string } | { personId: string },
  now: Date,
): Promise<string[]> {
  const open = await manager.find(StaffSession, {
    where: { ...where, revokedAt: IsNull() },
    select: { id: true },
  });
  if (open.length === 0) return [];
  const ids = open.map((session) => session.id);
  await manager
    .createQueryBuilder()
    .update(StaffSession)
    .set({ revokedAt: now })
    .whereInIds(ids)
    .execute();
  return ids;
}

/** Tells every process that these sessions ended, so their open sockets close. */
export function announceRevoked(services: Services, sessionIds: readonly string[]): void {
  for (const id of sessionIds) services.events.publish("sessionRevoked", id);
}

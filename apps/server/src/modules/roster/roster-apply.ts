import { schoolToday } from "@driehoek/domain";
import { type EntityManager, In } from "typeorm";
import { Person } from "../people/person.entity.js";
import { refreshFrequency } from "../placement/frequency-state.js";
import { Placement } from "../placement/placement.entity.js";
import { Company, CompanyRecognition } from "../school/company.entity.js";
import { Programme } from "../school/programme.entity.js";
import { Student } from "../school/student.entity.js";
import type { Changes, RosterPlan } from "./roster-plan.js";

/**
 * Rows per INSERT. TypeORM checks each new parameter against all earlier ones of the statement,
 * so building one grows with the square of its size: 100 rows was twice as fast as 400 (profiled).
 */
const CHUNK = 100;

async function write<T extends { id: string }>(
  manager: EntityManager,
  entity: new () => T,
  changes: Changes<T>,
): Promise<void> {
  for (let i = 0; i < changes.inserts.length; i += CHUNK) {
    // biome-ignore lint/suspicious/noExplicitAny: TypeORM's insert type does not follow the generic entity
    await manager.insert(entity, changes.inserts.slice(i, i + CHUNK) as any);
  }
  for (const { id, set } of changes.updates) {
    // biome-ignore lint/suspicious/noExplicitAny: as above
    await manager.update(entity, { id }, set as any);
  }
}

/**
 * Writes a clean plan, parents before children, inside the caller's transaction. A person's
 * password is never touched by an import.
 */
export async function applyRosterPlan(
  manager: EntityManager,
  plan: RosterPlan,
  now: Date,
): Promise<void> {
  await write(manager, Programme, plan.programmes);
  await write(manager, Company, plan.companies);
  await write(manager, Person, {
    inserts: plan.people.inserts,
    updates: plan.people.updates.map(({ id, set }) => {
      const { passwordHash: _hash, role: _role, createdAt: _created, ...rest } = set;
      return { id, set: rest };
    }),
  });
  await write(manager, Student, plan.students);
  for (let i = 0; i < plan.recognitions.length; i += CHUNK) {
    await manager.insert(CompanyRecognition, plan.recognitions.slice(i, i + CHUNK));
  }
  await write(manager, Placement, plan.placements);
  for (let i = 0; i < plan.unchangedPlacementIds.length; i += CHUNK) {
    await manager.update(
      Placement,
      { id: In(plan.unchangedPlacementIds.slice(i, i + CHUNK)) },
      { importedAt: now },
    );
  }
  // New and re-dated placements get their frequency verdict in the same transaction.
  const written = [
    ...plan.placements.inserts.map((p) => p.id),
    ...plan.placements.updates.map((u) => u.id),
  ];
  await refreshFrequency(manager, written, schoolToday(now));
}

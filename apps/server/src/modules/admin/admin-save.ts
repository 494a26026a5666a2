import type { EntityManager } from "typeorm";
import { Not } from "typeorm";
import type { Services, Viewer } from "../../context.js";
import { inTransaction } from "../../db/transaction.js";
import { type UniqueViolation, uniqueViolation } from "../../db/unique-violation.js";
import { notFound } from "../../graphql/errors.js";
import { Person } from "../people/person.entity.js";
import { type InputProblem, inputProblem } from "../roster/input-problem.js";
import { readText } from "../roster/roster-values.js";
import type { AdminUpdate } from "./admin.types.js";
import { FieldReader } from "./admin-fields.js";

/*
 * The admin's edits: each locks the row it edits (db/row-lock.ts) and reads it, reads every
 * field with the roster import's rules, saves nothing when one is refused, and otherwise writes
 * the fields that changed, audit-logs them and answers the row as the table shows it — all in
 * one transaction. Two admins saving one row at once take turns: the second reads what the
 * first saved, and neither writes back a field the other changed.
 */

/** A text reader of at most `max` characters. */
export const text = (max: number, required: boolean) => (value: string) =>
  readText(value, max, required);

/** An e-mail address nobody else has, or a problem recorded on `field`. */
export async function checkEmailFree(
  manager: EntityManager,
  fields: FieldReader,
  field: string,
  email: string | null | undefined,
  personId: string,
) {
  if (!email) return;
  const other = await manager.findOne(Person, { where: { email, id: Not(personId) } });
  if (other) fields.refuse(field, inputProblem("email_taken", { email }));
}

/**
 * Of `next`, the columns whose field changed (FieldReader.pick noted them): what a save writes.
 * `fieldOf` names the form field of a column that is named differently.
 */
export function changedColumns<T extends object>(
  fields: FieldReader,
  next: T,
  fieldOf: Partial<Record<keyof T, string>> = {},
): Partial<T> {
  const keys = Object.keys(next) as (keyof T)[];
  return Object.fromEntries(
    keys
      .filter((key) => fields.changed.includes(fieldOf[key] ?? String(key)))
      .map((key) => [key, next[key]]),
  ) as Partial<T>;
}

/** Which field a unique index's refusal is about, and the problem to show there. */
export type UniqueRefusal = (violation: UniqueViolation) => {
  field: string;
  problem: InputProblem;
} | null;

/** The row read back after saving (it was there a moment ago, in this transaction). */
export function found<T>(row: T | undefined): T {
  if (!row) throw notFound("Row");
  return row;
}

/**
 * Reads, checks and (when every field is fine and one changed) writes and audit-logs an edit.
 * A value a unique index refuses (another admin gave it to another row at the same moment,
 * after this save checked it was free) is answered as the field's problem that `refusal`
 * names, as the check would have.
 */
export async function save<T>(
  services: Services,
  viewer: Viewer,
  subjectType: string,
  id: string,
  work: (manager: EntityManager, fields: FieldReader) => Promise<(() => Promise<void>) | null>,
  readBack: (manager: EntityManager) => Promise<T>,
  refusal: UniqueRefusal = () => null,
): Promise<AdminUpdate<T>> {
  try {
    return await inTransaction(services.dataSource, async (manager) => {
      const fields = new FieldReader();
      const write = await work(manager, fields);
      if (fields.errors.length > 0) return { node: null, errors: fields.errors };
      if (write && fields.changed.length > 0) {
        await write();
        await services.audit.record(
          {
            actorId: viewer.personId,
            action: `${subjectType}.edited`,
            subjectType,
            subjectId: id,
            detail: { fields: fields.changed },
          },
          manager,
        );
      }
      return { node: await readBack(manager), errors: [] };
    });
  } catch (error) {
    const violation = uniqueViolation(error);
    const refused = violation && refusal(violation);
    if (!refused) throw error;
    const fields = new FieldReader();
    fields.refuse(refused.field, refused.problem);
    return { node: null, errors: fields.errors };
  }
}

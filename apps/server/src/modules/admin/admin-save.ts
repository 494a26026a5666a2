import type { EntityManager } from "typeorm";
import { Not } from "typeorm";
import type { Services, Viewer } from "../../context.js";
import { inTransaction } from "../../db/transaction.js";
import { notFound } from "../../graphql/errors.js";
import { Person } from "../people/person.entity.js";
import { inputProblem } from "../roster/input-problem.js";
import { readText } from "../roster/roster-values.js";
import type { AdminUpdate } from "./admin.types.js";
import { FieldReader } from "./admin-fields.js";

/*
 * The admin's edits: each reads every field with the roster import's rules, saves nothing when
 * one is refused, and otherwise writes, audit-logs what changed and answers the row as the
 * table shows it — all in one transaction.
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

/** The row read back after saving (it was there a moment ago, in this transaction). */
export function found<T>(row: T | undefined): T {
  if (!row) throw notFound("Row");
  return row;
}

/** Reads, checks and (when every field is fine and one changed) writes and audit-logs an edit. */
export async function save<T>(
  services: Services,
  viewer: Viewer,
  subjectType: string,
  id: string,
  work: (manager: EntityManager, fields: FieldReader) => Promise<(() => Promise<void>) | null>,
  readBack: (manager: EntityManager) => Promise<T>,
): Promise<AdminUpdate<T>> {
  return inTransaction(services.dataSource, async (manager) => {
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
}

import type { MigrationInterface, QueryRunner } from "typeorm";
import {
  PLACEMENT_CONCLUSIONS,
  POSTGRES_CONCLUSIONS_FUNCTION,
} from "./1732800000105-placement-conclusions.js";

/**
 * On PostgreSQL the conclusions per placement (1732800000105) were counted again by deleting the
 * placement's row and inserting it anew. Two transactions writing conversations of one placement
 * at the same time (two people planning for one student; conversations ended in two server
 * processes) each deleted what they could see and inserted a row: the second insert failed on
 * the first's row ("duplicate key", the planning refused), and a count made while the other
 * transaction was still open would have missed its conversation.
 *
 * Now the trigger first claims the placement's row: it inserts it, or locks it when it is
 * there (`ON CONFLICT … DO UPDATE`), so a second transaction waits there until the first has
 * committed. Then it counts (each statement of the function sees what was committed before it
 * started, so the second counts both) and removes the row again when nothing is counted. The
 * lock is the row's own: a retention run or a bulk load writes the conversations of thousands
 * of placements in one transaction, and advisory locks would fill PostgreSQL's shared lock
 * table, where locks on rows are kept in the rows. SQLite has one writer at a time and needs
 * nothing.
 */
const { table, held, conclusions } = PLACEMENT_CONCLUSIONS;
const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(", ");

/** Counts the placement `placement` (SQL) again, in turn with every other transaction. */
const recountInTurn = (placement: string) => `
       INSERT INTO ${table} (placement_id, voor, op_schema, achter) VALUES (${placement}, 0, 0, 0)
         ON CONFLICT (placement_id) DO UPDATE SET voor = ${table}.voor;
       UPDATE ${table} SET (voor, op_schema, achter) = (
         SELECT ${conclusions.map((k) => `COUNT(CASE WHEN c.conclusion = '${k}' THEN 1 END)`).join(", ")}
         FROM conversation c
         WHERE c.placement_id = ${placement} AND c.status IN (${quoted(held)})
           AND c.conclusion IN (${quoted(conclusions)}))
         WHERE placement_id = ${placement};
       DELETE FROM ${table}
         WHERE placement_id = ${placement} AND voor = 0 AND op_schema = 0 AND achter = 0;`;

const IN_TURN = `CREATE OR REPLACE FUNCTION conversation_conclusions() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP <> 'DELETE' THEN
       ${recountInTurn("NEW.placement_id")}
     END IF;
     IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.placement_id IS DISTINCT FROM NEW.placement_id) THEN
       ${recountInTurn("OLD.placement_id")}
     END IF;
     RETURN NULL;
   END $$`;

export class PlacementConclusionsInTurn1732800000110 implements MigrationInterface {
  name = "PlacementConclusionsInTurn1732800000110";

  async up(runner: QueryRunner): Promise<void> {
    if (runner.connection.options.type === "postgres") await runner.query(IN_TURN);
  }

  async down(runner: QueryRunner): Promise<void> {
    if (runner.connection.options.type === "postgres")
      await runner.query(
        POSTGRES_CONCLUSIONS_FUNCTION.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION"),
      );
  }
}

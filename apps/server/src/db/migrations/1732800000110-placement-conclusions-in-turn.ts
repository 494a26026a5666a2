import type { MigrationInterface, QueryRunner } from "typeorm";
import { POSTGRES_CONCLUSIONS_FUNCTION, recount } from "./1732800000105-placement-conclusions.js";

/** The first key of the advisory locks under which a placement's conclusions are counted. */
export const PLACEMENT_CONCLUSIONS_LOCK_SPACE = 0x636f6e63;

/**
 * On PostgreSQL the conclusions per placement (1732800000105) are counted again by deleting the
 * placement's row and inserting it anew. Two transactions writing conversations of one placement
 * at the same time (two people planning for one student; conversations ended in two server
 * processes) each deleted what they could see and inserted a row: the second insert failed on
 * the first's row ("duplicate key", the planning refused), and a count made while the other
 * transaction was still open would have missed its conversation.
 *
 * Now the trigger first takes a transaction-level advisory lock per placement it counts (both
 * placements of a move, in one order, so two moves cannot wait for each other): the second
 * transaction waits until the first commits, and its recount (each statement of the function
 * sees what was committed before it started) then counts both. SQLite has one writer at a
 * time and needs nothing.
 */
const IN_TURN = `CREATE OR REPLACE FUNCTION conversation_conclusions() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE
     placements text[] := ARRAY[]::text[];
     turn integer;
   BEGIN
     IF TG_OP <> 'DELETE' THEN
       placements := placements || NEW.placement_id::text;
     END IF;
     IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.placement_id IS DISTINCT FROM NEW.placement_id) THEN
       placements := placements || OLD.placement_id::text;
     END IF;
     FOR turn IN SELECT DISTINCT hashtext(p) FROM unnest(placements) AS p WHERE p IS NOT NULL ORDER BY 1 LOOP
       PERFORM pg_advisory_xact_lock(${PLACEMENT_CONCLUSIONS_LOCK_SPACE}, turn);
     END LOOP;
     IF TG_OP <> 'DELETE' THEN
       ${recount("NEW.placement_id").join(";\n")};
     END IF;
     IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.placement_id IS DISTINCT FROM NEW.placement_id) THEN
       ${recount("OLD.placement_id").join(";\n")};
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

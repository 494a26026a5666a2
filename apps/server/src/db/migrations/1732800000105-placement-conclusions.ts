import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The conclusions drawn per placement (docs/decisions/0015, "Conclusions counted per placement"):
 * one row per placement with at least one held conversation (ended or signed) with a conclusion,
 * counting its voor, op schema and achter. The school's distribution and its students with a
 * conclusion are then read from 20,000 rows instead of grouping 100,000 conversations on every
 * page.
 *
 * The table is the database's own: triggers on the conversation count a placement's
 * conversations again whenever one of them is added, removed, moved or changes its status or
 * conclusion, in the same transaction. The statuses and conclusions are the domain's
 * `HELD_STATUSES` and `CONCLUSIONS` as of this migration (a test holds them together).
 */
export const PLACEMENT_CONCLUSIONS = {
  table: "placement_conclusion",
  held: ["ended", "signed"],
  conclusions: ["voor", "op_schema", "achter"],
} as const;

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(", ");

/** The counts of the placement `placement` (SQL), as rows to insert: none without a conclusion. */
const countsOf = (placement: string) =>
  `SELECT c.placement_id, ${PLACEMENT_CONCLUSIONS.conclusions
    .map((k) => `COUNT(CASE WHEN c.conclusion = '${k}' THEN 1 END)`)
    .join(", ")}
   FROM conversation c
   WHERE c.placement_id = ${placement} AND c.status IN (${quoted(PLACEMENT_CONCLUSIONS.held)})
     AND c.conclusion IN (${quoted(PLACEMENT_CONCLUSIONS.conclusions)})
   GROUP BY c.placement_id`;

/** Counts the placement `placement` (SQL) again. */
const recount = (placement: string) => [
  `DELETE FROM placement_conclusion WHERE placement_id = ${placement}`,
  `INSERT INTO placement_conclusion (placement_id, voor, op_schema, achter) ${countsOf(placement)}`,
];

const SQLITE_TRIGGERS = [
  `CREATE TRIGGER trg_conversation_conclusions_insert AFTER INSERT ON conversation BEGIN
     ${recount("NEW.placement_id").join(";\n")};
   END`,
  `CREATE TRIGGER trg_conversation_conclusions_update
     AFTER UPDATE OF status, conclusion, placement_id ON conversation BEGIN
     ${recount("NEW.placement_id").join(";\n")};
   END`,
  `CREATE TRIGGER trg_conversation_conclusions_move
     AFTER UPDATE OF placement_id ON conversation WHEN OLD.placement_id IS NOT NEW.placement_id BEGIN
     ${recount("OLD.placement_id").join(";\n")};
   END`,
  `CREATE TRIGGER trg_conversation_conclusions_delete AFTER DELETE ON conversation BEGIN
     ${recount("OLD.placement_id").join(";\n")};
   END`,
];

/** The PostgreSQL trigger function as this migration makes it (1732800000110 replaces it). */
export const POSTGRES_CONCLUSIONS_FUNCTION = `CREATE FUNCTION conversation_conclusions() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP <> 'DELETE' THEN
       ${recount("NEW.placement_id").join(";\n")};
     END IF;
     IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.placement_id IS DISTINCT FROM NEW.placement_id) THEN
       ${recount("OLD.placement_id").join(";\n")};
     END IF;
     RETURN NULL;
   END $$`;

const POSTGRES_TRIGGERS = [
  POSTGRES_CONCLUSIONS_FUNCTION,
  `CREATE TRIGGER trg_conversation_conclusions
     AFTER INSERT OR DELETE OR UPDATE OF status, conclusion, placement_id ON conversation
     FOR EACH ROW EXECUTE FUNCTION conversation_conclusions()`,
];

export class PlacementConclusions1732800000105 implements MigrationInterface {
  name = "PlacementConclusions1732800000105";

  async up(runner: QueryRunner): Promise<void> {
    const isPostgres = runner.connection.options.type === "postgres";
    await runner.query(
      `CREATE TABLE "placement_conclusion" ("placement_id" varchar(36) PRIMARY KEY NOT NULL, "voor" integer NOT NULL, "op_schema" integer NOT NULL, "achter" integer NOT NULL)`,
    );
    await runner.query(
      `INSERT INTO placement_conclusion (placement_id, voor, op_schema, achter) ${countsOf("c.placement_id")}`,
    );
    for (const sql of isPostgres ? POSTGRES_TRIGGERS : SQLITE_TRIGGERS) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    if (runner.connection.options.type === "postgres") {
      await runner.query(`DROP TRIGGER trg_conversation_conclusions ON conversation`);
      await runner.query(`DROP FUNCTION conversation_conclusions()`);
    } else {
      for (const when of ["insert", "update", "move", "delete"])
        await runner.query(`DROP TRIGGER trg_conversation_conclusions_${when}`);
    }
    await runner.query(`DROP TABLE "placement_conclusion"`);
  }
}

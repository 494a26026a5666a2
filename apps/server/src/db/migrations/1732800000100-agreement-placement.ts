import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Each agreement carries its placement and that placement's end date (docs/decisions/0015,
 * "Agreements know their placement"), so the school's overdue agreements of running placements
 * are read in report order, and counted, from one index of the agreement table alone: before,
 * each of the ~10,000 overdue agreements ahead of the first page's rows was joined to its
 * conversation and placement only to learn the placement had ended.
 *
 * Both columns are the database's own: triggers fill them when an agreement is written or moved,
 * and keep the end date when a placement's end date or a conversation's placement changes; the
 * application never writes them (`insert: false, update: false` on the entity).
 */
export const AGREEMENT_PLACEMENT_INDEXES = {
  /** Replaces 1732800000095's `IDX_agreement_report_due`, with the placement's columns. */
  agreementDue: "IDX_agreement_report_due_placement",
  agreementPlacement: "IDX_agreement_placement",
} as const;

/** The placement of each agreement, through its conversation. */
const PLACEMENT_OF_AGREEMENT = `(SELECT c.placement_id FROM conversation c WHERE c.id = agreement.conversation_id)`;

const SQLITE_TRIGGERS = [
  `CREATE TRIGGER trg_agreement_placement_insert AFTER INSERT ON agreement BEGIN
     UPDATE agreement SET (placement_id, placement_end_date) =
       (SELECT p.id, p.end_date FROM conversation c JOIN placement p ON p.id = c.placement_id WHERE c.id = NEW.conversation_id)
     WHERE id = NEW.id;
   END`,
  `CREATE TRIGGER trg_agreement_placement_move AFTER UPDATE OF conversation_id ON agreement BEGIN
     UPDATE agreement SET (placement_id, placement_end_date) =
       (SELECT p.id, p.end_date FROM conversation c JOIN placement p ON p.id = c.placement_id WHERE c.id = NEW.conversation_id)
     WHERE id = NEW.id;
   END`,
  `CREATE TRIGGER trg_conversation_placement_agreements AFTER UPDATE OF placement_id ON conversation BEGIN
     UPDATE agreement SET (placement_id, placement_end_date) =
       (SELECT p.id, p.end_date FROM placement p WHERE p.id = NEW.placement_id)
     WHERE conversation_id = NEW.id;
   END`,
  `CREATE TRIGGER trg_placement_end_agreements AFTER UPDATE OF end_date ON placement BEGIN
     UPDATE agreement SET placement_end_date = NEW.end_date WHERE placement_id = NEW.id;
   END`,
];

const POSTGRES_TRIGGERS = [
  `CREATE FUNCTION agreement_placement() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     SELECT p.id, p.end_date INTO NEW.placement_id, NEW.placement_end_date
       FROM conversation c JOIN placement p ON p.id = c.placement_id WHERE c.id = NEW.conversation_id;
     RETURN NEW;
   END $$`,
  `CREATE TRIGGER trg_agreement_placement BEFORE INSERT OR UPDATE OF conversation_id ON agreement
     FOR EACH ROW EXECUTE FUNCTION agreement_placement()`,
  `CREATE FUNCTION conversation_placement_agreements() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     UPDATE agreement SET placement_id = p.id, placement_end_date = p.end_date
       FROM placement p WHERE p.id = NEW.placement_id AND agreement.conversation_id = NEW.id;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER trg_conversation_placement_agreements AFTER UPDATE OF placement_id ON conversation
     FOR EACH ROW WHEN (OLD.placement_id IS DISTINCT FROM NEW.placement_id)
     EXECUTE FUNCTION conversation_placement_agreements()`,
  `CREATE FUNCTION placement_end_agreements() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     UPDATE agreement SET placement_end_date = NEW.end_date WHERE placement_id = NEW.id;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER trg_placement_end_agreements AFTER UPDATE OF end_date ON placement
     FOR EACH ROW WHEN (OLD.end_date IS DISTINCT FROM NEW.end_date)
     EXECUTE FUNCTION placement_end_agreements()`,
];

export class AgreementPlacement1732800000100 implements MigrationInterface {
  name = "AgreementPlacement1732800000100";

  async up(runner: QueryRunner): Promise<void> {
    const isPostgres = runner.connection.options.type === "postgres";
    await runner.query(`ALTER TABLE "agreement" ADD "placement_id" varchar(36)`);
    await runner.query(`ALTER TABLE "agreement" ADD "placement_end_date" varchar(10)`);
    await runner.query(
      `UPDATE "agreement" SET "placement_id" = ${PLACEMENT_OF_AGREEMENT}, "placement_end_date" = (SELECT p.end_date FROM placement p WHERE p.id = ${PLACEMENT_OF_AGREEMENT})`,
    );
    for (const sql of isPostgres ? POSTGRES_TRIGGERS : SQLITE_TRIGGERS) await runner.query(sql);
    await runner.query(`DROP INDEX "IDX_agreement_report_due"`);
    await runner.query(
      `CREATE INDEX "${AGREEMENT_PLACEMENT_INDEXES.agreementDue}" ON "agreement" ("due_date", "id", "status", "placement_end_date", "placement_id")`,
    );
    await runner.query(
      `CREATE INDEX "${AGREEMENT_PLACEMENT_INDEXES.agreementPlacement}" ON "agreement" ("placement_id")`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    const isPostgres = runner.connection.options.type === "postgres";
    await runner.query(`DROP INDEX "${AGREEMENT_PLACEMENT_INDEXES.agreementPlacement}"`);
    await runner.query(`DROP INDEX "${AGREEMENT_PLACEMENT_INDEXES.agreementDue}"`);
    await runner.query(
      `CREATE INDEX "IDX_agreement_report_due" ON "agreement" ("due_date", "id", "status", "conversation_id")`,
    );
    if (isPostgres) {
      await runner.query(`DROP TRIGGER trg_placement_end_agreements ON placement`);
      await runner.query(`DROP TRIGGER trg_conversation_placement_agreements ON conversation`);
      await runner.query(`DROP TRIGGER trg_agreement_placement ON agreement`);
      await runner.query(`DROP FUNCTION placement_end_agreements()`);
      await runner.query(`DROP FUNCTION conversation_placement_agreements()`);
      await runner.query(`DROP FUNCTION agreement_placement()`);
    } else {
      for (const name of [
        "trg_placement_end_agreements",
        "trg_conversation_placement_agreements",
        "trg_agreement_placement_move",
        "trg_agreement_placement_insert",
      ])
        await runner.query(`DROP TRIGGER ${name}`);
    }
    await runner.query(`ALTER TABLE "agreement" DROP COLUMN "placement_end_date"`);
    await runner.query(`ALTER TABLE "agreement" DROP COLUMN "placement_id"`);
  }
}

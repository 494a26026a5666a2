import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * On PostgreSQL an agreement written while an admin changed its placement's end date could keep
 * the old one (1732800000100's triggers): the agreement's trigger read the placement as last
 * committed, and the placement's trigger, which gives its agreements the new end date, could not
 * see an agreement not yet committed. Now the agreement's trigger reads the placement `FOR
 * SHARE`: an end-date change waits until the agreement is committed (its own trigger then sees
 * it), and an agreement written after an end-date change waits until that is committed (and
 * reads the new date). The projection of a live document, which changes a conversation's
 * agreements before it adds new ones in one transaction, takes the same lock before its first
 * write (`inProjectionScope`), so it never waits for the placement while holding an agreement
 * the end-date change waits for. SQLite has one writer at a time and needs nothing.
 */
const AGREEMENT_PLACEMENT = (lock: string) => `CREATE OR REPLACE FUNCTION agreement_placement()
   RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     SELECT p.id, p.end_date INTO NEW.placement_id, NEW.placement_end_date
       FROM conversation c JOIN placement p ON p.id = c.placement_id WHERE c.id = NEW.conversation_id${lock};
     RETURN NEW;
   END $$`;

export class AgreementPlacementInTurn1732800000130 implements MigrationInterface {
  name = "AgreementPlacementInTurn1732800000130";

  async up(runner: QueryRunner): Promise<void> {
    if (runner.connection.options.type !== "postgres") return;
    await runner.query(AGREEMENT_PLACEMENT("\n       FOR SHARE OF p"));
  }

  async down(runner: QueryRunner): Promise<void> {
    if (runner.connection.options.type !== "postgres") return;
    await runner.query(AGREEMENT_PLACEMENT(""));
  }
}

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "../support/database.js";
import { buildSchool, loginAs, type TestSchool } from "../support/factories.js";
import { startTestServer, type TestServer } from "../support/server.js";

const SCHEDULE = `mutation($input: ScheduleConversationInput!) {
  scheduleConversation(input: $input) { conversation { id } }
}`;

/**
 * The conclusions counted per placement (migration 1732800000105) are kept by the database's
 * triggers, in the transaction that writes a conversation. Two such transactions for one
 * placement at the same time — two people planning for one student, conversations ended in
 * two server processes — must both go through, and both be counted.
 */
describe.each(testDatabases())(
  "conclusions counted per placement, written at once, on %s",
  (kind) => {
    let server: TestServer;
    let school: TestSchool;
    let marieke: string;

    beforeAll(async () => {
      server = await startTestServer(kind);
      school = await buildSchool(server.services);
      marieke = await loginAs(server, school.staff.marieke);
    });
    afterAll(async () => {
      await server?.close();
    });

    const counts = async (placementId: string) => {
      const [row] = await server.services.dataSource.query(
        `SELECT voor, op_schema, achter FROM placement_conclusion WHERE placement_id = ${kind === "postgres" ? "$1" : "?"}`,
        [placementId],
      );
      return row
        ? { voor: Number(row.voor), opSchema: Number(row.op_schema), achter: Number(row.achter) }
        : null;
    };

    it("eight conversations of a placement with a conclusion, planned at the same moment, are all planned", async () => {
      const placementId = school.students.sanne.placementId;
      // A held conversation with a conclusion: the placement has counts, which each plan recounts.
      await server.services.dataSource.query(
        `UPDATE conversation SET status = 'ended', conclusion = 'op_schema' WHERE id = ${kind === "postgres" ? "$1" : "?"}`,
        [school.conversations.sanne.id],
      );
      expect(await counts(placementId)).toEqual({ voor: 0, opSchema: 1, achter: 0 });
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          server.gql(
            SCHEDULE,
            {
              input: {
                placementId,
                // Eight days within the placement (it ends early January 2027).
                scheduledAt: new Date(Date.UTC(2026, 11, 7 + i, 9)).toISOString(),
              },
            },
            marieke,
          ),
        ),
      );
      expect(results.map((r) => r.errors?.[0]?.message ?? null)).toEqual(Array(8).fill(null));
      const ids = new Set(results.map((r) => r.data?.scheduleConversation.conversation.id));
      expect(ids.size).toBe(8);
      expect(await counts(placementId)).toEqual({ voor: 0, opSchema: 1, achter: 0 });
    });

    it.runIf(kind === "postgres")(
      "two conversations of one placement ended in overlapping transactions are both counted",
      async () => {
        const placementId = school.students.lotte.placementId;
        const planned = await Promise.all(
          [12, 13].map(async (day) => {
            const result = await server.gql(
              SCHEDULE,
              {
                input: {
                  placementId,
                  scheduledAt: new Date(Date.UTC(2026, 0, day, 9)).toISOString(),
                },
              },
              marieke,
            );
            expect(result.errors).toBeUndefined();
            return result.data?.scheduleConversation.conversation.id as string;
          }),
        );
        const before = (await counts(placementId)) ?? { voor: 0, opSchema: 0, achter: 0 };
        const { dataSource } = server.services;
        const first = dataSource.createQueryRunner();
        const second = dataSource.createQueryRunner();
        try {
          await first.startTransaction();
          await second.startTransaction();
          const end = `UPDATE conversation SET status = 'ended', conclusion = $1 WHERE id = $2`;
          await first.query(end, ["voor", planned[0]]);
          // The second waits for the first's turn at this placement's counts, if it must.
          const secondEnds = second.query(end, ["achter", planned[1]]).then(
            () => null,
            (error: Error) => error.message,
          );
          await new Promise((r) => setTimeout(r, 200));
          await first.commitTransaction();
          expect(await secondEnds).toBeNull();
          await second.commitTransaction();
        } finally {
          if (first.isTransactionActive) await first.rollbackTransaction();
          if (second.isTransactionActive) await second.rollbackTransaction();
          await first.release();
          await second.release();
        }
        expect(await counts(placementId)).toEqual({
          voor: before.voor + 1,
          opSchema: before.opSchema,
          achter: before.achter + 1,
        });
      },
    );

    it.runIf(kind === "postgres")(
      "one transaction that ends conversations of 20,000 placements counts them all",
      async () => {
        // As a retention run or a bulk load does: more placements in one transaction than
        // PostgreSQL's shared lock table has room for, were each counted under a lock of its own.
        const { dataSource } = server.services;
        const columns = async (table: string) =>
          (
            (await dataSource.query(
              `SELECT column_name FROM information_schema.columns
               WHERE table_name = $1 AND column_name NOT IN ('id', 'placement_id') ORDER BY ordinal_position`,
              [table],
            )) as { column_name: string }[]
          )
            .map((c) => `"${c.column_name}"`)
            .join(", ");
        const conversationColumns = await columns("conversation");
        const placementColumns = await columns("placement");
        await dataSource.query(
          `CREATE TABLE bulk AS SELECT gen_random_uuid()::text AS placement_id,
             gen_random_uuid()::text AS conversation_id FROM generate_series(1, 20000)`,
        );
        // Copies of one placement and its conversation, written without their triggers: the
        // transaction below is what is tested.
        await dataSource.transaction(async (tx) => {
          await tx.query("SET LOCAL session_replication_role = replica");
          await tx.query(
            `INSERT INTO placement (id, ${placementColumns})
             SELECT b.placement_id, ${placementColumns} FROM placement p, bulk b WHERE p.id = $1`,
            [school.students.daan.placementId],
          );
          await tx.query(
            `INSERT INTO conversation (id, placement_id, ${conversationColumns})
             SELECT b.conversation_id, b.placement_id, ${conversationColumns}
             FROM conversation c, bulk b WHERE c.id = $1`,
            [school.conversations.daan.id],
          );
          // Counts that are out of date: the recount below replaces them.
          await tx.query(
            "INSERT INTO placement_conclusion (placement_id, voor, op_schema, achter) SELECT placement_id, 1, 0, 0 FROM bulk",
          );
        });
        await dataSource.query("ANALYZE");
        // On a connection of its own, as a retention run's or a bulk load's: the pool's
        // connections hold plans made while the tables were a few rows long.
        const client = new pg.Client({
          connectionString: (dataSource.options as { url: string }).url,
        });
        await client.connect();
        try {
          await client.query("BEGIN");
          await client.query(
            `UPDATE conversation SET status = 'ended', conclusion = 'achter'
             WHERE id IN (SELECT conversation_id FROM bulk)`,
          );
          await client.query("COMMIT");
        } finally {
          await client.end();
        }
        const [row] = await dataSource.query(
          `SELECT COUNT(*) AS n FROM placement_conclusion
           WHERE placement_id IN (SELECT placement_id FROM bulk) AND achter = 1 AND voor = 0 AND op_schema = 0`,
        );
        expect(Number(row.n)).toBe(20000);
        await dataSource.query("DROP TABLE bulk");
      },
      60_000,
    );
  },
);

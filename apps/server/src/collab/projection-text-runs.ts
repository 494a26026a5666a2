/**
 * The statements of a text run (projection.ts): when only texts changed since the last run, the
 * changed rows are written straight on the driver, one statement each, without reading them
 * first; where the conversation stands is read back with the write or after it. An addition run
 * (agreements added after the stored ones) inserts each new row the same way.
 */
import type { AgreementFields } from "@driehoek/collab";
import {
  type AgreementStatus,
  CONVERSATION_STATUSES,
  clipToLimit,
  isLocked,
  type ParticipantRole,
} from "@driehoek/domain";
import type { Services } from "../context.js";
import { withSqliteWriteLock } from "../db/sqlite-write-lock.js";
import {
  type RecordStanding,
  STANDING_COLUMNS,
  type StandingRow,
  standingOf,
} from "../modules/conversation/conversation-changes.js";

/** Statuses in which a conversation's record no longer follows its document. */
const LOCKED_STATUSES = CONVERSATION_STATUSES.filter(isLocked);

/**
 * Runs one statement on SQLite and answers its rows; `writes`: it writes to the file. The
 * collaboration log's store offers its connection as one (SqliteUpdateStore.statement).
 */
export type SqliteStatements = (
  sql: string,
  parameters: unknown[],
  writes: boolean,
) => Promise<unknown[]>;

/**
 * Runs one statement straight on the driver, without TypeORM's query builder, and returns its
 * rows: `?` marks a parameter on both databases. On SQLite it runs on `sqlite` when given (the
 * log's connection), otherwise on TypeORM's, a write in its own turn of the file's write lock
 * (TypeORM's SQLite runner would also answer an UPDATE without its rows).
 */
async function onDriver<T>(
  services: Services,
  sql: string,
  parameters: unknown[],
  writes: boolean,
  sqlite?: SqliteStatements,
): Promise<T[]> {
  const { dataSource } = services;
  if (dataSource.options.type === "postgres") {
    let n = 0;
    const numbered = sql.replace(/\?/g, () => `$${++n}`);
    const runner = dataSource.createQueryRunner();
    try {
      return (await runner.query(numbered, parameters, true)).records as T[];
    } finally {
      await runner.release();
    }
  }
  if (sqlite) return (await sqlite(sql, parameters, writes)) as T[];
  const connection = (dataSource.driver as unknown as { databaseConnection: SqliteConnection })
    .databaseConnection;
  const run = () =>
    new Promise<T[]>((resolve, reject) =>
      connection.all(sql, parameters, (error, rows) =>
        error ? reject(error) : resolve(rows as T[]),
      ),
    );
  return writes ? withSqliteWriteLock(String(dataSource.options.database), run) : run();
}

/** `IS NOT` on SQLite, `IS DISTINCT FROM` on PostgreSQL: unequal, NULL being a value. */
const differs = (services: Services) =>
  services.dataSource.options.type === "postgres" ? "IS DISTINCT FROM" : "IS NOT";

/** `status NOT IN (…locked statuses)`, with its parameters. */
const NOT_LOCKED = `status NOT IN (${LOCKED_STATUSES.map(() => "?").join(", ")})`;

/**
 * Writes a conversation's summary (kept as stored when null: it could not be read) and shared
 * notes in one statement, unless the record is locked or they are stored as they are already.
 * Returns where the changed conversation stands (read back by the same statement, so what
 * follows a changed record needs no further query), or null when the row did not change.
 */
export async function projectTexts(
  services: Services,
  conversationId: string,
  summary: string | null,
  sharedNotes: string,
  sqlite?: SqliteStatements,
): Promise<RecordStanding | null> {
  const isNot = differs(services);
  const [row] = await onDriver<StandingRow>(
    services,
    `UPDATE conversation SET summary = COALESCE(?, summary), shared_notes = ?
    WHERE id = ? AND ${NOT_LOCKED}
    AND (summary ${isNot} COALESCE(?, summary) OR shared_notes ${isNot} ?)
    RETURNING ${STANDING_COLUMNS}`,
    [summary, sharedNotes, conversationId, ...LOCKED_STATUSES, summary, sharedNotes],
    true,
    sqlite,
  );
  return row ? standingOf(conversationId, row) : null;
}

/**
 * Writes the texts of one agreement (what it says, its measure and first step) in one
 * statement, unless its conversation's record is locked, the agreement belongs to another
 * conversation, or the texts are stored as they are already. Returns whether the row changed.
 */
export async function projectAgreementTexts(
  services: Services,
  conversationId: string,
  agreement: AgreementFields,
  now: Date,
  sqlite?: SqliteStatements,
): Promise<boolean> {
  const isNot = differs(services);
  const text = clipToLimit("agreementText", agreement.text);
  const measure = clipToLimit("agreementMeasure", agreement.measure);
  const firstStep = clipToLimit("agreementFirstStep", agreement.firstStep);
  const rows = await onDriver<{ id: string }>(
    services,
    `UPDATE agreement SET text = ?, measure = ?, first_step = ?, updated_at = ?
    WHERE id = ? AND conversation_id = ?
    AND (text ${isNot} ? OR measure ${isNot} ? OR first_step ${isNot} ?)
    AND EXISTS (SELECT 1 FROM conversation WHERE id = ? AND ${NOT_LOCKED})
    RETURNING id`,
    [
      text,
      measure,
      firstStep,
      now.toISOString(),
      agreement.id,
      conversationId,
      text,
      measure,
      firstStep,
      conversationId,
      ...LOCKED_STATUSES,
    ],
    true,
    sqlite,
  );
  return rows.length > 0;
}

/** An agreement's row as the projection stores it (see storableAgreement in projection.ts). */
export interface AgreementRow {
  id: string;
  conversationId: string;
  position: number;
  text: string;
  owner: ParticipantRole | null;
  dueDate: string | null;
  measure: string;
  firstStep: string;
  werkprocesId: string | null;
  status: AgreementStatus;
  updatedAt: Date;
}

/**
 * Inserts a new agreement in one statement, unless its conversation's record is locked or an
 * agreement with its id is stored already (in this conversation or another). Returns whether
 * it was inserted; when not, a full run decides (projection.ts). The placement's columns are
 * filled by the database's triggers, as for every insert.
 */
export async function insertAgreement(
  services: Services,
  row: AgreementRow,
  sqlite?: SqliteStatements,
): Promise<boolean> {
  const at = row.updatedAt.toISOString();
  const rows = await onDriver<{ id: string }>(
    services,
    `INSERT INTO agreement (id, conversation_id, reviewed_in_id, position, text, owner, due_date,
      measure, first_step, werkproces_id, status, review_note, created_at, updated_at)
    SELECT ?, ?, NULL, CAST(? AS INTEGER), ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?
    WHERE EXISTS (SELECT 1 FROM conversation WHERE id = ? AND ${NOT_LOCKED})
    ON CONFLICT (id) DO NOTHING
    RETURNING id`,
    [
      row.id,
      row.conversationId,
      row.position,
      row.text,
      row.owner,
      row.dueDate,
      row.measure,
      row.firstStep,
      row.werkprocesId,
      row.status,
      at,
      at,
      row.conversationId,
      ...LOCKED_STATUSES,
    ],
    true,
    sqlite,
  );
  return rows.length > 0;
}

/** Where conversation `id` stands now, read on the driver. */
export async function readStanding(
  services: Services,
  id: string,
  sqlite?: SqliteStatements,
): Promise<RecordStanding | undefined> {
  const [row] = await onDriver<StandingRow>(
    services,
    `SELECT ${STANDING_COLUMNS} FROM conversation WHERE id = ?`,
    [id],
    false,
    sqlite,
  );
  return row ? standingOf(id, row) : undefined;
}

/** node-sqlite3's `Database`, as far as the projection uses it. */
interface SqliteConnection {
  all(
    sql: string,
    parameters: unknown[],
    done: (error: Error | null, rows: unknown[]) => void,
  ): void;
}

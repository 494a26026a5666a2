import { createHash } from "node:crypto";
import {
  type AgreementFields,
  agreementsOf,
  notesOf,
  plainText,
  RECORD_NOTE_KEYS,
  readAgreement,
  readReview,
  summaryOf,
} from "@driehoek/collab";
import {
  AGREEMENT_STATUSES,
  type AgreementStatus,
  clipToLimit,
  isIsoDate,
  isLocked,
  isParticipantRole,
  isUnreviewed,
} from "@driehoek/domain";
import { type EntityManager, In } from "typeorm";
import * as Y from "yjs";
import type { Services } from "../context.js";
import { withSqliteWriteLock } from "../db/sqlite-write-lock.js";
import { inTransaction } from "../db/transaction.js";
import { Agreement } from "../modules/agreement/agreement.entity.js";
import { agreementsToReview } from "../modules/agreement/previous-agreements.js";
import { Conversation } from "../modules/conversation/conversation.entity.js";
import {
  type RecordStanding,
  STANDING_COLUMNS,
  type StandingRow,
  standingOf,
} from "../modules/conversation/conversation-changes.js";
import { Placement } from "../modules/placement/placement.entity.js";
import { Student } from "../modules/school/student.entity.js";
import { Werkproces } from "../modules/school/werkproces.entity.js";
import {
  type AgreementRow,
  insertAgreement,
  projectAgreementTexts,
  projectTexts,
  readStanding,
  type SqliteStatements,
} from "./projection-text-runs.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHANGEABLE = [
  "position",
  "text",
  "owner",
  "dueDate",
  "measure",
  "firstStep",
  "werkprocesId",
  "status",
] as const;
const asStatus = (value: string): AgreementStatus =>
  (AGREEMENT_STATUSES as readonly string[]).includes(value) ? (value as AgreementStatus) : "open";

/** What the tables store of agreement `draft` at `position`: every value checked and clipped. */
function storableAgreement(
  draft: AgreementFields,
  conversationId: string,
  position: number,
  werkprocesId: string | null,
  now: Date,
): AgreementRow {
  return {
    id: draft.id,
    conversationId,
    position,
    text: clipToLimit("agreementText", draft.text),
    owner: draft.owner && isParticipantRole(draft.owner) ? draft.owner : null,
    dueDate: draft.dueDate && isIsoDate(draft.dueDate) ? draft.dueDate : null,
    measure: clipToLimit("agreementMeasure", draft.measure),
    firstStep: clipToLimit("agreementFirstStep", draft.firstStep),
    werkprocesId,
    status: asStatus(draft.status),
    updatedAt: now,
  };
}

/** The last part of a fingerprint: whether the last full run found ids of other conversations. */
const OWN_IDS = "own";
const FOREIGN_IDS = "foreign";

/** A fingerprint's comma-separated list, empty for an empty part. */
const listOf = (part: string | undefined) => (part ? part.split(",") : []);

/** Entries already reported as unreadable, `conversationId path`; bounded, then forgotten. */
const reported = new Set<string>();
const MAX_REPORTED = 10_000;

/** Logs once per conversation and entry that the projection skips `path`, and why. */
function reportSkipped(conversationId: string, path: string, why: string): void {
  const key = `${conversationId} ${path}`;
  if (reported.has(key)) return;
  if (reported.size >= MAX_REPORTED) reported.clear();
  reported.add(key);
  console.warn(`collab: projecting ${conversationId} skips ${path}: ${why}`);
}

/** One agreement as plain data, or null (reported) when it cannot be stored. */
function readableAgreement(
  conversationId: string,
  path: string,
  entry: unknown,
): AgreementFields | null {
  if (!(entry instanceof Y.Map)) {
    reportSkipped(conversationId, path, "not a map");
    return null;
  }
  try {
    const draft = readAgreement(entry);
    if (UUID.test(draft.id)) return draft;
    reportSkipped(conversationId, path, "no valid id");
  } catch (error) {
    reportSkipped(conversationId, path, String(error));
  }
  return null;
}

/**
 * The agreements the projection can store: readable, with a UUID, each id once (the first
 * keeps it). What it skips was written before the server checked updates at the door.
 */
function readableAgreements(conversationId: string, doc: Y.Doc): AgreementFields[] {
  const seen = new Set<string>();
  const drafts: AgreementFields[] = [];
  agreementsOf(doc)
    .toArray()
    .forEach((entry: unknown, index) => {
      const path = `agreements.${index}`;
      const draft = readableAgreement(conversationId, path, entry);
      if (!draft) return;
      if (seen.has(draft.id)) {
        reportSkipped(conversationId, `${path} (${draft.id})`, "its id is used twice");
        return;
      }
      seen.add(draft.id);
      drafts.push(draft);
    });
  return drafts;
}

/** The summary as plain text, or null when it cannot be read (then the stored one stays). */
function readableSummary(conversationId: string, doc: Y.Doc): string | null {
  try {
    return clipToLimit("summary", plainText(summaryOf(doc)));
  } catch (error) {
    reportSkipped(conversationId, "summary", String(error));
    return null;
  }
}

/** The werkprocessen of the programme a placement's student follows. */
async function programmeWerkprocessen(
  manager: EntityManager,
  placementId: string,
): Promise<Werkproces[]> {
  const placement = await manager.findOneByOrFail(Placement, { id: placementId });
  const student = await manager.findOneByOrFail(Student, { id: placement.studentId });
  return manager.findBy(Werkproces, { programmeId: student.programmeId });
}

/** A short digest of `value` as JSON. */
function digest(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("base64");
}

/** The first key of the advisory locks that serialize projections of one conversation. */
const PROJECTION_LOCK_SPACE = 0x636f6c6c;

/** Runs one write of a projection (see inProjectionScope). */
type Write = <T>(write: () => Promise<T>) => Promise<T>;

/**
 * Where a projection reads and writes. PostgreSQL: one transaction, one projection of a
 * conversation at a time across processes (an advisory lock: several processes may hold the
 * document live and project it at the same moment; the second sees the first's rows and
 * changes nothing more). SQLite: one process, whose
 * scheduler runs one projection of a conversation at a time; each write is a statement of its
 * own in its own turn of the file's write lock. A transaction held the lock for all of its
 * statements, each a trip to the thread pool and back through a busy event loop, and the
 * collaboration log's commits waited behind it (over half the time at 1,000 conversations;
 * decision 0011, seventh round); now they go between the writes. A run cut short leaves some
 * rows as they were: the tables are a copy of the document, and the next run (every load
 * projects afresh) writes the rest.
 */
async function inProjectionScope<T>(
  services: Services,
  conversationId: string,
  work: (manager: EntityManager, write: Write) => Promise<T>,
): Promise<T> {
  const { dataSource } = services;
  if (dataSource.options.type === "postgres")
    return inTransaction(dataSource, async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [
        PROJECTION_LOCK_SPACE,
        conversationId,
      ]);
      // The lock an agreement's insert takes on its placement (migration 1732800000130), taken
      // before the first agreement is changed: an end-date change of the placement, which
      // waits for this run's changed agreements, is then never waited for in turn.
      await tx.query(
        `SELECT 1 FROM placement WHERE id = (SELECT placement_id FROM conversation WHERE id = $1)
          FOR SHARE`,
        [conversationId],
      );
      return work(tx, (write) => write());
    });
  const file = String(dataSource.options.database);
  return work(dataSource.manager, (write) => withSqliteWriteLock(file, write));
}

/** What one projection did. */
export interface Projection {
  /** What the tables now hold of the document; pass it as `lastProjected` next time. */
  fingerprint: string | null;
  /** Whether any stored row of the conversation changed (so its record did). */
  hasChangedRows: boolean;
  /** Where the changed conversation stands, as its write left it (see recordChanged). */
  standing?: RecordStanding;
}

/**
 * Copies what GraphQL and reports read from a conversation's live document into the relational
 * tables: the new agreements, the summary's text, and the review of the previous agreements.
 * Input is the document as people typed it, so every value is checked and clipped first, and
 * an entry that cannot be read is skipped (and logged once) instead of failing the whole run.
 * `sqlite`: where the runs that change only texts or add agreements run their statements on
 * SQLite (the log's connection, when the live documents project); TypeORM's connection when
 * absent.
 */
export async function projectConversation(
  services: Services,
  conversationId: string,
  doc: Y.Doc,
  lastProjected: string | null = null,
  sqlite?: SqliteStatements,
): Promise<Projection> {
  const drafts = readableAgreements(conversationId, doc);
  const review = readReview(doc, (id) =>
    reportSkipped(conversationId, `review.${id}`, "not a map"),
  );
  const summary = readableSummary(conversationId, doc);
  const notes: Record<string, string> = {};
  for (const key of RECORD_NOTE_KEYS) {
    const value: unknown = notesOf(doc).get(key);
    if (value !== undefined && !(value instanceof Y.Text)) {
      reportSkipped(conversationId, `notes.${key}`, "not a text");
      continue;
    }
    const text = value?.toString() ?? "";
    if (text.trim()) notes[key] = clipToLimit("sectionNote", text);
  }
  const sharedNotes = JSON.stringify(notes);
  // Most changes of a live document are keystrokes in a text that was projected a moment ago;
  // when nothing that is projected changed, the database is not touched at all.
  // Digests, not the JSON itself: every open room keeps its last one. Five parts: the review;
  // each agreement's row without its texts; each agreement's texts; the conversation's own
  // texts; and whether the last full run met ids of other conversations' agreements.
  const reviewPart = digest(review);
  const agreementRows = drafts.map(({ text, measure, firstStep, ...rest }) =>
    digest(rest).slice(0, 16),
  );
  const agreementTexts = drafts.map((d) => digest([d.text, d.measure, d.firstStep]).slice(0, 16));
  const textsPart = digest([summary, sharedNotes]);
  const content = `${reviewPart} ${agreementRows.join(",")} ${agreementTexts.join(",")} ${textsPart}`;
  const [lastReview, lastRows, lastAgreementTexts, lastTexts, lastIds] =
    lastProjected?.split(" ") ?? [];
  const unchanged: Projection = { fingerprint: lastProjected, hasChangedRows: false };
  if (
    lastProjected &&
    `${lastReview} ${lastRows} ${lastAgreementTexts} ${lastTexts}` === content &&
    lastIds !== undefined
  )
    return unchanged;
  const full = () =>
    projectInFull(
      services,
      conversationId,
      drafts,
      review,
      summary,
      sharedNotes,
      content,
      unchanged,
    );
  if (lastReview !== reviewPart || lastAgreementTexts === undefined || lastTexts === undefined)
    return full();
  const before = listOf(lastRows);
  // Only texts changed since the last run (the usual case while people type), or, on SQLite,
  // agreements were added after those the tables have (as `addAgreement` adds them) and nothing
  // else changed in the rows: the texts are written in one UPDATE per changed row, a new
  // agreement in one INSERT; no reads, no transaction.
  const added = agreementRows.length - before.length;
  const isTextRun = added === 0 && lastRows === agreementRows.join(",");
  const isAdditionRun =
    added > 0 &&
    // On PostgreSQL several processes may project a conversation at once: its full runs take
    // an advisory lock, and a row inserted meanwhile without it would fail one's INSERT.
    services.dataSource.options.type !== "postgres" &&
    lastIds === OWN_IDS &&
    before.every((row, i) => agreementRows[i] === row) &&
    // A werkproces is looked up in the programme's: a full run does that.
    drafts.slice(before.length).every((d) => !d.werkproces);
  if (!isTextRun && !isAdditionRun) return full();
  const at = services.now();
  const textsBefore = listOf(lastAgreementTexts);
  let hasChangedRows = false;
  for (const [i, draft] of drafts.entries()) {
    if (i >= before.length) {
      const row = storableAgreement(draft, conversationId, i, null, at);
      // Not inserted: the record is locked, or the id is taken (another conversation's
      // agreement, or a row another process projected); a full run sorts it out, and what
      // this run wrote before still counts as a change.
      if (!(await insertAgreement(services, row, sqlite))) {
        const result = await full();
        if (!hasChangedRows || result.hasChangedRows) return result;
        return {
          ...result,
          hasChangedRows: true,
          standing: await readStanding(services, conversationId, sqlite),
        };
      }
      hasChangedRows = true;
    } else if (textsBefore[i] !== agreementTexts[i]) {
      hasChangedRows =
        (await projectAgreementTexts(services, conversationId, draft, at, sqlite)) ||
        hasChangedRows;
    }
  }
  const fingerprint = `${content} ${lastIds}`;
  const standing =
    lastTexts !== textsPart
      ? await projectTexts(services, conversationId, summary, sharedNotes, sqlite)
      : null;
  if (standing) return { fingerprint, hasChangedRows: true, standing };
  if (!hasChangedRows) return { fingerprint, hasChangedRows: false };
  return {
    fingerprint,
    hasChangedRows,
    standing: await readStanding(services, conversationId, sqlite),
  };
}

/**
 * A full run: reads the conversation and its agreements, and writes what differs from the
 * document (new, changed and removed agreements, the texts, the review).
 */
async function projectInFull(
  services: Services,
  conversationId: string,
  drafts: AgreementFields[],
  review: ReturnType<typeof readReview>,
  summary: string | null,
  sharedNotes: string,
  content: string,
  unchanged: Projection,
): Promise<Projection> {
  const manager = services.dataSource.manager;
  const conversation = await manager.findOneBy(Conversation, { id: conversationId });
  if (!conversation || isLocked(conversation.status)) return unchanged;
  // Most runs follow the summary being typed: what only agreements and the review need is read
  // only when there are agreements or a review to store.
  const werkprocessen = drafts.some((d) => d.werkproces)
    ? await programmeWerkprocessen(manager, conversation.placementId)
    : [];
  // Only agreements this conversation reviews can be changed by its review.
  const reviewable = new Map(
    (review.length > 0 ? await agreementsToReview(manager, conversation) : []).map(
      (a) => [a.id, a] as const,
    ),
  );
  const now = services.now();
  let hasChangedRows = false;
  let standing: RecordStanding | undefined;
  let hasForeignIds = false;

  await inProjectionScope(services, conversationId, async (tx, write) => {
    // This conversation's agreements, and those of others whose ids the document reuses (an
    // id from another conversation's agreement is not ours to touch), in one query.
    const ids = drafts.map((d) => d.id);
    const stored = await tx.findBy(
      Agreement,
      ids.length > 0 ? [{ conversationId }, { id: In(ids) }] : { conversationId },
    );
    const existing = stored.filter((a) => a.conversationId === conversationId);
    const foreign = new Set(
      stored.filter((a) => a.conversationId !== conversationId).map((a) => a.id),
    );
    hasForeignIds = foreign.size > 0;
    const rows = drafts
      .filter((d) => !foreign.has(d.id))
      .map((d, position) =>
        storableAgreement(
          d,
          conversationId,
          position,
          werkprocessen.find((w) => w.code === d.werkproces)?.id ?? null,
          now,
        ),
      );
    for (const row of rows) {
      const before = existing.find((a) => a.id === row.id);
      if (!before) {
        await write(() =>
          tx.insert(Agreement, { ...row, reviewedInId: null, reviewNote: null, createdAt: now }),
        );
        hasChangedRows = true;
      } else if (CHANGEABLE.some((key) => before[key] !== row[key])) {
        await write(() => tx.update(Agreement, { id: row.id }, row));
        hasChangedRows = true;
      }
    }
    const kept = new Set(rows.map((r) => r.id));
    const removed = existing.filter((a) => !kept.has(a.id)).map((a) => a.id);
    if (removed.length > 0) {
      await write(() => tx.delete(Agreement, { id: In(removed) }));
      hasChangedRows = true;
    }

    const keptSummary = summary ?? conversation.summary;
    if (conversation.summary !== keptSummary || conversation.sharedNotes !== sharedNotes) {
      await write(() =>
        tx.update(Conversation, { id: conversationId }, { summary: keptSummary, sharedNotes }),
      );
      hasChangedRows = true;
    }

    for (const item of review) {
      const before = reviewable.get(item.agreementId);
      const status = asStatus(item.status);
      const reviewNote = item.needed ? clipToLimit("reviewNeeded", item.needed) : null;
      // An agreement carried over from an older review starts from that review's outcome; it
      // is recorded as reviewed here only once someone here changes that outcome.
      if (before && (before.status !== status || before.reviewNote !== reviewNote)) {
        const touched = !isUnreviewed(status) || reviewNote !== null;
        await write(() =>
          tx.update(
            Agreement,
            { id: item.agreementId },
            { status, reviewNote, reviewedInId: touched ? conversationId : null, updatedAt: now },
          ),
        );
        hasChangedRows = true;
      }
    }
    // What follows a changed record reads where it stands: read here, after the writes.
    if (hasChangedRows) {
      const at = services.dataSource.options.type === "postgres" ? "$1" : "?";
      const [row] = (await tx.query(
        `SELECT ${STANDING_COLUMNS} FROM conversation WHERE id = ${at}`,
        [conversationId],
      )) as StandingRow[];
      if (row) standing = standingOf(conversationId, row);
    }
  });
  return {
    fingerprint: `${content} ${hasForeignIds ? FOREIGN_IDS : OWN_IDS}`,
    hasChangedRows,
    standing,
  };
}

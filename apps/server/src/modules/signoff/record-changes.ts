import { randomUUID } from "node:crypto";
import type { ConversationRecord } from "@driehoek/domain";
import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { type EntityManager, In } from "typeorm";
import { Person } from "../people/person.entity.js";
import {
  diffRecords,
  RECORD_CHANGE_AREAS,
  RECORD_CHANGE_KINDS,
  type RecordChangeArea,
  type RecordChangeKind,
} from "./record-diff.js";
import { RecordEdit } from "./record-edit.entity.js";
import { Signature } from "./signature.entity.js";

const RecordChangeAreaEnum = Object.fromEntries(RECORD_CHANGE_AREAS.map((a) => [a, a])) as Record<
  RecordChangeArea,
  RecordChangeArea
>;
const RecordChangeKindEnum = Object.fromEntries(RECORD_CHANGE_KINDS.map((k) => [k, k])) as Record<
  RecordChangeKind,
  RecordChangeKind
>;
registerEnumType(RecordChangeAreaEnum, {
  name: "RecordChangeArea",
  description: "Where in the record a change lies.",
});
registerEnumType(RecordChangeKindEnum, { name: "RecordChangeKind" });

/** One difference between the record a signature was given to and the record now. */
@ObjectType("RecordChange")
export class RecordChange {
  @Field(() => RecordChangeAreaEnum) area: RecordChangeArea;
  @Field(() => RecordChangeKindEnum) kind: RecordChangeKind;
  @Field(() => Int, {
    nullable: true,
    description: "For an agreement, review item or particular: its number in its list, from 1.",
  })
  number: number | null;
  @Field(() => String, {
    nullable: true,
    description:
      "The field: an agreement's text, owner, dueDate, measure, firstStep or werkproces; the conclusion's studentValue, studentMotivation, value or motivation; a review's status or needed; a note's section key; another part's record key.",
  })
  field: string | null;
  @Field(() => String, { nullable: true, description: "As signed." })
  before: string | null;
  @Field(() => String, { nullable: true, description: "As it is now." })
  after: string | null;
  @Field(() => [Person], {
    description: "Whose edits made this change (empty when not known, e.g. an older record).",
  })
  changedBy: Person[];
}

/** Changes by the same people within this time are kept as one step. */
const COALESCE_MS = 60_000;

const parse = (json: string): ConversationRecord => JSON.parse(json) as ConversationRecord;

/**
 * Keeps the record as it stands after a change, with who made it, while a signature exists
 * (only then can a change void one, and only then is "who changed it" asked). A record equal to
 * the last one kept is not kept again.
 */
export async function keepRecordEdit(
  manager: EntityManager,
  conversationId: string,
  current: { text: string; hash: string },
  editorIds: readonly string[],
  at: Date,
): Promise<void> {
  const lastSigned = await manager.findOne(Signature, {
    where: { conversationId },
    order: { signedAt: "DESC" },
  });
  if (!lastSigned) return;
  const lastEdit = await manager.findOne(RecordEdit, {
    where: { conversationId },
    order: { editedAt: "DESC" },
  });
  const since = lastEdit && lastEdit.editedAt.getTime() >= lastSigned.signedAt.getTime();
  const latest = since ? lastEdit.recordHash : lastSigned.contentHash;
  if (latest === current.hash) return;
  const editors = JSON.stringify([...new Set(editorIds)].sort());
  // The same people typing on: one step instead of one per keystroke batch (the steps only
  // tell who changed what, and that stays the same).
  if (
    since &&
    lastEdit.editorIds === editors &&
    at.getTime() - lastEdit.editedAt.getTime() < COALESCE_MS
  ) {
    await manager.update(
      RecordEdit,
      { id: lastEdit.id },
      { editedAt: at, recordHash: current.hash, recordJson: current.text },
    );
    return;
  }
  await manager.insert(RecordEdit, {
    id: randomUUID(),
    conversationId,
    editedAt: at,
    editorIds: editors,
    recordHash: current.hash,
    recordJson: current.text,
  });
}

/**
 * What changed between the record `signature` was given to and `current`, field by field, each
 * with the people whose edits (kept by keepRecordEdit since the signature) touched that field.
 */
export async function changesSince(
  manager: EntityManager,
  signature: Signature,
  current: ConversationRecord,
): Promise<RecordChange[]> {
  if (!signature.recordJson) return [];
  const signed = parse(signature.recordJson);
  const differences = diffRecords(signed, current);
  if (differences.length === 0) return [];
  const edits = (
    await manager.find(RecordEdit, {
      where: { conversationId: signature.conversationId },
      order: { editedAt: "ASC" },
    })
  ).filter((edit) => edit.editedAt.getTime() >= signature.signedAt.getTime());
  const editorsOf = new Map<string, Set<string>>();
  let previous = signed;
  for (const edit of edits) {
    const next = parse(edit.recordJson);
    const editors = JSON.parse(edit.editorIds) as string[];
    for (const step of diffRecords(previous, next)) {
      const set = editorsOf.get(step.key) ?? new Set<string>();
      for (const id of editors) set.add(id);
      editorsOf.set(step.key, set);
    }
    previous = next;
  }
  const ids = [...new Set([...editorsOf.values()].flatMap((set) => [...set]))];
  const people = ids.length > 0 ? await manager.findBy(Person, { id: In(ids) }) : [];
  return differences.map(({ key, ...difference }) => ({
    ...difference,
    changedBy: [...(editorsOf.get(key) ?? [])]
      .map((id) => people.find((p) => p.id === id))
      .filter((p): p is Person => p !== undefined),
  }));
}

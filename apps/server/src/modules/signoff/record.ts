import { createHash } from "node:crypto";
import { RECORD_NOTE_KEYS } from "@driehoek/collab";
import { type ConversationRecord, checkPok, RECORD_SCHEMA, schoolDate } from "@driehoek/domain";
import { type EntityManager, In } from "typeorm";
import { Agreement } from "../agreement/agreement.entity.js";
import { agreementsToReview } from "../agreement/previous-agreements.js";
import { Conversation } from "../conversation/conversation.entity.js";
import { ConversationParticipant } from "../conversation/participant.entity.js";
import { recordDocuments } from "../document/record-documents.js";
import { recordTimes } from "../export/record-times.js";
import { Particular } from "../particular/particular.entity.js";
import { Person } from "../people/person.entity.js";
import { Placement } from "../placement/placement.entity.js";
import { pokFactsOf } from "../placement/pok-facts.js";
import { Company } from "../school/company.entity.js";
import { Programme } from "../school/programme.entity.js";
import { Student } from "../school/student.entity.js";
import { Werkproces } from "../school/werkproces.entity.js";
import { recordTalk, withTalk } from "../talk/talk-record.js";
import { werkprocesStatesAt } from "../werkprocessen/werkproces-states.js";

const ROLE_ORDER = ["student", "praktijkopleider", "bpv_begeleider"];

/** Reads a conversation's record as it stands in the tables now. */
export async function buildRecord(
  manager: EntityManager,
  conversationId: string,
): Promise<ConversationRecord> {
  const c = await manager.findOneByOrFail(Conversation, { id: conversationId });
  const placement = await manager.findOneByOrFail(Placement, { id: c.placementId });
  const student = await manager.findOneByOrFail(Student, { id: placement.studentId });
  const studentPerson = await manager.findOneByOrFail(Person, { id: student.personId });
  const programme = await manager.findOneByOrFail(Programme, { id: student.programmeId });
  const company = await manager.findOneByOrFail(Company, { id: placement.companyId });
  const participants = await manager.findBy(ConversationParticipant, { conversationId });
  const people = await manager.findBy(Person, { id: In(participants.map((p) => p.personId)) });
  const checkedOn = schoolDate(c.scheduledAt);
  const pok = checkPok(await pokFactsOf(manager, placement, checkedOn), checkedOn);
  const reviewed = await agreementsToReview(manager, c);
  const agreements = await manager.find(Agreement, {
    where: { conversationId },
    order: { position: "ASC" },
  });
  const werkprocessen = await manager.findBy(Werkproces, { programmeId: programme.id });
  const particulars = await manager.find(Particular, {
    where: { conversationId },
    order: { createdAt: "ASC" },
  });
  const notes = c.sharedNotes ? (JSON.parse(c.sharedNotes) as Record<string, string>) : {};

  const record: ConversationRecord = {
    schema: RECORD_SCHEMA,
    conversationId: c.id,
    scheduledAt: c.scheduledAt.toISOString(),
    mode: c.mode,
    startedAt: c.startedAt?.toISOString() ?? null,
    endedAt: c.endedAt?.toISOString() ?? null,
    student: {
      name: studentPerson.name,
      studentNumber: student.studentNumber,
      cohort: student.cohort,
    },
    programme: { crebo: programme.crebo, name: programme.name, level: programme.level },
    company: { name: company.name, city: company.city },
    participants: participants
      .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role))
      .map((p) => ({ role: p.role, name: people.find((x) => x.id === p.personId)?.name ?? "" })),
    pok: {
      number: placement.pokNumber,
      isValid: pok.isValid,
      problems: [...pok.problems],
      checkedOn,
    },
    review: reviewed.map((a) => ({
      agreementId: a.id,
      text: a.text,
      status: a.status,
      needed: a.reviewNote,
    })),
    notes: RECORD_NOTE_KEYS.filter((section) => notes[section]?.trim()).map((section) => ({
      section,
      text: notes[section] ?? "",
    })),
    summary: c.summary ?? "",
    conclusion: {
      value: c.conclusion,
      motivation: c.conclusionMotivation,
      studentValue: c.studentConclusion,
      studentMotivation: c.studentMotivation,
    },
    agreements: agreements.map((a) => ({
      id: a.id,
      text: a.text,
      owner: a.owner,
      dueDate: a.dueDate,
      measure: a.measure,
      firstStep: a.firstStep,
      werkproces: werkprocessen.find((w) => w.id === a.werkprocesId)?.code ?? null,
    })),
    particulars: particulars.map((p) => ({ text: p.text })),
    documents: await recordDocuments(manager, c.id),
    werkprocessen: await werkprocesStatesAt(manager, placement.id, programme.id, c.endedAt),
    times: await recordTimes(manager, c.id),
  };
  return withTalk(record, await recordTalk(manager, c.id));
}

/** The signed scan of the paper form, as bound into the record that it locks. */
export type SignedForm = NonNullable<ConversationRecord["signedForm"]>;

/** The record's canonical bytes (JSON in the record's own key order). */
export function serializeRecord(record: ConversationRecord): string {
  return JSON.stringify(record);
}

/** SHA-256 (hex) of canonical record text. */
export function hashRecordText(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

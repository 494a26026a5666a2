import { randomUUID } from "node:crypto";
import {
  type AgreementFields,
  addAgreement,
  conversationRoom,
  conversationSeed,
  summaryOf,
} from "@driehoek/collab";
import { addDays, PARTICIPANT_ROLES, schoolDate, schoolToday } from "@driehoek/domain";
import { type EntityManager, In } from "typeorm";
import * as Y from "yjs";
import type { ConversationAccess } from "../access/conversation-access.js";
import { hashPassword } from "../auth/password.js";
import type { Services, Viewer } from "../context.js";
import { inTransaction } from "../db/transaction.js";
import { Agreement } from "../modules/agreement/agreement.entity.js";
import { AuditLog } from "../modules/audit/audit-log.js";
import { Conversation } from "../modules/conversation/conversation.entity.js";
import { ConversationParticipant } from "../modules/conversation/participant.entity.js";
import { scheduleConversation } from "../modules/conversation/schedule-conversation.js";
import { Invite } from "../modules/invite/invite.entity.js";
import { inviteUrl } from "../modules/invite/invite-links.js";
import { Person } from "../modules/people/person.entity.js";
import { refreshStaleFrequency } from "../modules/placement/frequency-state.js";
import { Placement } from "../modules/placement/placement.entity.js";
import { Company, CompanyRecognition } from "../modules/school/company.entity.js";
import { Programme } from "../modules/school/programme.entity.js";
import { Student } from "../modules/school/student.entity.js";
import { Werkproces } from "../modules/school/werkproces.entity.js";
import { Setting } from "../modules/setting/setting.entity.js";
import { currentRecord, signConversation } from "../modules/signoff/signoff.service.js";
import {
  COMPANIES,
  DEMO_PASSWORD,
  EARLIER_AGREEMENTS,
  PROGRAMMES,
  STAFF,
  STUDENTS,
} from "./demo-school.js";

const DEMO_CONVERSATION = "demo_conversation_id";

/** What a person needs to try the demo. */
export interface DemoAccess {
  staff: { name: string; email: string; role: string; password: string }[];
  invites: { role: string; name: string; url: string }[];
}

type Ids = Map<string, string>;

async function seedSchool(
  manager: EntityManager,
  today: string,
  now: Date,
  passwordHash: string,
): Promise<Ids> {
  const ids: Ids = new Map();
  const id = (key: string) => {
    const made = randomUUID();
    ids.set(key, made);
    return made;
  };
  for (const p of PROGRAMMES) {
    await manager.insert(Programme, {
      id: id(`programme:${p.key}`),
      crebo: p.crebo,
      name: p.name,
      level: p.level,
    });
    for (const [code, title] of p.werkprocessen) {
      await manager.insert(Werkproces, {
        id: id(`wp:${p.key}:${code}`),
        programmeId: ids.get(`programme:${p.key}`),
        code,
        title,
      });
    }
  }
  for (const s of STAFF) {
    await manager.insert(Person, {
      id: id(s.key),
      name: s.name,
      email: s.email,
      passwordHash,
      role: s.role,
      companyId: null,
      createdAt: now,
    });
  }
  for (const c of COMPANIES) {
    await manager.insert(Company, {
      id: id(`company:${c.key}`),
      name: c.name,
      city: c.city,
      sbbNumber: c.sbb,
    });
    for (const programme of c.recognisedFor) {
      await manager.insert(CompanyRecognition, {
        id: randomUUID(),
        companyId: ids.get(`company:${c.key}`),
        programmeId: ids.get(`programme:${programme}`),
        validFrom: addDays(today, -3 * 365),
        validUntil: null,
      });
    }
    await manager.insert(Person, {
      id: id(`trainer:${c.key}`),
      name: c.trainer,
      email: null,
      passwordHash: null,
      role: "praktijkopleider",
      companyId: ids.get(`company:${c.key}`),
      createdAt: now,
    });
  }
  for (const s of STUDENTS) {
    const start = addDays(today, s.placementDays.start);
    const end = addDays(today, s.placementDays.end);
    const signed = addDays(start, -14);
    await manager.insert(Person, {
      id: id(`person:${s.key}`),
      name: s.name,
      email: null,
      passwordHash: null,
      role: "student",
      companyId: null,
      createdAt: now,
    });
    await manager.insert(Student, {
      id: id(`student:${s.key}`),
      personId: ids.get(`person:${s.key}`),
      programmeId: ids.get(`programme:${s.programme}`),
      studentNumber: s.number,
      cohort: s.cohort,
      birthDate: addDays(today, -Math.round(s.birthYearsAgo * 365.25) + 30),
      trajectbegeleiderId: ids.get("traject"),
    });
    await manager.insert(Placement, {
      id: id(`placement:${s.key}`),
      studentId: ids.get(`student:${s.key}`),
      companyId: ids.get(`company:${s.company}`),
      praktijkopleiderId: ids.get(`trainer:${s.company}`),
      begeleiderId: ids.get(s.begeleider),
      startDate: start,
      endDate: end,
      hoursPerWeek: 32,
      pokNumber: `POK-${s.number}-01`,
      pokStatus: "active",
      pokStartDate: start,
      pokEndDate: end,
      pokHours: 1200,
      pokStudentSignedAt: signed,
      pokSchoolSignedAt: signed,
      pokCompanySignedAt: s.pok === "unsigned_unrecognised" ? null : signed,
      pokParentSignedAt: null,
    });
  }
  return ids;
}

const EARLIER_SUMMARY =
  "Ik zit goed op mijn plek bij Bytewerk. Ik heb de inlogpagina gebouwd en wil nu meer zelf ontwerpen. Presenteren vind ik nog spannend.";

/**
 * The earlier conversation as it was held: ended, the student's conclusion confirmed by the
 * begeleider, its agreements made, in its record and in its shared document alike. It is signed
 * afterwards (`signEarlierConversation`).
 */
async function seedEarlierConversation(
  manager: EntityManager,
  ids: Ids,
  today: string,
  now: Date,
): Promise<string> {
  const conversationId = randomUUID();
  const held = new Date(`${addDays(today, -90)}T10:00:00.000Z`);
  const minutes = (m: number) => new Date(held.getTime() + m * 60_000);
  await manager.insert(Conversation, {
    id: conversationId,
    placementId: ids.get("placement:sanne"),
    scheduledAt: held,
    mode: "in_person",
    status: "ended",
    phase: "afronden",
    section: "archivering",
    phaseStartedAt: minutes(36),
    sectionStartedAt: minutes(40),
    startedAt: held,
    endedAt: minutes(42),
    signedAt: null,
    summary: EARLIER_SUMMARY,
    studentConclusion: "op_schema",
    studentMotivation: "Mijn portfolio is bij en ik heb de eerste werkprocessen laten zien.",
    conclusion: "op_schema",
    conclusionMotivation: "Werkprocessen B1-K1-W1 t/m W3 aangetoond; portfolio bij.",
    version: 12,
    createdById: ids.get("begeleider"),
    createdAt: minutes(-7 * 24 * 60),
  });
  const roles = [
    ["student", "person:sanne"],
    ["praktijkopleider", "trainer:bytewerk"],
    ["bpv_begeleider", "begeleider"],
  ] as const;
  for (const [role, key] of roles) {
    await manager.insert(ConversationParticipant, {
      id: randomUUID(),
      conversationId,
      personId: ids.get(key),
      role,
    });
  }
  let position = 0;
  const made: AgreementFields[] = [];
  for (const a of EARLIER_AGREEMENTS) {
    const agreement = {
      id: randomUUID(),
      text: a.text,
      owner: a.owner,
      dueDate: addDays(today, a.dueInDays),
      measure: a.measure,
      firstStep: a.firstStep,
      werkproces: a.werkproces ?? null,
      status: "open",
    } as const;
    made.push(agreement);
    await manager.insert(Agreement, {
      id: agreement.id,
      conversationId,
      reviewedInId: null,
      position: position++,
      text: agreement.text,
      owner: agreement.owner,
      dueDate: agreement.dueDate,
      measure: agreement.measure,
      firstStep: agreement.firstStep,
      werkprocesId: a.werkproces ? (ids.get(`wp:sd:${a.werkproces}`) ?? null) : null,
      status: "open",
      reviewNote: null,
      createdAt: held,
      updatedAt: now,
    });
  }
  await storeDocument(manager, conversationId, earlierDocument(made), held);
  return conversationId;
}

/**
 * The earlier conversation's shared document as its three people left it: seeded as the server
 * seeds a first conversation, the student's summary, and the agreements they made (with the
 * ids of their rows). The live page of the signed conversation shows what its record says.
 */
function earlierDocument(agreements: readonly AgreementFields[]): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, conversationSeed([]));
  doc.transact(() => {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(EARLIER_SUMMARY)]);
    summaryOf(doc).insert(0, [paragraph]);
  });
  for (const agreement of agreements) addAgreement(doc, agreement);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** Stores `update` as the first entry of the collaboration log of `conversationId`'s document. */
async function storeDocument(
  manager: EntityManager,
  conversationId: string,
  update: Uint8Array,
  at: Date,
): Promise<void> {
  const isPostgres = manager.connection.options.type === "postgres";
  await manager.query(
    `INSERT INTO collab_update (doc_name, data, created_at) VALUES (${isPostgres ? "$1, $2, $3" : "?, ?, ?"})`,
    [conversationRoom(conversationId), Buffer.from(update), at.toISOString()],
  );
}

/**
 * Signs the earlier conversation as its three people did, minutes after it ended: each gives
 * their akkoord on the record's hash through the real sign-off, and the third locks it.
 */
async function signEarlierConversation(services: Services, conversationId: string) {
  const manager = services.dataSource.manager;
  const conversation = await manager.findOneByOrFail(Conversation, { id: conversationId });
  const placement = await manager.findOneByOrFail(Placement, { id: conversation.placementId });
  const participants = await manager.findBy(ConversationParticipant, { conversationId });
  let minute = 44;
  for (const role of PARTICIPANT_ROLES) {
    const at = new Date((conversation.startedAt as Date).getTime() + minute++ * 60_000);
    const clock = () => at;
    const then: Services = {
      ...services,
      now: clock,
      audit: new AuditLog(services.dataSource, clock),
    };
    const me = participants.find((p) => p.role === role) as ConversationParticipant;
    const access: ConversationAccess = {
      viewer: { personId: me.personId, role },
      conversation: await manager.findOneByOrFail(Conversation, { id: conversationId }),
      placement,
      participants,
      myRole: role,
    };
    const { hash } = await currentRecord(then, conversationId);
    await signConversation(then, access, hash);
  }
}

/**
 * Seeds the demo school into an empty database: two programmes with werkprocessen, staff,
 * companies (one not recognised), students with valid and invalid POKs, one earlier
 * conversation really signed by its three people (a locked record that verifies) with agreements
 * to review, and one conversation planned for today.
 * Returns false when the database already holds people (nothing is touched then).
 */
export async function seedDemo(services: Services): Promise<boolean> {
  const { dataSource } = services;
  if ((await dataSource.manager.count(Person)) > 0) return false;
  const now = services.now();
  const today = schoolToday(now);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids = await inTransaction(dataSource, async (manager) => {
    const made = await seedSchool(manager, today, now, passwordHash);
    made.set("conversation:earlier", await seedEarlierConversation(manager, made, today, now));
    return made;
  });
  await signEarlierConversation(services, ids.get("conversation:earlier") as string);
  await refreshStaleFrequency(dataSource, today);
  const placement = await dataSource.manager.findOneByOrFail(Placement, {
    id: ids.get("placement:sanne"),
  });
  const begeleider: Viewer = { personId: placement.begeleiderId, role: "bpv_begeleider" };
  const { conversation } = await scheduleConversation(services, begeleider, placement, {
    scheduledAt: demoPlannedAt(now),
    mode: "in_person",
  });
  await dataSource.manager.insert(Setting, { key: DEMO_CONVERSATION, value: conversation.id });
  return true;
}

const MINUTE = 60_000;

/**
 * When the demo's conversation is planned: a quarter of an hour from `now`, on the minute, but
 * always on the school's today. Late in the evening (from 23:45 in the school's time zone) that
 * is the current minute, so the page never calls it a conversation of another day.
 */
export function demoPlannedAt(now: Date): Date {
  const soon = new Date(Math.ceil((now.getTime() + 15 * MINUTE) / MINUTE) * MINUTE);
  if (schoolDate(soon) === schoolToday(now)) return soon;
  return new Date(Math.floor(now.getTime() / MINUTE) * MINUTE);
}

/** The id of the demo's conversation planned for today, or null when the demo is not seeded. */
export async function demoConversationId(services: Services): Promise<string | null> {
  const setting = await services.dataSource.manager.findOneBy(Setting, { key: DEMO_CONVERSATION });
  return setting?.value ?? null;
}

/** The demo's logins and the invite links of today's conversation, for the start-up banner. */
export async function demoAccess(services: Services): Promise<DemoAccess | null> {
  const manager = services.dataSource.manager;
  const conversationId = await demoConversationId(services);
  if (!conversationId) return null;
  const staff = await manager.find(Person, { where: STAFF.map((s) => ({ email: s.email })) });
  const invites = await manager.find(Invite, {
    where: { conversationId },
    order: { createdAt: "ASC" },
  });
  const people = await manager.findBy(Person, { id: In(invites.map((i) => i.personId)) });
  const order = ["student", "praktijkopleider", "bpv_begeleider"];
  return {
    staff: staff
      .sort(
        (a, b) =>
          STAFF.findIndex((s) => s.email === a.email) - STAFF.findIndex((s) => s.email === b.email),
      )
      .map((p) => ({ name: p.name, email: p.email ?? "", role: p.role, password: DEMO_PASSWORD })),
    invites: invites
      .filter((i) => !i.revokedAt)
      .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))
      .map((i) => ({
        role: i.role,
        name: people.find((p) => p.id === i.personId)?.name ?? "",
        url: inviteUrl(services, i),
      })),
  };
}

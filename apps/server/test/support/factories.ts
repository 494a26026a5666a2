import { randomUUID } from "node:crypto";
import { addDays, type ParticipantRole, type StaffRole, schoolToday } from "@driehoek/domain";
import type { EntityManager } from "typeorm";
import { hashPassword } from "../../src/auth/password.js";
import type { Services } from "../../src/context.js";
import { scheduleConversation } from "../../src/modules/conversation/schedule-conversation.js";
import { Person } from "../../src/modules/people/person.entity.js";
import { refreshFrequency } from "../../src/modules/placement/frequency-state.js";
import { Placement } from "../../src/modules/placement/placement.entity.js";
import { Company, CompanyRecognition } from "../../src/modules/school/company.entity.js";
import { Programme } from "../../src/modules/school/programme.entity.js";
import { Student } from "../../src/modules/school/student.entity.js";
import { HOUR } from "./clock.js";
import type { TestServer } from "./server.js";

/** Every staff member of the test school has this password. */
export const STAFF_PASSWORD = "drie-hoek-wachtwoord";

// scrypt costs ~50 ms: hash once per test file and give every staff member the same hash.
let staffHash: Promise<string> | undefined;
const passwordHash = () => {
  staffHash ??= hashPassword(STAFF_PASSWORD);
  return staffHash;
};

/** A school employee who logs in. */
export interface StaffMember {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
}

/** A participant's invite to one conversation. */
export interface TestInvite {
  id: string;
  /** The personal link, `<server>/join/<token>`. */
  url: string;
  /** The token at the end of the link, as passed to joinWithInvite. */
  token: string;
}

/** A planned conversation of a placement, with the invite of each participant. */
export interface TestConversation {
  id: string;
  placementId: string;
  invites: Record<ParticipantRole, TestInvite>;
}

/** A student with their placement. */
export interface TestStudent {
  personId: string;
  studentId: string;
  placementId: string;
}

/**
 * The small school every end-to-end test works with:
 * - Bytewerk (praktijkopleider Kees) and De Linde (praktijkopleider Ingrid), both recognised;
 * - Sanne at Bytewerk, begeleider Marieke, trajectbegeleider Ahmed, valid POK;
 * - Daan at De Linde, begeleider Joost (Marieke's colleague), trajectbegeleider Ahmed, valid POK;
 * - Lotte at Bytewerk, begeleider Marieke, trajectbegeleider Petra, POK not signed by the company;
 * - one planned conversation per placement, an hour from now, each with three invites;
 * - Fleur, the admin.
 */
export interface TestSchool {
  programmeId: string;
  companies: { bytewerk: string; linde: string };
  trainers: { kees: string; ingrid: string };
  staff: {
    marieke: StaffMember;
    joost: StaffMember;
    ahmed: StaffMember;
    petra: StaffMember;
    fleur: StaffMember;
  };
  students: { sanne: TestStudent; daan: TestStudent; lotte: TestStudent };
  conversations: { sanne: TestConversation; daan: TestConversation; lotte: TestConversation };
}

async function insertStaff(
  manager: EntityManager,
  now: Date,
  name: string,
  email: string,
  role: StaffRole,
): Promise<StaffMember> {
  const id = randomUUID();
  await manager.insert(Person, {
    id,
    name,
    email,
    passwordHash: await passwordHash(),
    role,
    companyId: null,
    createdAt: now,
  });
  return { id, name, email, role };
}

async function insertCompany(
  manager: EntityManager,
  now: Date,
  today: string,
  programmeId: string,
  name: string,
  trainer: string,
): Promise<{ companyId: string; trainerId: string }> {
  const companyId = randomUUID();
  await manager.insert(Company, { id: companyId, name, city: "Rotterdam", sbbNumber: null });
  await manager.insert(CompanyRecognition, {
    id: randomUUID(),
    companyId,
    programmeId,
    validFrom: addDays(today, -1000),
    validUntil: null,
  });
  const trainerId = randomUUID();
  await manager.insert(Person, {
    id: trainerId,
    name: trainer,
    email: null,
    passwordHash: null,
    role: "praktijkopleider",
    companyId,
    createdAt: now,
  });
  return { companyId, trainerId };
}

/**
 * Inserts a student (person, enrolment, placement with its POK). By default the placement ran
 * 60 days and has 300 to go, signed 10 days before its start; `student` and `placement`
 * override any column for a test that needs other dates. Its frequency is judged on `today`.
 */
export async function insertStudent(
  manager: EntityManager,
  now: Date,
  today: string,
  s: {
    name: string;
    number: string;
    programmeId: string;
    companyId: string;
    trainerId: string;
    begeleiderId: string;
    trajectbegeleiderId: string;
    isPokSignedByCompany: boolean;
    student?: Partial<Pick<Student, "cohort" | "birthDate">>;
    placement?: Partial<Omit<Placement, "id" | "studentId">>;
  },
): Promise<TestStudent> {
  const personId = randomUUID();
  const studentId = randomUUID();
  const placementId = randomUUID();
  await manager.insert(Person, {
    id: personId,
    name: s.name,
    email: null,
    passwordHash: null,
    role: "student",
    companyId: null,
    createdAt: now,
  });
  await manager.insert(Student, {
    id: studentId,
    personId,
    programmeId: s.programmeId,
    studentNumber: s.number,
    cohort: "2024-2025",
    birthDate: addDays(today, -20 * 365),
    trajectbegeleiderId: s.trajectbegeleiderId,
    ...s.student,
  });
  const start = addDays(today, -60);
  const end = addDays(today, 300);
  const signed = addDays(start, -10);
  await manager.insert(Placement, {
    id: placementId,
    studentId,
    companyId: s.companyId,
    praktijkopleiderId: s.trainerId,
    begeleiderId: s.begeleiderId,
    startDate: start,
    endDate: end,
    hoursPerWeek: 32,
    pokNumber: `POK-${s.number}`,
    pokStatus: "active",
    pokStartDate: start,
    pokEndDate: end,
    pokHours: 1200,
    pokStudentSignedAt: signed,
    pokSchoolSignedAt: signed,
    pokCompanySignedAt: s.isPokSignedByCompany ? signed : null,
    pokParentSignedAt: null,
    ...s.placement,
  });
  // Whoever writes a placement judges its frequency, as the server does.
  await refreshFrequency(manager, placementId, today);
  return { personId, studentId, placementId };
}

/**
 * For `insertStudent`: a student of the test school's programme placed at Bytewerk with Kees,
 * begeleider Joost and trajectbegeleider Petra, the POK signed by the company.
 */
export function bytewerkPlacement(school: TestSchool) {
  return {
    programmeId: school.programmeId,
    companyId: school.companies.bytewerk,
    trainerId: school.trainers.kees,
    begeleiderId: school.staff.joost.id,
    trajectbegeleiderId: school.staff.petra.id,
    isPokSignedByCompany: true,
  };
}

/** Plans a conversation through the same code the API uses, as the placement's begeleider. */
export async function planConversation(
  services: Services,
  placementId: string,
  scheduledAt: Date = new Date(services.now().getTime() + HOUR),
): Promise<TestConversation> {
  const placement = await services.dataSource.manager.findOneByOrFail(Placement, {
    id: placementId,
  });
  const scheduled = await scheduleConversation(
    services,
    { personId: placement.begeleiderId, role: "bpv_begeleider" },
    placement,
    { scheduledAt, mode: "in_person" },
  );
  const invites = {} as Record<ParticipantRole, TestInvite>;
  for (const { invite, url } of scheduled.invites) {
    invites[invite.role] = { id: invite.id, url, token: url.slice(url.lastIndexOf("/") + 1) };
  }
  return { id: scheduled.conversation.id, placementId, invites };
}

/** Builds the test school (see `TestSchool`) directly through the entities. */
export async function buildSchool(services: Services): Promise<TestSchool> {
  const now = services.now();
  const today = schoolToday(now);
  const built = await services.dataSource.transaction(async (manager) => {
    const programmeId = randomUUID();
    await manager.insert(Programme, {
      id: programmeId,
      crebo: "25998",
      name: "Software developer",
      level: 4,
    });
    const staff = {
      marieke: await insertStaff(
        manager,
        now,
        "Marieke de Vries",
        "m.devries@school.test",
        "bpv_begeleider",
      ),
      joost: await insertStaff(
        manager,
        now,
        "Joost Bakker",
        "j.bakker@school.test",
        "bpv_begeleider",
      ),
      ahmed: await insertStaff(
        manager,
        now,
        "Ahmed El Amrani",
        "a.elamrani@school.test",
        "trajectbegeleider",
      ),
      petra: await insertStaff(
        manager,
        now,
        "Petra Jansen",
        "p.jansen@school.test",
        "trajectbegeleider",
      ),
      fleur: await insertStaff(manager, now, "Fleur Hendriks", "beheer@school.test", "admin"),
    };
    const bytewerk = await insertCompany(
      manager,
      now,
      today,
      programmeId,
      "Bytewerk B.V.",
      "Kees van Dijk",
    );
    const linde = await insertCompany(
      manager,
      now,
      today,
      programmeId,
      "Zorgcentrum De Linde",
      "Ingrid Smit",
    );
    const common = { programmeId, isPokSignedByCompany: true };
    const students = {
      sanne: await insertStudent(manager, now, today, {
        ...common,
        name: "Sanne Visser",
        number: "100001",
        companyId: bytewerk.companyId,
        trainerId: bytewerk.trainerId,
        begeleiderId: staff.marieke.id,
        trajectbegeleiderId: staff.ahmed.id,
      }),
      daan: await insertStudent(manager, now, today, {
        ...common,
        name: "Daan Mulder",
        number: "100002",
        companyId: linde.companyId,
        trainerId: linde.trainerId,
        begeleiderId: staff.joost.id,
        trajectbegeleiderId: staff.ahmed.id,
      }),
      lotte: await insertStudent(manager, now, today, {
        ...common,
        name: "Lotte de Boer",
        number: "100003",
        companyId: bytewerk.companyId,
        trainerId: bytewerk.trainerId,
        begeleiderId: staff.marieke.id,
        trajectbegeleiderId: staff.petra.id,
        isPokSignedByCompany: false,
      }),
    };
    return {
      programmeId,
      companies: { bytewerk: bytewerk.companyId, linde: linde.companyId },
      trainers: { kees: bytewerk.trainerId, ingrid: linde.trainerId },
      staff,
      students,
    };
  });
  const conversations = {
    sanne: await planConversation(services, built.students.sanne.placementId),
    daan: await planConversation(services, built.students.daan.placementId),
    lotte: await planConversation(services, built.students.lotte.placementId),
  };
  return { ...built, conversations };
}

/** Logs a staff member in over the API and returns their access token. */
export async function loginAs(server: TestServer, staff: StaffMember): Promise<string> {
  const result = await server.gql(
    "mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }",
    { email: staff.email, password: STAFF_PASSWORD },
  );
  const token = result.data?.login?.accessToken;
  if (typeof token !== "string") {
    throw new Error(`Login of ${staff.email} failed: ${JSON.stringify(result.errors)}`);
  }
  return token;
}

/** Opens an invite link over the API and returns the access token it yields. */
export async function joinAs(server: TestServer, invite: TestInvite): Promise<string> {
  const result = await server.gql(
    "mutation($token: String!) { joinWithInvite(token: $token) { accessToken } }",
    { token: invite.token },
  );
  const token = result.data?.joinWithInvite?.accessToken;
  if (typeof token !== "string") {
    throw new Error(`Joining with an invite failed: ${JSON.stringify(result.errors)}`);
  }
  return token;
}

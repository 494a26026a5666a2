/**
 * A large (or small and awkward) school for the report benchmark and the report tests:
 * programmes, companies with SBB recognitions, begeleiders and trajectbegeleiders, students,
 * placements over several school years with varied POKs, conversations with conclusions and
 * agreements. Deterministic for a given seed; written with bulk inserts in one transaction.
 *
 * With `edgeCases`, about half of all dates are drawn from the boundaries the report rules turn
 * on (school-year edges, 29 February, the first anniversary's eve, today ± 1, the 18th
 * birthday, the `withinDays` horizon), so SQL and domain are compared where they could differ.
 */
import {
  addDays,
  addMonths,
  type ConversationStatus,
  daysBetween,
  isHeld as isHeldStatus,
  isLive,
  isPlanned,
  maxDate,
  minDate,
  schoolDate,
} from "@driehoek/domain";
import type { DataSource, EntityManager } from "typeorm";
import { inTransaction } from "../src/db/transaction.js";
import { seededRandom } from "../test/support/random.js";

/** What to seed. */
export interface SeedOptions {
  placements: number;
  conversations: number;
  /** The date the school is built around ('YYYY-MM-DD'). */
  today: string;
  seed?: number;
  /** Draw many dates from the boundaries of the rules (for tests). */
  edgeCases?: boolean;
}

/** A staff member of the seeded school. */
export interface SeededStaff {
  id: string;
  name: string;
  /** Placements they supervise (begeleider) or whose students they guide (trajectbegeleider). */
  placements: number;
}

/** What was seeded. */
export interface SeededSchool {
  admin: SeededStaff;
  begeleiders: SeededStaff[];
  trajectbegeleiders: SeededStaff[];
  rows: Record<string, number>;
}

/** The report tests draw their cases from the same generator. */
export { seededRandom };

const FIRST = [
  "Sanne",
  "Daan",
  "Lotte",
  "Sem",
  "Emma",
  "Noah",
  "Julia",
  "Liam",
  "Tess",
  "Finn",
  "Mila",
  "Levi",
  "Saar",
  "Lucas",
  "Anna",
  "Milan",
  "Zoë",
  "Jesse",
  "Eva",
  "Bram",
  "Fenna",
  "Luuk",
  "Yara",
  "Thijs",
  "Noor",
  "Mohamed",
  "Fatima",
  "Ayoub",
  "Ilse",
  "Élise",
  "Özlem",
  "Çağla",
  "Jan",
  "Romy",
  "Ömer",
  "Isa",
  "Lieke",
  "Kevin",
  "Nina",
  "Stijn",
];
const LAST = [
  "de Boer",
  "Visser",
  "Mulder",
  "de Vries",
  "Jansen",
  "Bakker",
  "Smit",
  "Meijer",
  "de Jong",
  "Bos",
  "Vos",
  "Peters",
  "Hendriks",
  "van Leeuwen",
  "Dekker",
  "Brouwer",
  "de Wit",
  "Dijkstra",
  "van der Meer",
  "van den Berg",
  "El Amrani",
  "Özdemir",
  "Çelik",
  "Yılmaz",
  "Ünal",
  "Şahin",
  "Kok",
  "de Graaf",
  "Vermeulen",
  "van Dijk",
  "Hoekstra",
  "Maas",
  "Verhoeven",
  "Koster",
  "Willems",
  "van Beek",
  "Schouten",
  "de Haan",
  "Jacobs",
  "van Vliet",
];
const CREBOS = [
  "25998",
  "25187",
  "25655",
  "25480",
  "25451",
  "25604",
  "25257",
  "25168",
  "25502",
  "25389",
  "25735",
  "25193",
];

/** Seeds the school into a migrated, empty database. */
export async function seedSchool(
  dataSource: DataSource,
  options: SeedOptions,
): Promise<SeededSchool> {
  const random = seededRandom(options.seed ?? 42);
  const { today, edgeCases = false } = options;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number) => random() < p;
  const edge = () => edgeCases && chance(0.5);
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join("");
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;
  const name = () => `${pick(FIRST)} ${pick(LAST)}`;
  const moment = (date: string, from = 7, to = 17) =>
    `${date}T${String(int(from, to)).padStart(2, "0")}:${String(int(0, 59)).padStart(2, "0")}:${String(int(0, 59)).padStart(2, "0")}.${String(int(0, 999)).padStart(3, "0")}Z`;
  const year = Number(today.slice(0, 4));
  const currentSchoolYear = today.slice(5, 7) >= "08" ? year : year - 1;
  const edgeDates = [
    today,
    addDays(today, -1),
    addDays(today, 1),
    "2024-02-29",
    "2024-02-28",
    "2024-03-01",
    "2028-02-29",
    ...[-3, -2, -1, 0, 1].flatMap((y) => [
      `${currentSchoolYear + y}-08-01`,
      `${currentSchoolYear + y + 1}-07-31`,
      `${currentSchoolYear + y}-08-31`,
      `${currentSchoolYear + y + 1}-01-31`,
    ]),
  ];
  const nowMoment = `${today}T08:00:00.000Z`;

  const P = options.placements;
  const C = options.conversations;
  const programmeCount = Math.min(CREBOS.length, Math.max(3, Math.round(P / 1500)));
  const companyCount = Math.max(4, Math.round(P / 8));
  const begeleiderCount = Math.max(3, Math.round(P / 100));
  const trajectCount = Math.max(2, Math.round(P / 250));
  const studentCount = Math.max(3, Math.round(P * 0.7));

  const programmes = CREBOS.slice(0, programmeCount).map((crebo, i) => [
    uuid(),
    crebo,
    `Opleiding ${i + 1}`,
    int(2, 4),
  ]);
  const people: unknown[][] = [];
  const person = (role: string, companyId: string | null = null, who = name()) => {
    const id = uuid();
    people.push([id, who, null, null, role, companyId, nowMoment]);
    return id;
  };
  const admin: SeededStaff = { id: person("admin", null, "Beheer"), name: "Beheer", placements: P };
  const begeleiders = Array.from({ length: begeleiderCount }, (_, i) => {
    const who = `${name()} (${i + 1})`;
    return { id: person("bpv_begeleider", null, who), name: who, placements: 0 };
  });
  const trajectbegeleiders = Array.from({ length: trajectCount }, (_, i) => {
    const who = `${name()} (T${i + 1})`;
    return { id: person("trajectbegeleider", null, who), name: who, placements: 0 };
  });
  const companies: unknown[][] = [];
  const trainerOf = new Map<string, string>();
  for (let i = 0; i < companyCount; i++) {
    const id = uuid();
    companies.push([
      id,
      `Leerbedrijf ${i + 1}`,
      pick(["Rotterdam", "Utrecht", "Zwolle", "Tilburg"]),
      null,
    ]);
    trainerOf.set(id, person("praktijkopleider", id));
  }
  const students: {
    id: string;
    index: number;
    programmeId: string;
    birth: string | null;
    traject: number | null;
  }[] = [];
  const studentRows: unknown[][] = [];
  for (let i = 0; i < studentCount; i++) {
    const cohortYear = currentSchoolYear - int(0, 5);
    let birth: string | null =
      `${cohortYear - int(15, 21)}-${String(int(1, 12)).padStart(2, "0")}-${String(int(1, 28)).padStart(2, "0")}`;
    if (chance(0.04)) birth = null;
    else if (chance(0.01)) birth = pick(["2004-02-29", "2008-02-29", "2012-02-29"]);
    const programmeId = pick(programmes)[0] as string;
    const traject = chance(0.95) ? int(0, trajectCount - 1) : null;
    const id = uuid();
    students.push({ id, index: i, programmeId, birth, traject });
    studentRows.push([
      id,
      person("student"),
      programmeId,
      String(100000 + i),
      `${cohortYear}-${cohortYear + 1}`,
      birth,
      traject === null ? null : trajectbegeleiders[traject]?.id,
    ]);
  }

  const recognitions: unknown[][] = [];
  const recognised = new Set<string>();
  const recognise = (companyId: string, programmeId: string, startDate: string) => {
    const key = `${companyId}/${programmeId}`;
    if (recognised.has(key)) return;
    recognised.add(key);
    const r = random();
    if (r < 0.02) return; // never recognised
    let from = "2015-01-01";
    let until: string | null = null;
    if (r < 0.05)
      until = addDays(startDate, int(-200, 200)); // recognition ended
    else if (r < 0.06) from = addDays(today, int(-5, 30)); // recognised only lately
    if (edge() && chance(0.3)) {
      from = pick([today, addDays(today, 1), "2015-01-01"]);
      until = pick([null, today, addDays(today, -1), addDays(today, 1)]);
    }
    recognitions.push([uuid(), companyId, programmeId, from, until]);
    // Now and then a second, expired recognition for the same pair.
    if (chance(0.05))
      recognitions.push([uuid(), companyId, programmeId, "2010-01-01", "2014-12-31"]);
  };

  const placements: {
    id: string;
    start: string;
    end: string;
    begeleider: number;
    created: string;
  }[] = [];
  const placementRows: unknown[][] = [];
  for (let i = 0; i < P; i++) {
    const student = pick(students);
    const begeleider = int(0, begeleiderCount - 1);
    const b = begeleiders[begeleider] as SeededStaff;
    b.placements += 1;
    if (student.traject !== null)
      (trajectbegeleiders[student.traject] as SeededStaff).placements += 1;
    const companyId = pick(companies)[0] as string;
    const startYear = currentSchoolYear - pick([0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 4, -1]);
    let start = addDays(
      chance(0.7) ? `${startYear}-09-01` : `${startYear + 1}-02-01`,
      int(-15, 30),
    );
    if (edge()) start = pick(edgeDates);
    const kind = random();
    let end =
      kind < 0.25
        ? addDays(start, int(60, 300))
        : kind < 0.7
          ? addDays(addMonths(start, 12), int(-3, 2) - 1)
          : addDays(start, int(500, 1000));
    if (edge()) {
      end = pick([
        addDays(addMonths(start, 12), -2),
        addDays(addMonths(start, 12), -1),
        addDays(addMonths(start, 12), 0),
        addDays(start, 182),
        addDays(start, 183),
        start,
        addDays(start, 1),
        pick(edgeDates),
      ]);
      if (end < start) end = addDays(start, int(0, 400));
    }
    recognise(companyId, student.programmeId, start);
    let pokStart = chance(0.9) ? start : addDays(start, int(-10, 20));
    let pokEnd = chance(0.88) ? end : maxDate(pokStart, addDays(end, -int(1, 150)));
    if (edge()) {
      pokStart = pick([pokStart, today, addDays(today, 1), addDays(today, -1)]);
      pokEnd = pick([
        pokEnd,
        today,
        addDays(today, -1),
        addDays(today, 1),
        addDays(today, 30),
        addDays(today, 31),
        addDays(today, 29),
      ]);
      if (pokEnd < pokStart) pokEnd = pokStart;
    }
    const isActive = chance(0.91);
    const draft = !isActive && chance(0.55);
    const status = isActive ? "active" : draft ? "draft" : "terminated";
    const signed = addDays(pokStart, -int(1, 30));
    const signedOrNot = (missing: number) => (chance(draft ? 0.6 : missing) ? null : signed);
    let birth = student.birth;
    if (edge() && birth && chance(0.5)) {
      // Turning 18 right around the POK's start.
      birth = addDays(addMonths(pokStart, -18 * 12), int(-1, 1));
    }
    const minor =
      birth !== null &&
      Number(pokStart.slice(0, 4)) -
        Number(birth.slice(0, 4)) -
        (pokStart.slice(5) < birth.slice(5) ? 1 : 0) <
        18;
    const id = uuid();
    placements.push({ id, start, end, begeleider, created: start });
    placementRows.push([
      id,
      student.id,
      companyId,
      trainerOf.get(companyId),
      b.id,
      start,
      end,
      int(16, 38),
      `POK-${i + 1}`,
      status,
      pokStart,
      pokEnd,
      int(400, 1600),
      signedOrNot(0.02),
      signedOrNot(0.02),
      signedOrNot(0.03),
      minor ? (chance(0.85) ? signed : null) : chance(0.05) ? signed : null,
    ]);
    if (birth !== student.birth) {
      // The student gets the edge birth date (their other placements are judged with it too).
      (studentRows[student.index] as unknown[])[5] = birth;
      student.birth = birth;
    }
  }

  // Conversations: spread over the placements by how long they ran (or will run soon).
  const horizon = addDays(today, 60);
  const weights = placements.map((p) =>
    Math.max(1, daysBetween(p.start, maxDate(p.start, minDate(p.end, horizon)))),
  );
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) {
    total += w;
    cumulative.push(total);
  }
  const drawPlacement = () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return placements[lo] as (typeof placements)[number];
  };
  const conversationRows: unknown[][] = [];
  const agreementRows: unknown[][] = [];
  const conclusions = ["voor", "op_schema", "op_schema", "op_schema", "achter", "achter"];
  for (let i = 0; i < C; i++) {
    const placement = drawPlacement();
    const last = maxDate(placement.start, minDate(placement.end, horizon));
    let date = addDays(placement.start, int(0, daysBetween(placement.start, last)));
    let at = moment(date);
    if (edge()) {
      date = pick([
        placement.start,
        placement.end,
        today,
        addDays(today, -1),
        ...edgeDates.slice(7),
      ]);
      // The first or the last moment of that day in the school's calendar.
      at = chance(0.5) ? schoolMidnight(date) : lastMomentOf(date);
    }
    const past = date < today;
    const status: ConversationStatus = past
      ? pick<ConversationStatus>([
          "ended",
          "ended",
          "ended",
          "signed",
          "signed",
          "ended",
          "planned",
          "live",
        ])
      : date === today
        ? pick<ConversationStatus>(["live", "planned", "ended"])
        : pick<ConversationStatus>(["planned", "planned", "planned", "live"]);
    const isHeld = isHeldStatus(status);
    const conclusion = isHeld
      ? chance(0.05)
        ? null
        : pick(conclusions)
      : isLive(status) && chance(0.3)
        ? pick(conclusions)
        : null;
    const id = uuid();
    const b = begeleiders[placement.begeleider] as SeededStaff;
    conversationRows.push([
      id,
      placement.id,
      at,
      chance(0.7) ? "in_person" : "online",
      status,
      isPlanned(status) ? null : "afronden",
      isPlanned(status) ? null : "archivering",
      isPlanned(status) ? null : at,
      isPlanned(status) ? null : at,
      isHeld ? at : null,
      conclusion,
      int(1, 40),
      b.id,
      moment(addDays(date, -14)),
    ]);
    if (!isHeld && !chance(0.3)) continue;
    const count = pick([0, 1, 1, 2, 2, 3]);
    for (let k = 0; k < count; k++) {
      let due: string | null = chance(0.08) ? null : addDays(date, int(7, 120));
      if (edge()) due = pick([due, today, addDays(today, -1), addDays(today, 1)]);
      const old = due !== null && due < addDays(today, -30);
      const status = old
        ? pick(["done", "done", "done", "done", "not_done", "partly", "open", "open"])
        : pick(["open", "open", "open", "open", "partly", "done", "not_done"]);
      agreementRows.push([
        uuid(),
        id,
        k,
        `Afspraak ${k + 1} van ${date}`,
        pick(["student", "praktijkopleider", "bpv_begeleider", null]),
        due,
        "Zichtbaar in het portfolio",
        "Plan maken",
        status,
        at,
        at,
      ]);
    }
  }

  await inTransaction(dataSource, async (manager) => {
    const insert = bulkInsert(manager, dataSource.options.type === "postgres");
    await insert("programme", ["id", "crebo", "name", "level"], programmes);
    await insert("company", ["id", "name", "city", "sbb_number"], companies);
    await insert(
      "person",
      ["id", "name", "email", "password_hash", "role", "company_id", "created_at"],
      people,
    );
    await insert(
      "company_recognition",
      ["id", "company_id", "programme_id", "valid_from", "valid_until"],
      recognitions,
    );
    await insert(
      "student",
      [
        "id",
        "person_id",
        "programme_id",
        "student_number",
        "cohort",
        "birth_date",
        "trajectbegeleider_id",
      ],
      studentRows,
    );
    await insert(
      "placement",
      [
        "id",
        "student_id",
        "company_id",
        "praktijkopleider_id",
        "begeleider_id",
        "start_date",
        "end_date",
        "hours_per_week",
        "pok_number",
        "pok_status",
        "pok_start_date",
        "pok_end_date",
        "pok_hours",
        "pok_student_signed_at",
        "pok_school_signed_at",
        "pok_company_signed_at",
        "pok_parent_signed_at",
      ],
      placementRows,
    );
    await insert(
      "conversation",
      [
        "id",
        "placement_id",
        "scheduled_at",
        "mode",
        "status",
        "phase",
        "section",
        "phase_started_at",
        "started_at",
        "ended_at",
        "conclusion",
        "version",
        "created_by_id",
        "created_at",
      ],
      conversationRows,
    );
    await insert(
      "agreement",
      [
        "id",
        "conversation_id",
        "position",
        "text",
        "owner",
        "due_date",
        "measure",
        "first_step",
        "status",
        "created_at",
        "updated_at",
      ],
      agreementRows,
    );
  });
  // PostgreSQL's autovacuum would vacuum and gather statistics soon after a load like this.
  if (dataSource.options.type === "postgres") await dataSource.query("VACUUM ANALYZE");

  return {
    admin,
    begeleiders,
    trajectbegeleiders,
    rows: {
      programmes: programmes.length,
      companies: companies.length,
      recognitions: recognitions.length,
      people: people.length,
      students: studentRows.length,
      placements: placementRows.length,
      conversations: conversationRows.length,
      agreements: agreementRows.length,
    },
  };
}

/** Inserts rows in multi-row INSERTs, as many per statement as the driver's parameter limit allows. */
function bulkInsert(manager: EntityManager, isPostgres: boolean) {
  return async (table: string, columns: string[], rows: unknown[][]) => {
    const perStatement = Math.max(1, Math.floor((isPostgres ? 60000 : 30000) / columns.length));
    for (let from = 0; from < rows.length; from += perStatement) {
      const chunk = rows.slice(from, from + perStatement);
      const params: unknown[] = [];
      const values = chunk.map((row) => {
        const marks = row.map((value) => {
          params.push(value);
          return isPostgres ? `$${params.length}` : "?";
        });
        return `(${marks.join(", ")})`;
      });
      await manager.query(
        `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${values.join(", ")}`,
        params,
      );
    }
  };
}

/** The first moment of `date` in the school's calendar, as stored ISO text. */
function schoolMidnight(date: string): string {
  // Dutch midnight is 22:00 or 23:00 UTC the day before (summer or winter time).
  const summer = new Date(`${date}T00:00:00.000+02:00`);
  return (
    schoolDate(summer) === date ? summer : new Date(`${date}T00:00:00.000+01:00`)
  ).toISOString();
}

/** The last moment of `date` in the school's calendar, as stored ISO text. */
function lastMomentOf(date: string): string {
  return new Date(Date.parse(schoolMidnight(addDays(date, 1))) - 1).toISOString();
}

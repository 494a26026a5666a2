import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
import { Person } from "../people/person.entity.js";
import { Placement } from "../placement/placement.entity.js";
import { Company, CompanyRecognition } from "../school/company.entity.js";
import { Programme } from "../school/programme.entity.js";
import { Student } from "../school/student.entity.js";
import { type InputProblem, inputProblem } from "./input-problem.js";
import type { RosterProblem, RosterRow } from "./roster-parse.js";
import { pokTerms } from "./roster-values.js";

/** What the import will do with one kind of record: rows to insert, changes to make. */
export interface Changes<T extends { id: string }> {
  inserts: T[];
  updates: { id: string; set: Partial<T> }[];
}

/** What one row comes to. */
export interface RowOutcome {
  row: number;
  action: "create" | "update" | "unchanged";
  studentNumber: string;
  studentName: string;
  startDate: string;
  companyName: string;
  /** The columns whose values change (for an update). */
  changes: string[];
}

/** A placement from an earlier import that this file no longer holds. */
export interface MissingPlacement {
  placementId: string;
  studentNumber: string;
  studentName: string;
  startDate: string;
  endDate: string;
  companyName: string;
}

/** Everything an import would change, worked out without writing anything. */
export interface RosterPlan {
  programmes: Changes<Programme>;
  companies: Changes<Company>;
  people: Changes<Person>;
  students: Changes<Student>;
  recognitions: CompanyRecognition[];
  placements: Changes<Placement>;
  /** Placements in the file that stay as they are (their import moment is renewed). */
  unchangedPlacementIds: string[];
  outcomes: RowOutcome[];
  problems: RosterProblem[];
  missing: MissingPlacement[];
}

/** Keeps, per key, the stored record and what the file wants it to be. */
class Desired<T extends { id: string }> {
  readonly byKey = new Map<string, { stored: T | null; wanted: T; changes: Set<string> }>();

  /** Sets the wanted values for `key` (the last row wins) and returns the record's id. */
  want(
    key: string,
    stored: T | null,
    wanted: Omit<T, "id">,
    labels: Partial<Record<keyof T, string>>,
  ) {
    const entry = this.byKey.get(key) ?? {
      stored,
      wanted: { ...(stored ?? {}), id: stored?.id ?? randomUUID() } as T,
      changes: new Set<string>(),
    };
    Object.assign(entry.wanted, wanted);
    if (entry.stored) {
      for (const [field, label] of Object.entries(labels) as [keyof T, string][]) {
        if (entry.stored[field] !== entry.wanted[field]) entry.changes.add(label);
      }
    }
    this.byKey.set(key, entry);
    return entry;
  }

  changes(): Changes<T> {
    const inserts: T[] = [];
    const updates: { id: string; set: Partial<T> }[] = [];
    for (const { stored, wanted, changes } of this.byKey.values()) {
      if (!stored) inserts.push(wanted);
      else if (changes.size > 0) updates.push({ id: stored.id, set: withoutId(wanted) });
    }
    return { inserts, updates };
  }
}

function withoutId<T extends { id: string }>(record: T): Partial<T> {
  const { id: _id, ...rest } = record;
  return rest as Partial<T>;
}

const lower = (text: string) => text.toLowerCase();

/**
 * Works out what importing `rows` changes, against what is stored: keys are studentnummer +
 * startdatum for a placement, studentnummer for a student, sbb-nummer (else name + plaats) for
 * a company, e-mail (else name within the company) for a praktijkopleider. Reports what the
 * file cannot mean (an unknown begeleider, an e-mail address someone else has).
 */
export async function planRoster(
  manager: EntityManager,
  rows: RosterRow[],
  today: string,
  now: Date,
): Promise<RosterPlan> {
  const [programmes, companies, people, students, placements, recognitions] = await Promise.all([
    manager.find(Programme),
    manager.find(Company),
    manager.find(Person, {
      select: { id: true, name: true, email: true, role: true, companyId: true, createdAt: true },
    }),
    manager.find(Student),
    manager.find(Placement),
    manager.find(CompanyRecognition),
  ]);
  const programmeByCrebo = new Map(programmes.map((p) => [p.crebo, p]));
  const companyBySbb = new Map(companies.filter((c) => c.sbbNumber).map((c) => [c.sbbNumber, c]));
  const companyByName = new Map(companies.map((c) => [`${lower(c.name)}|${lower(c.city)}`, c]));
  const personById = new Map(people.map((p) => [p.id, p]));
  const personByEmail = new Map(people.filter((p) => p.email).map((p) => [p.email as string, p]));
  const trainerByName = new Map(
    people
      .filter((p) => p.role === "praktijkopleider" && p.companyId)
      .map((p) => [`${lower(p.name)}|${p.companyId}`, p]),
  );
  const studentByNumber = new Map(students.map((s) => [s.studentNumber, s]));
  const studentById = new Map(students.map((s) => [s.id, s]));
  const placementByKey = new Map(placements.map((p) => [`${p.studentId}|${p.startDate}`, p]));
  const recognised = new Set(recognitions.map((r) => `${r.companyId}|${r.programmeId}`));

  const want = {
    programmes: new Desired<Programme>(),
    companies: new Desired<Company>(),
    people: new Desired<Person>(),
    students: new Desired<Student>(),
    placements: new Desired<Placement>(),
  };
  const problems: RosterProblem[] = [];
  const newRecognitions: CompanyRecognition[] = [];
  /** Which person each e-mail address of the file is for, so two people never share one. */
  const emailOwner = new Map<string, string>();
  const rowEntries: {
    row: RosterRow;
    entries: { changes: Set<string>; stored: unknown }[];
    placementId: string;
  }[] = [];

  for (const row of rows) {
    const problem = (column: string, found: InputProblem) =>
      problems.push({ row: row.row, column, ...found });
    const claimEmail = (email: string | null, personId: string, column: string) => {
      if (!email) return true;
      const owner = emailOwner.get(email) ?? personByEmail.get(email)?.id;
      if (owner && owner !== personId) {
        problem(column, inputProblem("email_taken", { email }));
        return false;
      }
      emailOwner.set(email, personId);
      return true;
    };

    const begeleider = personByEmail.get(row.begeleiderEmail);
    if (begeleider?.role !== "bpv_begeleider") {
      problem("bpv-begeleider", inputProblem("unknown_begeleider", { email: row.begeleiderEmail }));
    }

    const programme = want.programmes.want(
      row.crebo,
      programmeByCrebo.get(row.crebo) ?? null,
      { crebo: row.crebo, name: row.programmeName, level: row.level },
      { name: "opleiding", level: "niveau" },
    );
    const storedCompany =
      (row.sbbNumber ? companyBySbb.get(row.sbbNumber) : undefined) ??
      companyByName.get(`${lower(row.companyName)}|${lower(row.city)}`) ??
      null;
    const company = want.companies.want(
      row.sbbNumber ? `sbb:${row.sbbNumber}` : `name:${lower(row.companyName)}|${lower(row.city)}`,
      storedCompany,
      {
        name: row.companyName,
        city: row.city,
        sbbNumber: row.sbbNumber ?? storedCompany?.sbbNumber ?? null,
      },
      { name: "leerbedrijf", city: "plaats", sbbNumber: "sbb-nummer" },
    );
    const companyId = company.wanted.id;

    const storedTrainer =
      (row.trainerEmail ? personByEmail.get(row.trainerEmail) : undefined) ??
      trainerByName.get(`${lower(row.trainerName)}|${companyId}`) ??
      null;
    if (storedTrainer && storedTrainer.role !== "praktijkopleider") {
      problem(
        "e-mail praktijkopleider",
        inputProblem("not_a_praktijkopleider", { email: row.trainerEmail ?? "" }),
      );
    }
    const trainer = want.people.want(
      row.trainerEmail
        ? `email:${row.trainerEmail}`
        : `trainer:${lower(row.trainerName)}|${companyId}`,
      storedTrainer,
      {
        name: row.trainerName,
        email: row.trainerEmail ?? storedTrainer?.email ?? null,
        passwordHash: null,
        role: "praktijkopleider",
        companyId,
        createdAt: storedTrainer?.createdAt ?? now,
      },
      { name: "praktijkopleider", email: "e-mail praktijkopleider", companyId: "leerbedrijf" },
    );
    claimEmail(row.trainerEmail, trainer.wanted.id, "e-mail praktijkopleider");

    const storedStudent = studentByNumber.get(row.studentNumber) ?? null;
    const storedStudentPerson = storedStudent
      ? (personById.get(storedStudent.personId) ?? null)
      : null;
    const studentPerson = want.people.want(
      `student:${row.studentNumber}`,
      storedStudentPerson,
      {
        name: `${row.firstName} ${row.lastName}`,
        email: row.studentEmail ?? storedStudentPerson?.email ?? null,
        passwordHash: null,
        role: "student",
        companyId: null,
        createdAt: storedStudentPerson?.createdAt ?? now,
      },
      { name: "voornaam/achternaam", email: "e-mail student" },
    );
    claimEmail(row.studentEmail, studentPerson.wanted.id, "e-mail student");
    const student = want.students.want(
      row.studentNumber,
      storedStudent,
      {
        personId: studentPerson.wanted.id,
        programmeId: programme.wanted.id,
        studentNumber: row.studentNumber,
        cohort: row.cohort,
        leerweg: row.leerweg,
        birthDate: storedStudent?.birthDate ?? null,
        trajectbegeleiderId: storedStudent?.trajectbegeleiderId ?? null,
      },
      { programmeId: "crebo", cohort: "cohort", leerweg: "leerweg" },
    );

    const recognition = `${companyId}|${programme.wanted.id}`;
    if (row.sbbNumber && !recognised.has(recognition)) {
      recognised.add(recognition);
      newRecognitions.push({
        id: randomUUID(),
        companyId,
        programmeId: programme.wanted.id,
        validFrom: row.startDate,
        validUntil: null,
      });
    }

    const storedPlacement = storedStudent
      ? (placementByKey.get(`${storedStudent.id}|${row.startDate}`) ?? null)
      : null;
    const placement = want.placements.want(
      `${row.studentNumber}|${row.startDate}`,
      storedPlacement,
      {
        studentId: student.wanted.id,
        companyId,
        praktijkopleiderId: trainer.wanted.id,
        begeleiderId: begeleider?.id ?? "",
        startDate: row.startDate,
        endDate: row.endDate,
        hoursPerWeek: row.hoursPerWeek,
        pokNumber: row.pokNumber,
        ...pokTerms({ ...row, storedStatus: storedPlacement?.pokStatus ?? null }),
        pokStudentSignedAt: row.pokStudentSignedAt,
        pokSchoolSignedAt: row.pokSchoolSignedAt,
        pokCompanySignedAt: row.pokCompanySignedAt,
        pokParentSignedAt: storedPlacement?.pokParentSignedAt ?? null,
        importedAt: now,
      },
      {
        companyId: "leerbedrijf",
        praktijkopleiderId: "praktijkopleider",
        begeleiderId: "bpv-begeleider",
        endDate: "einddatum",
        hoursPerWeek: "uren per week",
        pokNumber: "pok-nummer",
        pokStudentSignedAt: "pok getekend student",
        pokSchoolSignedAt: "pok getekend school",
        pokCompanySignedAt: "pok getekend bedrijf",
      },
    );
    rowEntries.push({
      row,
      entries: [programme, company, trainer, studentPerson, student, placement],
      placementId: placement.wanted.id,
    });
  }

  const placementChanges = want.placements.changes();
  const changedPlacements = new Set([
    ...placementChanges.inserts.map((p) => p.id),
    ...placementChanges.updates.map((u) => u.id),
  ]);
  const outcomes: RowOutcome[] = rowEntries.map(({ row, entries }) => {
    const placementEntry = entries[entries.length - 1];
    const changes = [...new Set(entries.flatMap((e) => [...e.changes]))];
    return {
      row: row.row,
      action: !placementEntry?.stored ? "create" : changes.length > 0 ? "update" : "unchanged",
      studentNumber: row.studentNumber,
      studentName: `${row.firstName} ${row.lastName}`,
      startDate: row.startDate,
      companyName: row.companyName,
      changes: placementEntry?.stored ? changes : [],
    };
  });
  const inFile = new Set(rowEntries.map((e) => e.placementId));
  const companyById = new Map(companies.map((c) => [c.id, c]));
  const missing = placements
    .filter((p) => p.importedAt && p.endDate >= today && !inFile.has(p.id))
    .map((p) => {
      const student = studentById.get(p.studentId);
      return {
        placementId: p.id,
        studentNumber: student?.studentNumber ?? "",
        studentName: (student && personById.get(student.personId)?.name) ?? "",
        startDate: p.startDate,
        endDate: p.endDate,
        companyName: companyById.get(p.companyId)?.name ?? "",
      };
    });
  return {
    programmes: want.programmes.changes(),
    companies: want.companies.changes(),
    people: want.people.changes(),
    students: want.students.changes(),
    recognitions: newRecognitions,
    placements: placementChanges,
    unchangedPlacementIds: [...inFile].filter((id) => !changedPlacements.has(id)),
    outcomes,
    problems,
    missing,
  };
}

import { schoolToday } from "@driehoek/domain";
import { type EntityManager, Not } from "typeorm";
import type { Services, Viewer } from "../../context.js";
import { inTransaction } from "../../db/transaction.js";
import { notFound } from "../../graphql/errors.js";
import { Person } from "../people/person.entity.js";
import { refreshFrequency } from "../placement/frequency-state.js";
import { Placement } from "../placement/placement.entity.js";
import {
  endDateProblem,
  pokTerms,
  readCohort,
  readDate,
  readEmail,
  readHoursPerWeek,
  readLeerweg,
  readText,
} from "../roster/roster-values.js";
import { Company } from "../school/company.entity.js";
import { Student } from "../school/student.entity.js";
import type {
  AdminCompany,
  AdminPlacement,
  AdminStudent,
  AdminTrainer,
  AdminUpdate,
  UpdateCompanyInput,
  UpdatePlacementInput,
  UpdateStudentInput,
  UpdateTrainerInput,
} from "./admin.types.js";
import { FieldReader } from "./admin-fields.js";
import {
  companiesQuery,
  placementsQuery,
  studentsQuery,
  toCompany,
  toPlacement,
  toStudent,
  toTrainer,
  trainersQuery,
} from "./admin-lists.js";

/*
 * The admin's edits: each reads every field with the roster import's rules, saves nothing when
 * one is refused, and otherwise writes, audit-logs what changed and answers the row as the
 * table shows it — all in one transaction.
 */

const text = (max: number, required: boolean) => (value: string) => readText(value, max, required);

/** An e-mail address nobody else has, or a problem recorded on `field`. */
async function checkEmailFree(
  manager: EntityManager,
  fields: FieldReader,
  field: string,
  email: string | null | undefined,
  personId: string,
) {
  if (!email) return;
  const other = await manager.findOne(Person, { where: { email, id: Not(personId) } });
  if (other) fields.refuse(field, `${email} hoort al bij iemand anders`);
}

/** The row read back after saving (it was there a moment ago, in this transaction). */
function found<T>(row: T | undefined): T {
  if (!row) throw notFound("Row");
  return row;
}

async function save<T>(
  services: Services,
  viewer: Viewer,
  subjectType: string,
  id: string,
  work: (manager: EntityManager, fields: FieldReader) => Promise<(() => Promise<void>) | null>,
  readBack: (manager: EntityManager) => Promise<T>,
): Promise<AdminUpdate<T>> {
  return inTransaction(services.dataSource, async (manager) => {
    const fields = new FieldReader();
    const write = await work(manager, fields);
    if (fields.errors.length > 0) return { node: null, errors: fields.errors };
    if (write && fields.changed.length > 0) {
      await write();
      await services.audit.record(
        {
          actorId: viewer.personId,
          action: `${subjectType}.edited`,
          subjectType,
          subjectId: id,
          detail: { fields: fields.changed },
        },
        manager,
      );
    }
    return { node: await readBack(manager), errors: [] };
  });
}

/** Saves a student's studentnummer, name, e-mail, cohort and leerweg. */
export function updateStudent(
  services: Services,
  viewer: Viewer,
  input: UpdateStudentInput,
): Promise<AdminUpdate<AdminStudent>> {
  return save(
    services,
    viewer,
    "student",
    input.id,
    async (manager, fields) => {
      const student = await manager.findOne(Student, { where: { id: input.id } });
      if (!student) throw notFound("Student");
      const person = await manager.findOneOrFail(Person, { where: { id: student.personId } });
      const studentNumber = fields.required("studentNumber", input.studentNumber, text(20, true));
      if (studentNumber && studentNumber !== student.studentNumber) {
        const other = await manager.findOne(Student, { where: { studentNumber } });
        if (other) fields.refuse("studentNumber", "is al in gebruik bij een andere student");
      }
      const name = fields.required("name", input.name, text(200, true));
      const email = fields.optional("email", input.email, readEmail);
      await checkEmailFree(manager, fields, "email", email, person.id);
      const cohort = fields.required("cohort", input.cohort, readCohort);
      const leerweg = fields.optional("leerweg", input.leerweg, readLeerweg);
      const enrolment = {
        studentNumber: fields.pick("studentNumber", studentNumber, student.studentNumber),
        cohort: fields.pick("cohort", cohort, student.cohort),
        leerweg: fields.pick("leerweg", leerweg, student.leerweg ?? null),
      };
      const personal = {
        name: fields.pick("name", name, person.name),
        email: fields.pick("email", email, person.email),
      };
      return async () => {
        await manager.update(Student, { id: student.id }, enrolment);
        await manager.update(Person, { id: person.id }, personal);
      };
    },
    async (manager) =>
      toStudent(
        found(await studentsQuery(manager).where("s.id = :id", { id: input.id }).getRawOne()),
      ),
  );
}

/** Saves a placement's dates, hours, begeleider and POK; judges its frequency again. */
export function updatePlacement(
  services: Services,
  viewer: Viewer,
  input: UpdatePlacementInput,
): Promise<AdminUpdate<AdminPlacement>> {
  return save(
    services,
    viewer,
    "placement",
    input.id,
    async (manager, fields) => {
      const stored = await manager.findOne(Placement, { where: { id: input.id } });
      if (!stored) throw notFound("Placement");
      const startDate = fields.required("startDate", input.startDate, readDate);
      const endDate = fields.required("endDate", input.endDate, readDate);
      const hoursPerWeek = fields.required("hoursPerWeek", input.hoursPerWeek, readHoursPerWeek);
      const begeleiderEmail = fields.required("begeleiderEmail", input.begeleiderEmail, readEmail);
      const pokNumber = fields.optional("pokNumber", input.pokNumber, text(40, false));
      const signed = {
        pokStudentSignedAt: fields.optional(
          "pokStudentSignedAt",
          input.pokStudentSignedAt,
          readDate,
        ),
        pokSchoolSignedAt: fields.optional("pokSchoolSignedAt", input.pokSchoolSignedAt, readDate),
        pokCompanySignedAt: fields.optional(
          "pokCompanySignedAt",
          input.pokCompanySignedAt,
          readDate,
        ),
      };
      let begeleiderId: string | undefined;
      if (begeleiderEmail) {
        const begeleider = await manager.findOne(Person, { where: { email: begeleiderEmail } });
        if (begeleider?.role === "bpv_begeleider") begeleiderId = begeleider.id;
        else {
          fields.refuse(
            "begeleiderEmail",
            `er is geen BPV-begeleider met het e-mailadres ${begeleiderEmail}`,
          );
        }
      }
      const next = {
        startDate: fields.pick("startDate", startDate, stored.startDate),
        endDate: fields.pick("endDate", endDate, stored.endDate),
        hoursPerWeek: fields.pick("hoursPerWeek", hoursPerWeek, stored.hoursPerWeek),
        begeleiderId: fields.pick("begeleiderEmail", begeleiderId, stored.begeleiderId),
        pokNumber: fields.pick(
          "pokNumber",
          pokNumber ?? (pokNumber === null ? "" : undefined),
          stored.pokNumber,
        ),
        pokStudentSignedAt: fields.pick(
          "pokStudentSignedAt",
          signed.pokStudentSignedAt,
          stored.pokStudentSignedAt,
        ),
        pokSchoolSignedAt: fields.pick(
          "pokSchoolSignedAt",
          signed.pokSchoolSignedAt,
          stored.pokSchoolSignedAt,
        ),
        pokCompanySignedAt: fields.pick(
          "pokCompanySignedAt",
          signed.pokCompanySignedAt,
          stored.pokCompanySignedAt,
        ),
      };
      const dateOrder = endDateProblem(next.startDate, next.endDate);
      if (dateOrder && (startDate || endDate))
        fields.refuse(endDate ? "endDate" : "startDate", dateOrder);
      if (next.startDate !== stored.startDate) {
        const twin = await manager.findOne(Placement, {
          where: { studentId: stored.studentId, startDate: next.startDate, id: Not(stored.id) },
        });
        if (twin) fields.refuse("startDate", "de student heeft al een stage met deze startdatum");
      }
      const terms = pokTerms({ ...next, storedStatus: stored.pokStatus });
      const isTermsChange = ["startDate", "endDate", "hoursPerWeek"].some((f) =>
        fields.changed.includes(f),
      );
      const isSigningChange = fields.changed.some((f) => f.endsWith("SignedAt"));
      return async () => {
        await manager.update(
          Placement,
          { id: stored.id },
          {
            ...next,
            ...(isTermsChange
              ? {
                  pokStartDate: terms.pokStartDate,
                  pokEndDate: terms.pokEndDate,
                  pokHours: terms.pokHours,
                }
              : {}),
            ...(isSigningChange ? { pokStatus: terms.pokStatus } : {}),
          },
        );
        if (isTermsChange) await refreshFrequency(manager, stored.id, schoolToday(services.now()));
      };
    },
    async (manager) =>
      toPlacement(
        found(await placementsQuery(manager).where("pl.id = :id", { id: input.id }).getRawOne()),
      ),
  );
}

/** Saves a company's name, plaats and sbb-nummer. */
export function updateCompany(
  services: Services,
  viewer: Viewer,
  input: UpdateCompanyInput,
): Promise<AdminUpdate<AdminCompany>> {
  return save(
    services,
    viewer,
    "company",
    input.id,
    async (manager, fields) => {
      const stored = await manager.findOne(Company, { where: { id: input.id } });
      if (!stored) throw notFound("Company");
      const name = fields.required("name", input.name, text(200, true));
      const city = fields.required("city", input.city, text(100, true));
      const sbbNumber = fields.optional("sbbNumber", input.sbbNumber, text(20, false));
      if (sbbNumber) {
        const other = await manager.findOne(Company, { where: { sbbNumber, id: Not(stored.id) } });
        if (other) fields.refuse("sbbNumber", `is al in gebruik bij ${other.name}`);
      }
      const next = {
        name: fields.pick("name", name, stored.name),
        city: fields.pick("city", city, stored.city),
        sbbNumber: fields.pick("sbbNumber", sbbNumber, stored.sbbNumber),
      };
      return async () => {
        await manager.update(Company, { id: stored.id }, next);
      };
    },
    async (manager) =>
      toCompany(
        found(await companiesQuery(manager).where("c.id = :id", { id: input.id }).getRawOne()),
      ),
  );
}

/** Saves a praktijkopleider's name and e-mail. */
export function updateTrainer(
  services: Services,
  viewer: Viewer,
  input: UpdateTrainerInput,
): Promise<AdminUpdate<AdminTrainer>> {
  return save(
    services,
    viewer,
    "trainer",
    input.id,
    async (manager, fields) => {
      const stored = await manager.findOne(Person, {
        where: { id: input.id, role: "praktijkopleider" },
      });
      if (!stored) throw notFound("Praktijkopleider");
      const name = fields.required("name", input.name, text(200, true));
      const email = fields.optional("email", input.email, readEmail);
      await checkEmailFree(manager, fields, "email", email, stored.id);
      const next = {
        name: fields.pick("name", name, stored.name),
        email: fields.pick("email", email, stored.email),
      };
      return async () => {
        await manager.update(Person, { id: stored.id }, next);
      };
    },
    async (manager) =>
      toTrainer(
        found(await trainersQuery(manager).andWhere("t.id = :id", { id: input.id }).getRawOne()),
      ),
  );
}

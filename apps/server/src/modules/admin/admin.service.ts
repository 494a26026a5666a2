import { Not } from "typeorm";
import type { Services, Viewer } from "../../context.js";
import { lockRow } from "../../db/row-lock.js";
import type { UniqueViolation } from "../../db/unique-violation.js";
import { notFound } from "../../graphql/errors.js";
import { Person } from "../people/person.entity.js";
import { inputProblem } from "../roster/input-problem.js";
import { readCohort, readEmail, readLeerweg } from "../roster/roster-values.js";
import { Company } from "../school/company.entity.js";
import { Student } from "../school/student.entity.js";
import type {
  AdminCompany,
  AdminStudent,
  AdminTrainer,
  AdminUpdate,
  UpdateCompanyInput,
  UpdateStudentInput,
  UpdateTrainerInput,
} from "./admin.types.js";
import {
  companiesQuery,
  studentsQuery,
  toCompany,
  toStudent,
  toTrainer,
  trainersQuery,
} from "./admin-lists.js";
import { changedColumns, checkEmailFree, found, save, text } from "./admin-save.js";

/** The e-mail address given to someone else at the same moment, as checkEmailFree says it. */
const emailTaken = (email: string | undefined) => (violation: UniqueViolation) => {
  if (!violation.columns.includes("person.email")) return null;
  const value = email === undefined ? undefined : readEmail(email);
  const taken = value && "value" in value ? value.value : (email ?? "");
  return { field: "email", problem: inputProblem("email_taken", { email: taken }) };
};

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
      // The person first, then the enrolment: the roster import writes them in that order.
      const enrolled = await manager.findOne(Student, { where: { id: input.id } });
      if (!enrolled) throw notFound("Student");
      await lockRow(manager, "person", enrolled.personId);
      if (!(await lockRow(manager, "student", input.id))) throw notFound("Student");
      const student = await manager.findOne(Student, { where: { id: input.id } });
      if (!student) throw notFound("Student");
      const person = await manager.findOneOrFail(Person, { where: { id: student.personId } });
      const studentNumber = fields.required("studentNumber", input.studentNumber, text(20, true));
      if (studentNumber && studentNumber !== student.studentNumber) {
        const other = await manager.findOne(Student, { where: { studentNumber } });
        if (other) fields.refuse("studentNumber", inputProblem("student_number_taken"));
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
      const changedEnrolment = changedColumns(fields, enrolment);
      const changedPersonal = changedColumns(fields, personal);
      return async () => {
        if (Object.keys(changedEnrolment).length > 0)
          await manager.update(Student, { id: student.id }, changedEnrolment);
        if (Object.keys(changedPersonal).length > 0)
          await manager.update(Person, { id: person.id }, changedPersonal);
      };
    },
    async (manager) =>
      toStudent(
        found(await studentsQuery(manager).where("s.id = :id", { id: input.id }).getRawOne()),
      ),
    (violation) =>
      violation.columns.includes("student.student_number")
        ? { field: "studentNumber", problem: inputProblem("student_number_taken") }
        : emailTaken(input.email)(violation),
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
      if (!(await lockRow(manager, "company", input.id))) throw notFound("Company");
      const stored = await manager.findOne(Company, { where: { id: input.id } });
      if (!stored) throw notFound("Company");
      const name = fields.required("name", input.name, text(200, true));
      const city = fields.required("city", input.city, text(100, true));
      const sbbNumber = fields.optional("sbbNumber", input.sbbNumber, text(20, false));
      if (sbbNumber) {
        const other = await manager.findOne(Company, { where: { sbbNumber, id: Not(stored.id) } });
        if (other)
          fields.refuse("sbbNumber", inputProblem("sbb_number_taken", { company: other.name }));
      }
      const next = {
        name: fields.pick("name", name, stored.name),
        city: fields.pick("city", city, stored.city),
        sbbNumber: fields.pick("sbbNumber", sbbNumber, stored.sbbNumber),
      };
      return async () => {
        await manager.update(Company, { id: stored.id }, changedColumns(fields, next));
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
      if (!(await lockRow(manager, "person", input.id))) throw notFound("Praktijkopleider");
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
        await manager.update(Person, { id: stored.id }, changedColumns(fields, next));
      };
    },
    async (manager) =>
      toTrainer(
        found(await trainersQuery(manager).andWhere("t.id = :id", { id: input.id }).getRawOne()),
      ),
    emailTaken(input.email),
  );
}

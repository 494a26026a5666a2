import { Not } from "typeorm";
import type { Services, Viewer } from "../../context.js";
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
import { checkEmailFree, found, save, text } from "./admin-save.js";

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
        if (other)
          fields.refuse("sbbNumber", inputProblem("sbb_number_taken", { company: other.name }));
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

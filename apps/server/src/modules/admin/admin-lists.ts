import type { EntityManager } from "typeorm";
import { Person } from "../people/person.entity.js";
import { Placement } from "../placement/placement.entity.js";
import { Company } from "../school/company.entity.js";
import { Programme } from "../school/programme.entity.js";
import { Student } from "../school/student.entity.js";
import type {
  AdminCompany,
  AdminPage,
  AdminPageArgs,
  AdminPlacement,
  AdminStudent,
  AdminTrainer,
} from "./admin.types.js";
import { pageOf, whereSearch } from "./admin-page.js";

/*
 * The four admin tables, each one query: search, order and page in SQL. The `select` of each
 * is also how one row is read back after an update (`where` the id).
 */

/** The students query, their person and programme joined. */
export function studentsQuery(manager: EntityManager) {
  return manager
    .createQueryBuilder(Student, "s")
    .innerJoin(Person, "p", "p.id = s.person_id")
    .innerJoin(Programme, "pr", "pr.id = s.programme_id")
    .select("s.id", "id")
    .addSelect("s.student_number", "studentNumber")
    .addSelect("p.name", "name")
    .addSelect("p.email", "email")
    .addSelect("pr.crebo", "crebo")
    .addSelect("pr.name", "programmeName")
    .addSelect("pr.level", "level")
    .addSelect("s.cohort", "cohort")
    .addSelect("s.leerweg", "leerweg")
    .orderBy("p.name")
    .addOrderBy("s.id");
}

/** The placements query, with student, company, trainer and begeleider joined. */
export function placementsQuery(manager: EntityManager) {
  return manager
    .createQueryBuilder(Placement, "pl")
    .innerJoin(Student, "s", "s.id = pl.student_id")
    .innerJoin(Person, "sp", "sp.id = s.person_id")
    .innerJoin(Company, "c", "c.id = pl.company_id")
    .innerJoin(Person, "t", "t.id = pl.praktijkopleider_id")
    .innerJoin(Person, "b", "b.id = pl.begeleider_id")
    .select("pl.id", "id")
    .addSelect("s.student_number", "studentNumber")
    .addSelect("sp.name", "studentName")
    .addSelect("c.name", "companyName")
    .addSelect("t.name", "trainerName")
    .addSelect("b.name", "begeleiderName")
    .addSelect("b.email", "begeleiderEmail")
    .addSelect("pl.start_date", "startDate")
    .addSelect("pl.end_date", "endDate")
    .addSelect("pl.hours_per_week", "hoursPerWeek")
    .addSelect("pl.pok_number", "pokNumber")
    .addSelect("pl.pok_student_signed_at", "pokStudentSignedAt")
    .addSelect("pl.pok_school_signed_at", "pokSchoolSignedAt")
    .addSelect("pl.pok_company_signed_at", "pokCompanySignedAt")
    .orderBy("sp.name")
    .addOrderBy("pl.start_date", "DESC")
    .addOrderBy("pl.id");
}

/** The companies query, with how many placements each has. */
export function companiesQuery(manager: EntityManager) {
  return manager
    .createQueryBuilder(Company, "c")
    .select("c.id", "id")
    .addSelect("c.name", "name")
    .addSelect("c.city", "city")
    .addSelect("c.sbb_number", "sbbNumber")
    .addSelect(
      (sub) => sub.select("COUNT(*)").from(Placement, "pl").where("pl.company_id = c.id"),
      "placementCount",
    )
    .orderBy("c.name")
    .addOrderBy("c.id");
}

/** The praktijkopleiders query, their company joined. */
export function trainersQuery(manager: EntityManager) {
  return manager
    .createQueryBuilder(Person, "t")
    .leftJoin(Company, "c", "c.id = t.company_id")
    .where("t.role = :role", { role: "praktijkopleider" })
    .select("t.id", "id")
    .addSelect("t.name", "name")
    .addSelect("t.email", "email")
    .addSelect("c.name", "companyName")
    .orderBy("t.name")
    .addOrderBy("t.id");
}

/** Numbers as numbers (PostgreSQL returns a COUNT as text). */
export const toStudent = (row: AdminStudent): AdminStudent => ({
  ...row,
  level: Number(row.level),
});
export const toPlacement = (row: AdminPlacement): AdminPlacement => ({
  ...row,
  hoursPerWeek: Number(row.hoursPerWeek),
});
export const toCompany = (row: AdminCompany): AdminCompany => ({
  ...row,
  placementCount: Number(row.placementCount),
});
export const toTrainer = (row: AdminTrainer): AdminTrainer => row;

/** A page of students, searched in name, studentnummer, e-mail, programme and crebo. */
export function adminStudents(manager: EntityManager, args: AdminPageArgs) {
  const query = whereSearch(studentsQuery(manager), args.search, [
    "p.name",
    "s.student_number",
    "p.email",
    "pr.name",
    "pr.crebo",
  ]);
  return pageOf(query, args, toStudent);
}

/** A page of placements, searched in student, studentnummer, company, trainer, begeleider, POK. */
export function adminPlacements(
  manager: EntityManager,
  args: AdminPageArgs,
): Promise<AdminPage<AdminPlacement>> {
  const query = whereSearch(placementsQuery(manager), args.search, [
    "sp.name",
    "s.student_number",
    "c.name",
    "t.name",
    "b.name",
    "pl.pok_number",
  ]);
  return pageOf(query, args, toPlacement);
}

/** A page of companies, searched in name, plaats and sbb-nummer. */
export function adminCompanies(manager: EntityManager, args: AdminPageArgs) {
  const query = whereSearch(companiesQuery(manager), args.search, [
    "c.name",
    "c.city",
    "c.sbb_number",
  ]);
  return pageOf(query, args, toCompany);
}

/** A page of praktijkopleiders, searched in name, e-mail and company. */
export function adminTrainers(manager: EntityManager, args: AdminPageArgs) {
  const query = whereSearch(trainersQuery(manager), args.search, ["t.name", "t.email", "c.name"]);
  return pageOf(query, args, toTrainer);
}

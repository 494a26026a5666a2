import type { PokFacts } from "@driehoek/domain";
import type { EntityManager } from "typeorm";
import { CompanyRecognition } from "../school/company.entity.js";
import { Student } from "../school/student.entity.js";
import type { Placement } from "./placement.entity.js";

/** Gathers what the POK rule needs about a placement, including SBB recognition on `today`. */
export async function pokFactsOf(
  manager: EntityManager,
  placement: Placement,
  today: string,
): Promise<PokFacts> {
  const student = await manager.findOneByOrFail(Student, { id: placement.studentId });
  const recognition = await manager
    .createQueryBuilder(CompanyRecognition, "r")
    .where("r.company_id = :companyId AND r.programme_id = :programmeId", {
      companyId: placement.companyId,
      programmeId: student.programmeId,
    })
    .andWhere("r.valid_from <= :today AND (r.valid_until IS NULL OR r.valid_until >= :today)", {
      today,
    })
    .getOne();
  return {
    status: placement.pokStatus,
    startDate: placement.pokStartDate,
    endDate: placement.pokEndDate,
    studentSignedAt: placement.pokStudentSignedAt,
    schoolSignedAt: placement.pokSchoolSignedAt,
    companySignedAt: placement.pokCompanySignedAt,
    parentSignedAt: placement.pokParentSignedAt,
    studentBirthDate: student.birthDate,
    companyRecognised: Boolean(recognition),
  };
}

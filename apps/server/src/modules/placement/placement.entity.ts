import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { DateColumn, IdColumn, MomentColumn, RefColumn } from "../../db/columns.js";

/** Status of the POK document itself (validity is decided by the domain rule). */
export type PokStatus = "draft" | "active" | "terminated";

/**
 * A placement (BPV-periode) of one student at one company, with its POK
 * (praktijkovereenkomst) — the three-party contract that must be valid.
 */
@ObjectType("Placement")
@Entity("placement")
export class Placement {
  @Field(() => ID)
  @IdColumn()
  id: string;
  @RefColumn("Student", { name: "student_id" }) studentId: string;
  @RefColumn("Company", { name: "company_id" }) companyId: string;
  @RefColumn("Person", { name: "praktijkopleider_id" }) praktijkopleiderId: string;
  @RefColumn("Person", { name: "begeleider_id" }) begeleiderId: string;
  @Field(() => String)
  @DateColumn({ name: "start_date" })
  startDate: string;
  @Field(() => String)
  @DateColumn({ name: "end_date" })
  endDate: string;
  @Field(() => Int)
  @Column({ type: "integer", name: "hours_per_week" })
  hoursPerWeek: number;
  @Column({ type: "varchar", length: 40, name: "pok_number" }) pokNumber: string;
  @Column({ type: "varchar", length: 12, name: "pok_status" }) pokStatus: PokStatus;
  @DateColumn({ name: "pok_start_date" }) pokStartDate: string;
  @DateColumn({ name: "pok_end_date" }) pokEndDate: string;
  @Column({ type: "integer", name: "pok_hours" }) pokHours: number;
  @DateColumn({ nullable: true, name: "pok_student_signed_at" }) pokStudentSignedAt: string | null;
  @DateColumn({ nullable: true, name: "pok_school_signed_at" }) pokSchoolSignedAt: string | null;
  @DateColumn({ nullable: true, name: "pok_company_signed_at" }) pokCompanySignedAt: string | null;
  @DateColumn({ nullable: true, name: "pok_parent_signed_at" }) pokParentSignedAt: string | null;
  /** When the roster import last brought this placement in (null: not from an import). */
  @MomentColumn({ nullable: true, name: "imported_at" }) importedAt?: Date | null;
}

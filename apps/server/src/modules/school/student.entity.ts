import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { DateColumn, IdColumn, RefColumn } from "../../db/columns.js";

/** A student's enrolment: who (a person), in which programme and cohort. */
@ObjectType("Student")
@Entity("student")
export class Student {
  @Field(() => ID)
  @IdColumn()
  id: string;
  @RefColumn("Person", { name: "person_id" }) personId: string;
  @RefColumn("Programme", { name: "programme_id" }) programmeId: string;
  /** The student system's number: one student's (migration 1732800000120). */
  @Field(() => String)
  @Index({ unique: true })
  @Column({ type: "varchar", length: 20, name: "student_number" })
  studentNumber: string;
  /** Cohort as the school year the student started, e.g. "2025-2026". */
  @Field(() => String)
  @Column({ type: "varchar", length: 9 })
  cohort: string;
  /** BOL (school-based) or BBL (work-based), as the student system says. */
  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 3, nullable: true })
  leerweg?: string | null;
  @DateColumn({ nullable: true, name: "birth_date" }) birthDate: string | null;
  /** The trajectbegeleider who receives reports and particulars. */
  @RefColumn("Person", { nullable: true, name: "trajectbegeleider_id", onDelete: "SET NULL" })
  trajectbegeleiderId: string | null;
}

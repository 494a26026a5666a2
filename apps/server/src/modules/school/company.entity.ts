import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { DateColumn, IdColumn, RefColumn } from "../../db/columns.js";

/** A leerbedrijf: a company where students do their placement. */
@ObjectType("Company")
@Entity("company")
export class Company {
  @Field(() => ID)
  @IdColumn()
  id: string;
  @Field(() => String)
  @Column({ type: "varchar", length: 200 })
  name: string;
  @Field(() => String)
  @Column({ type: "varchar", length: 100 })
  city: string;
  /** SBB registration number of the leerbedrijf. */
  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 20, name: "sbb_number", nullable: true })
  sbbNumber: string | null;
}

/** SBB's recognition of a company as leerbedrijf for one programme. */
@Entity("company_recognition")
@Index(["companyId", "programmeId"])
export class CompanyRecognition {
  @IdColumn() id: string;
  @RefColumn("Company", { name: "company_id" }) companyId: string;
  @RefColumn("Programme", { name: "programme_id" }) programmeId: string;
  @DateColumn({ name: "valid_from" }) validFrom: string;
  @DateColumn({ name: "valid_until", nullable: true }) validUntil: string | null;
}

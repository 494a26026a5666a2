import type { Role } from "@driehoek/domain";
import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { IdColumn, MomentColumn, RefColumn } from "../../db/columns.js";
import { RoleEnum } from "../../graphql/enums.js";

/**
 * Anyone Driehoek knows: students, praktijkopleiders, school staff.
 * Staff have an e-mail and a password hash; students and praktijkopleiders
 * enter through personal invite links and have no password.
 */
@ObjectType("Person")
@Entity("person")
export class Person {
  @Field(() => ID)
  @IdColumn()
  id: string;
  @Field(() => String)
  @Column({ type: "varchar", length: 200 })
  name: string;
  @Index({ unique: true })
  @Column({ type: "varchar", length: 254, nullable: true })
  email: string | null;
  @Column({ type: "varchar", length: 200, nullable: true, name: "password_hash" })
  passwordHash: string | null;
  @Field(() => RoleEnum)
  @Column({ type: "varchar", length: 20 })
  role: Role;
  /** For a praktijkopleider: the company they work for. */
  @RefColumn("Company", { nullable: true, name: "company_id", onDelete: "SET NULL" }) companyId:
    | string
    | null;
  @MomentColumn({ name: "created_at" }) createdAt: Date;
  /** When an admin deactivated the account: it can no longer log in, its tokens stop working. */
  @MomentColumn({ nullable: true, name: "deactivated_at" }) deactivatedAt?: Date | null;
  /** The language of the mails they receive: "nl" (default) or "en". */
  @Column({ type: "varchar", length: 2, default: "nl" }) locale?: "nl" | "en";
}

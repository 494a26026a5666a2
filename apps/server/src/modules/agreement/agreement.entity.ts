import type { AgreementStatus, ParticipantRole } from "@driehoek/domain";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { DateColumn, IdColumn, MomentColumn, RefColumn } from "../../db/columns.js";
import { AgreementStatusEnum, RoleEnum } from "../../graphql/enums.js";

/** A SMART agreement made in one conversation and reviewed in a later one. */
@ObjectType("Agreement")
@Entity("agreement")
// The overdue agreements report reads them in its order and counts them (migrations 1732800000095
// and 1732800000100).
@Index("IDX_agreement_report_due_placement", { synchronize: false })
@Index("IDX_agreement_report_open", { synchronize: false })
@Index("IDX_agreement_placement", { synchronize: false })
export class Agreement {
  @Field(() => ID)
  @IdColumn()
  id: string;
  @Field(() => ID)
  @RefColumn("Conversation", { name: "conversation_id", onDelete: "CASCADE" })
  conversationId: string;
  /** The conversation in which this agreement was reviewed; null while still to review. */
  @Field(() => ID, { nullable: true })
  @RefColumn("Conversation", { nullable: true, name: "reviewed_in_id", onDelete: "SET NULL" })
  reviewedInId: string | null;
  @Field(() => Int)
  @Column({ type: "integer" })
  position: number;
  @Field(() => String)
  @Column({ type: "text" })
  text: string;
  @Field(() => RoleEnum, { nullable: true })
  @Column({ type: "varchar", length: 20, nullable: true })
  owner: ParticipantRole | null;
  @Field(() => String, { nullable: true })
  @DateColumn({ nullable: true, name: "due_date" })
  dueDate: string | null;
  /** How we will know it is done (the M of SMART). */
  @Field(() => String)
  @Column({ type: "text" })
  measure: string;
  @Field(() => String)
  @Column({ type: "text", name: "first_step" })
  firstStep: string;
  @RefColumn("Werkproces", { nullable: true, name: "werkproces_id" }) werkprocesId: string | null;
  @Field(() => AgreementStatusEnum)
  @Column({ type: "varchar", length: 10 })
  status: AgreementStatus;
  /** At review: why not (yet) done and what is needed. */
  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true, name: "review_note" })
  reviewNote: string | null;
  /**
   * The placement of the agreement's conversation and its end date, for the reports: kept by the
   * database's triggers (migration 1732800000100), never written by the application.
   */
  @Column({
    type: "varchar",
    length: 36,
    nullable: true,
    name: "placement_id",
    insert: false,
    update: false,
  })
  placementId: string | null;
  @Column({
    type: "varchar",
    length: 10,
    nullable: true,
    name: "placement_end_date",
    insert: false,
    update: false,
  })
  placementEndDate: string | null;
  @MomentColumn({ name: "created_at" }) createdAt: Date;
  @MomentColumn({ name: "updated_at" }) updatedAt: Date;
}

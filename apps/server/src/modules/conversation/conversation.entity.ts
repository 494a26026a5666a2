import type { ConversationStatus, PhaseKey } from "@driehoek/domain";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { IdColumn, MomentColumn, RefColumn } from "../../db/columns.js";
import {
  ConclusionEnum,
  ConversationModeEnum,
  ConversationStatusEnum,
  PhaseEnum,
} from "../../graphql/enums.js";

/** How the three meet. */
export type ConversationMode = "in_person" | "online";

/** One BPV-gesprek of a placement, from planned to signed. */
@ObjectType("Conversation")
@Entity("conversation")
// The staff reports read a placement's held conversations and conclusions from this index alone.
@Index(["placementId", "scheduledAt", "status", "conclusion", "id"])
// The not-entered report reads the signed ones in its order (an expression: migration 1732800000095).
@Index("IDX_conversation_report_waiting", { synchronize: false })
export class Conversation {
  @Field(() => ID)
  @IdColumn()
  id: string;
  @RefColumn("Placement", { name: "placement_id" }) placementId: string;
  @Field(() => Date)
  @MomentColumn({ name: "scheduled_at" })
  scheduledAt: Date;
  @Field(() => ConversationModeEnum)
  @Column({ type: "varchar", length: 10 })
  mode: ConversationMode;
  @Field(() => ConversationStatusEnum)
  @Column({ type: "varchar", length: 10 })
  status: ConversationStatus;
  /** Where the guide stands; null until the conversation starts. */
  @Field(() => PhaseEnum, { nullable: true })
  @Column({ type: "varchar", length: 10, nullable: true })
  phase: PhaseKey | null;
  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 40, nullable: true })
  section: string | null;
  @Field(() => Date, { nullable: true })
  @MomentColumn({ nullable: true, name: "phase_started_at" })
  phaseStartedAt: Date | null;
  @Field(() => Date, { nullable: true })
  @MomentColumn({ nullable: true, name: "section_started_at" })
  sectionStartedAt: Date | null;
  @Field(() => Date, { nullable: true })
  @MomentColumn({ nullable: true, name: "started_at" })
  startedAt: Date | null;
  @Field(() => Date, { nullable: true })
  @MomentColumn({ nullable: true, name: "ended_at" })
  endedAt: Date | null;
  @Field(() => Date, { nullable: true })
  @MomentColumn({ nullable: true, name: "signed_at" })
  signedAt: Date | null;
  /** The student's summary as plain text (projected from the live document). */
  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  summary: string | null;
  /** voor / op_schema / achter, drawn in Afronden. */
  @Field(() => ConclusionEnum, { nullable: true })
  @Column({ type: "varchar", length: 10, nullable: true })
  conclusion: string | null;
  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true, name: "conclusion_motivation" })
  conclusionMotivation: string | null;
  /** The student's own view of the conclusion, which may differ. */
  @Field(() => ConclusionEnum, { nullable: true })
  @Column({ type: "varchar", length: 10, nullable: true, name: "student_conclusion" })
  studentConclusion: string | null;
  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true, name: "student_motivation" })
  studentMotivation: string | null;
  /** The shared notes per section as JSON (projected from the live document). */
  @Column({ type: "text", nullable: true, name: "shared_notes" })
  sharedNotes: string | null;
  /** The locked record as signed (canonical JSON), set when the third signature arrives. */
  @Column({ type: "text", nullable: true, name: "record_json" })
  recordJson: string | null;
  @Field(() => String, { nullable: true, description: "SHA-256 of the locked record." })
  @Column({ type: "varchar", length: 64, nullable: true, name: "record_hash" })
  recordHash: string | null;
  /** Archivering: when the BPV-begeleider entered the report into the student system. */
  @Field(() => Date, { nullable: true })
  @MomentColumn({ nullable: true, name: "student_system_entered_at" })
  studentSystemEnteredAt?: Date | null;
  @RefColumn("Person", {
    nullable: true,
    name: "student_system_entered_by_id",
    onDelete: "SET NULL",
  })
  studentSystemEnteredById?: string | null;
  /** Archivering: when "geen bijzonderheden" was ticked (cleared when one is flagged). */
  @Field(() => Date, { nullable: true })
  @MomentColumn({ nullable: true, name: "no_particulars_at" })
  noParticularsAt?: Date | null;
  /** Bumped on every change of place or status: a cheap guard against lost updates. */
  @Field(() => Int)
  @Column({ type: "integer" })
  version: number;
  @RefColumn("Person", { name: "created_by_id" }) createdById: string;
  @MomentColumn({ name: "created_at" }) createdAt: Date;
}

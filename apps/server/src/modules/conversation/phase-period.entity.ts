import type { PhaseKey } from "@driehoek/domain";
import { Field, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { IdColumn, MomentColumn, RefColumn } from "../../db/columns.js";
import { PhaseEnum } from "../../graphql/enums.js";

/** One stretch of time a conversation spent in a phase (a phase revisited gets another row). */
@ObjectType("PhasePeriod")
@Entity("conversation_phase_period")
export class PhasePeriod {
  @IdColumn() id: string;
  @RefColumn("Conversation", { name: "conversation_id", onDelete: "CASCADE" })
  conversationId: string;
  @Field(() => PhaseEnum)
  @Column({ type: "varchar", length: 10 })
  phase: PhaseKey;
  @Field(() => Date)
  @MomentColumn({ name: "started_at" })
  startedAt: Date;
  @Field(() => Date, { nullable: true })
  @MomentColumn({ nullable: true, name: "ended_at" })
  endedAt: Date | null;
}

import type { PhaseKey } from "@driehoek/domain";
import { Field, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { IdColumn, MomentColumn, RefColumn } from "../../db/columns.js";
import { PhaseEnum } from "../../graphql/enums.js";

/**
 * One stretch of time a conversation spent in a section of the guide (a section revisited gets
 * another row). Written by every move, in the move's transaction (decision 0009).
 */
@ObjectType("SectionPeriod")
@Entity("conversation_section_period")
export class SectionPeriod {
  @IdColumn() id: string;
  @RefColumn("Conversation", { name: "conversation_id", onDelete: "CASCADE" })
  conversationId: string;
  @Field(() => PhaseEnum)
  @Column({ type: "varchar", length: 10 })
  phase: PhaseKey;
  @Field(() => String, { description: "The section's key in the guide." })
  @Column({ type: "varchar", length: 40 })
  section: string;
  @Field(() => Date)
  @MomentColumn({ name: "started_at" })
  startedAt: Date;
  @Field(() => Date, { nullable: true, description: "Null while the section is running." })
  @MomentColumn({ nullable: true, name: "ended_at" })
  endedAt: Date | null;
}

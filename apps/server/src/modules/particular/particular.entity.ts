import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { IdColumn, MomentColumn, RefColumn } from "../../db/columns.js";

/** A bijzonderheid flagged in a conversation for the trajectbegeleider / onderwijsteam. */
@ObjectType("Particular")
@Entity("particular")
export class Particular {
  @Field(() => ID)
  @IdColumn()
  id: string;
  @RefColumn("Conversation", { name: "conversation_id", onDelete: "CASCADE" })
  conversationId: string;
  @Field(() => String)
  @Column({ type: "text" })
  text: string;
  @RefColumn("Person", { name: "created_by_id" }) createdById: string;
  @Field(() => Date)
  @MomentColumn({ name: "created_at" })
  createdAt: Date;
  @Field(() => Date, { nullable: true })
  @MomentColumn({ nullable: true, name: "handled_at" })
  handledAt: Date | null;
  @RefColumn("Person", { nullable: true, name: "handled_by_id", onDelete: "SET NULL" }) handledById:
    | string
    | null;
}

import type { ParticipantRole } from "@driehoek/domain";
import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { IdColumn, MomentColumn, RefColumn } from "../../db/columns.js";
import { RoleEnum } from "../../graphql/enums.js";

/** How a signature was given. */
export type SignatureMethod = "digital" | "paper";

/**
 * One participant's akkoord: who, when, and the hash of exactly the record they agreed to.
 * A change of the record afterwards voids it (visibly: `voidedAt`, `voidReason`).
 */
@ObjectType("Signature")
@Entity("signature")
export class Signature {
  @Field(() => ID)
  @IdColumn()
  id: string;
  @RefColumn("Conversation", { name: "conversation_id", onDelete: "CASCADE" })
  conversationId: string;
  @RefColumn("Person", { name: "person_id" })
  personId: string;
  @Field(() => RoleEnum)
  @Column({ type: "varchar", length: 20 })
  role: ParticipantRole;
  @Field(() => String, {
    description: "digital (akkoord in Driehoek) or paper (printed form signed).",
  })
  @Column({ type: "varchar", length: 10 })
  method: SignatureMethod;
  @Field(() => String, { description: "SHA-256 of the record as it was signed." })
  @Column({ type: "varchar", length: 64, name: "content_hash" })
  contentHash: string;
  @Field(() => Date)
  @MomentColumn({ name: "signed_at" })
  signedAt: Date;
  @Field(() => Date, { nullable: true })
  @MomentColumn({ nullable: true, name: "voided_at" })
  voidedAt: Date | null;
  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 200, nullable: true, name: "void_reason" })
  voidReason: string | null;
  /** The record as it was signed (canonical JSON), to show what changed after a void. */
  @Column({ type: "text", nullable: true, name: "record_json" })
  recordJson: string | null;
}

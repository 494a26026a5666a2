import type { ParticipantRole } from "@driehoek/domain";
import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { IdColumn, MomentColumn, RefColumn } from "../../db/columns.js";
import { RoleEnum } from "../../graphql/enums.js";

/**
 * A personal invite link to one conversation. The link's secret is derived from the
 * id with the server key, so nothing secret is stored and a link can be shown again.
 */
@ObjectType("Invite")
@Entity("invite")
export class Invite {
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
  @Field(() => Date)
  @MomentColumn({ name: "expires_at" })
  expiresAt: Date;
  @Field(() => Date, { nullable: true })
  @MomentColumn({ nullable: true, name: "revoked_at" })
  revokedAt: Date | null;
  @Field(() => Date, { nullable: true })
  @MomentColumn({ nullable: true, name: "last_used_at" })
  lastUsedAt: Date | null;
  @MomentColumn({ name: "created_at" }) createdAt: Date;
}

import type { ParticipantRole } from "@driehoek/domain";
import { Column, Entity } from "typeorm";
import { IdColumn, RefColumn } from "../../db/columns.js";

/** A person taking part in a conversation, in one of the three roles. */
@Entity("conversation_participant")
export class ConversationParticipant {
  @IdColumn() id: string;
  @RefColumn("Conversation", { name: "conversation_id", onDelete: "CASCADE" })
  conversationId: string;
  @RefColumn("Person", { name: "person_id" }) personId: string;
  @Column({ type: "varchar", length: 20 }) role: ParticipantRole;
}

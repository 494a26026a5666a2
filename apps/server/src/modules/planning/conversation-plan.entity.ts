import { Column, Entity, ForeignKey, PrimaryColumn } from "typeorm";

/** The calendar side of a planned conversation: how long, where, and its invite's sequence. */
@Entity("conversation_plan")
export class ConversationPlan {
  /** One plan per conversation (also the foreign key; deleted with the conversation). */
  @PrimaryColumn({ type: "varchar", length: 36, name: "conversation_id" })
  @ForeignKey("Conversation", { onDelete: "CASCADE" })
  conversationId: string;
  @Column({ type: "integer", name: "duration_minutes" }) durationMinutes: number;
  /** Where the three meet in person. */
  @Column({ type: "varchar", length: 200, nullable: true }) location: string | null;
  /** The video-call link for an online conversation. */
  @Column({ type: "varchar", length: 500, nullable: true, name: "online_url" }) onlineUrl:
    | string
    | null;
  /** The calendar invite's SEQUENCE: 0 when planned, one higher after each move. */
  @Column({ type: "integer" }) sequence: number;
}

import { Column, Entity } from "typeorm";
import { IdColumn, MomentColumn, RefColumn } from "../../db/columns.js";

/**
 * The BPV-begeleider ended the conversation although some agreements were not yet SMART:
 * who chose so, when, and which agreements (with what they missed) at that moment.
 */
@Entity("not_smart_acceptance")
export class NotSmartAcceptance {
  @IdColumn()
  id: string;
  @RefColumn("Conversation", { name: "conversation_id", onDelete: "CASCADE" })
  conversationId: string;
  @RefColumn("Person", { name: "accepted_by_id" })
  acceptedById: string;
  @MomentColumn({ name: "accepted_at" })
  acceptedAt: Date;
  /** JSON array of NotSmartAgreement (see not-smart.ts). */
  @Column({ type: "text", name: "agreements_json" })
  agreementsJson: string;
}

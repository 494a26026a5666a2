import { Column, Entity } from "typeorm";
import { IdColumn, MomentColumn, RefColumn } from "../../db/columns.js";

/**
 * The record as it stood after one change, written while the conversation awaits signatures
 * and someone has signed: the steps between a signature's record and the current one, each
 * with the people whose edits made it, so a voided akkoord can say who changed what.
 */
@Entity("record_edit")
export class RecordEdit {
  @IdColumn()
  id: string;
  @RefColumn("Conversation", { name: "conversation_id", onDelete: "CASCADE" })
  conversationId: string;
  @MomentColumn({ name: "edited_at" })
  editedAt: Date;
  /** JSON array of the ids of the people whose edits made this change (empty when unknown). */
  @Column({ type: "text", name: "editor_ids" })
  editorIds: string;
  @Column({ type: "varchar", length: 64, name: "record_hash" })
  recordHash: string;
  @Column({ type: "text", name: "record_json" })
  recordJson: string;
}

import type { ParticipantRole } from "@driehoek/domain";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { IdColumn, MomentColumn, RefColumn } from "../../db/columns.js";
import { RoleEnum } from "../../graphql/enums.js";

/** What a document attached to a conversation is; `getekend_formulier` is the signed paper form. */
export const DOCUMENT_KINDS = [
  "portfolio",
  "voortgangsoverzicht",
  "bewijskaart",
  "overig",
  "getekend_formulier",
] as const;

/** One kind of attached document. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * A file attached to a conversation (portfolio, voortgangsoverzicht, bewijskaart...) or the
 * signed scan of the paper form. The bytes live under DATA_DIR/documents/<sha256>.
 */
@ObjectType("ConversationDocument")
@Entity("conversation_document")
export class ConversationDocument {
  @Field(() => ID)
  @IdColumn()
  id: string;
  @RefColumn("Conversation", { name: "conversation_id", onDelete: "CASCADE" })
  conversationId: string;
  @RefColumn("Person", { name: "uploaded_by_id" })
  uploadedById: string;
  @Field(() => RoleEnum, { description: "The uploader's role in the conversation." })
  @Column({ type: "varchar", length: 20, name: "uploader_role" })
  uploaderRole: ParticipantRole;
  @Field(() => String, {
    description:
      "portfolio, voortgangsoverzicht, bewijskaart, overig or getekend_formulier (signed form).",
  })
  @Column({ type: "varchar", length: 24 })
  kind: DocumentKind;
  @Field(() => String)
  @Column({ type: "varchar", length: 160, name: "file_name" })
  fileName: string;
  @Field(() => String)
  @Column({ type: "varchar", length: 100, name: "mime_type" })
  mimeType: string;
  @Field(() => Int)
  @Column({ type: "integer" })
  size: number;
  @Field(() => String, { description: "SHA-256 (hex) of the file's bytes." })
  @Column({ type: "varchar", length: 64 })
  @Index()
  sha256: string;
  @Field(() => Date)
  @MomentColumn({ name: "created_at" })
  createdAt: Date;
}

import { Column, Entity, Index } from "typeorm";
import { IdColumn, MomentColumn, RefColumn } from "../../db/columns.js";

/** Why a password link was sent: a new account's first password, or a reset. */
export type PasswordLinkPurpose = "setup" | "reset";

/**
 * A single-use link to set a staff member's password. Only the SHA-256 of its token is kept,
 * so a copy of the database opens no account; it expires, and setting a password uses it up.
 */
@Entity("password_link")
export class PasswordLink {
  @IdColumn() id: string;
  @RefColumn("Person", { name: "person_id", onDelete: "CASCADE" }) personId: string;
  @Index({ unique: true })
  @Column({ type: "varchar", length: 64, name: "token_hash" })
  tokenHash: string;
  @Column({ type: "varchar", length: 10 }) purpose: PasswordLinkPurpose;
  @MomentColumn({ name: "expires_at" }) expiresAt: Date;
  /** When it was used, or made void by a newer link or a deactivation. */
  @MomentColumn({ nullable: true, name: "used_at" }) usedAt: Date | null;
  @MomentColumn({ name: "created_at" }) createdAt: Date;
}

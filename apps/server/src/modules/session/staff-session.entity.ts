import { Entity } from "typeorm";
import { IdColumn, MomentColumn, RefColumn } from "../../db/columns.js";

/**
 * One staff login. A staff access token names its session (`sid`), and every use checks the
 * row, so logging out, "log out everywhere" and deactivating the account end it at once.
 * Invite sessions have no row: their token names the invite, which is checked on every use.
 */
@Entity("staff_session")
export class StaffSession {
  @IdColumn() id: string;
  @RefColumn("Person", { name: "person_id", onDelete: "CASCADE" }) personId: string;
  @MomentColumn({ name: "created_at" }) createdAt: Date;
  /** The same moment as its access token's expiry; expired rows can be deleted at any time. */
  @MomentColumn({ name: "expires_at" }) expiresAt: Date;
  /** When it was ended (logout, log out everywhere, deactivation); null while it is valid. */
  @MomentColumn({ nullable: true, name: "revoked_at" }) revokedAt: Date | null;
}

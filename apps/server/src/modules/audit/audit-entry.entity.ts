import { Column, Entity, Index } from "typeorm";
import { IdColumn, MomentColumn, RefColumn } from "../../db/columns.js";

/** One line of the audit log: who did what to which record, and when. */
@Entity("audit_entry")
@Index(["subjectType", "subjectId"])
export class AuditEntry {
  @IdColumn() id: string;
  @MomentColumn() at: Date;
  @RefColumn("Person", { nullable: true, name: "actor_id", onDelete: "SET NULL" }) actorId:
    | string
    | null;
  @Column({ type: "varchar", length: 60 }) action: string;
  @Column({ type: "varchar", length: 30, name: "subject_type" }) subjectType: string;
  @Column({ type: "varchar", length: 36, name: "subject_id" }) subjectId: string;
  /** Extra facts as JSON text. */
  @Column({ type: "text", nullable: true }) detail: string | null;
}

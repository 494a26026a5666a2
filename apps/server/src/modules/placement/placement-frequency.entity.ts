import { Column, Entity, ForeignKey, Index, PrimaryColumn } from "typeorm";
import { DateColumn } from "../../db/columns.js";

/**
 * A placement's standing against the frequency rule, as the domain's `frequencyStatus()` judged
 * it on `judgedOn`: stored so the reports filter and sort on columns instead of restating the
 * rule in SQL. frequency-state.ts writes it whenever a conversation of the placement changes
 * and for every placement once a day.
 */
@Entity("placement_frequency")
@Index(["isOverdue", "missed"])
export class PlacementFrequency {
  @PrimaryColumn({ type: "varchar", length: 36, name: "placement_id" })
  @ForeignKey("Placement", { onDelete: "CASCADE" })
  placementId: string;
  /** First and last day of the window that matters now (the next uncovered one). */
  @DateColumn({ name: "period_start" }) periodStart: string;
  @DateColumn({ name: "period_end" }) periodEnd: string;
  /** Windows of the placement (each asks one conversation), and those covered. */
  @Column({ type: "integer" }) required: number;
  @Column({ type: "integer" }) held: number;
  /** Windows ended without a conversation. */
  @Column({ type: "integer" }) missed: number;
  /** The end of the first uncovered window not yet ended; null when none is left. */
  @DateColumn({ nullable: true, name: "next_due_date" }) nextDueDate: string | null;
  @Column({ type: "boolean", name: "is_overdue" }) isOverdue: boolean;
  /** False once the placement ended more than a school year ago (history only). */
  @Column({ type: "boolean", name: "is_current", default: true }) isCurrent: boolean;
  /** The school day the rule proposes for the next conversation; null when none is due. */
  @DateColumn({ nullable: true, name: "proposed_date" }) proposedDate: string | null;
  /** The school's date the judgement holds for; another date means it is stale. */
  @DateColumn({ name: "judged_on" }) judgedOn: string;
}

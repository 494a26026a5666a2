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
  /** First and last day of the period the rule was judged over. */
  @DateColumn({ name: "period_start" }) periodStart: string;
  @DateColumn({ name: "period_end" }) periodEnd: string;
  /** Conversations the period requires, and those held in it. */
  @Column({ type: "integer" }) required: number;
  @Column({ type: "integer" }) held: number;
  /** Due dates passed without enough conversations held. */
  @Column({ type: "integer" }) missed: number;
  /** The first due date not yet covered; null when all are. */
  @DateColumn({ nullable: true, name: "next_due_date" }) nextDueDate: string | null;
  @Column({ type: "boolean", name: "is_overdue" }) isOverdue: boolean;
  /** The school's date the judgement holds for; another date means it is stale. */
  @DateColumn({ name: "judged_on" }) judgedOn: string;
}

import { Column, Entity, ForeignKey, Index, PrimaryColumn } from "typeorm";
import { MomentColumn, RefColumn } from "../../db/columns.js";

/** Whether the student can carry out a werkproces at this placement. */
export const WERKPROCES_STATES = ["kan_hier", "nog_niet", "kan_hier_niet"] as const;

/** One state of a werkproces at a placement. */
export type WerkprocesState = (typeof WERKPROCES_STATES)[number];

/**
 * A werkproces of the programme marked for one placement ("kan ik hier uitvoeren / nog niet /
 * kan hier niet"); kept per placement across its conversations.
 */
@Entity("placement_werkproces")
export class PlacementWerkproces {
  @PrimaryColumn({ type: "varchar", length: 36, name: "placement_id" })
  @ForeignKey("Placement", { onDelete: "CASCADE" })
  placementId: string;
  @PrimaryColumn({ type: "varchar", length: 36, name: "werkproces_id" })
  @ForeignKey("Werkproces", { onDelete: "CASCADE" })
  @Index()
  werkprocesId: string;
  @Column({ type: "varchar", length: 16 })
  state: WerkprocesState;
  @RefColumn("Person", { name: "updated_by_id" })
  updatedById: string;
  @MomentColumn({ name: "updated_at" })
  updatedAt: Date;
}

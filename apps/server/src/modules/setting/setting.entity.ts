import { Column, Entity, PrimaryColumn } from "typeorm";

/** Server-wide values that must outlive restarts and be shared by every server process. */
@Entity("setting")
export class Setting {
  @PrimaryColumn({ type: "varchar", length: 60 }) key: string;
  @Column({ type: "text" }) value: string;
}

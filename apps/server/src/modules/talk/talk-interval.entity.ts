import type { ParticipantRole, PhaseKey } from "@driehoek/domain";
import { Column, Entity, Index } from "typeorm";
import { IdColumn, MomentColumn, RefColumn } from "../../db/columns.js";

/** How a speaking interval was measured. */
export const TALK_SOURCES = ["VAD", "ENERGY", "TAP"] as const;
export type TalkSource = (typeof TALK_SOURCES)[number];

/**
 * One stretch of time one role was speaking in a conversation, inside one section period: "the
 * student spoke from t1 to t2". No audio, no words: only the two moments. An interval that spans
 * a section move is stored as one row per section (docs/TALK-METER.md).
 */
@Entity("talk_interval")
@Index(["conversationId", "role", "startedAt"])
export class TalkInterval {
  @IdColumn() id: string;
  @RefColumn("Conversation", { name: "conversation_id", onDelete: "CASCADE" })
  conversationId: string;
  /** Who was speaking. */
  @Column({ type: "varchar", length: 20 }) role: ParticipantRole;
  /** Who reported it: the speaker's own device, or the begeleider tapping on a shared one. */
  @RefColumn("Person", { name: "reported_by" }) reportedBy: string;
  @Column({ type: "varchar", length: 10 }) source: TalkSource;
  /** The phase and section running at the time; null outside every section period. */
  @Column({ type: "varchar", length: 10, nullable: true }) phase: PhaseKey | null;
  @Column({ type: "varchar", length: 40, nullable: true }) section: string | null;
  @MomentColumn({ name: "started_at" }) startedAt: Date;
  @MomentColumn({ name: "ended_at" }) endedAt: Date;
  @Column({ type: "integer", name: "duration_ms" }) durationMs: number;
}

import type { Services } from "../../context.js";
import { momentFrom } from "../../db/columns.js";
import type { ConversationChangeEvent, ConversationChangeKind } from "../../events.js";
import { Conversation } from "./conversation.entity.js";

/** Where a conversation stands: what every change event carries besides what changed. */
export type ConversationStanding = Pick<
  Conversation,
  "id" | "phase" | "section" | "phaseStartedAt" | "sectionStartedAt" | "status" | "version"
>;

/**
 * Where a conversation stands as the write that changed its record left it, and whether anyone
 * has signed it: what follows a changed record needs (see recordChanged).
 */
export interface RecordStanding {
  conversation: ConversationStanding;
  hasSignatures: boolean;
}

/** Where a conversation stands, as one row of STANDING_COLUMNS. */
export interface StandingRow {
  phase: ConversationStanding["phase"];
  section: string | null;
  phase_started_at: string | null;
  section_started_at: string | null;
  status: ConversationStanding["status"];
  version: number | string;
  has_signatures: boolean | number;
}

/** The columns of a StandingRow, read from (or returned by a write to) `conversation`. */
export const STANDING_COLUMNS = `phase, section, phase_started_at, section_started_at, status, version,
  EXISTS (SELECT 1 FROM signature WHERE signature.conversation_id = conversation.id) AS has_signatures`;

/** Conversation `id`'s standing from its StandingRow. */
export function standingOf(id: string, row: StandingRow): RecordStanding {
  return {
    conversation: {
      id,
      phase: row.phase,
      section: row.section,
      phaseStartedAt: momentFrom(row.phase_started_at),
      sectionStartedAt: momentFrom(row.section_started_at),
      status: row.status,
      version: Number(row.version),
    },
    hasSignatures: Boolean(row.has_signatures),
  };
}

/** The event that reports `kinds` as changed in `c`, with where `c` stands now. */
export function changeOf(
  c: ConversationStanding,
  kinds: ConversationChangeKind[],
): ConversationChangeEvent {
  return {
    conversationId: c.id,
    kinds,
    phase: c.phase,
    section: c.section,
    startedAt: c.phaseStartedAt,
    sectionStartedAt: c.sectionStartedAt,
    status: c.status,
    version: c.version,
  };
}

/** Tells the conversation's subscribers what changed. Call it after the change is committed. */
export function publishChange(
  services: Services,
  c: ConversationStanding,
  kinds: ConversationChangeKind[],
): void {
  services.events.publish("conversationChanged", c.id, changeOf(c, kinds));
}

/** Reads the conversation as committed now and tells its subscribers that `kinds` changed. */
export async function announceChange(
  services: Services,
  conversationId: string,
  kinds: ConversationChangeKind[],
): Promise<void> {
  const c = await services.dataSource.manager.findOneBy(Conversation, { id: conversationId });
  if (c) publishChange(services, c, kinds);
}

import { randomUUID } from "node:crypto";
import {
  type ConversationStatus,
  canTransition,
  type GuidePosition,
  isAwaitingSignatures,
  isLive,
  isPlanned,
  type PhaseKey,
  schoolToday,
  startPosition,
} from "@driehoek/domain";
import type { EntityManager } from "typeorm";
import type { ConversationAccess } from "../../access/conversation-access.js";
import type { Services } from "../../context.js";
import { inTransaction } from "../../db/transaction.js";
import type { ConversationChangeKind } from "../../events.js";
import { conflict } from "../../graphql/errors.js";
import { refreshFrequency } from "../placement/frequency-state.js";
import { Conversation } from "./conversation.entity.js";
import { publishChange } from "./conversation-changes.js";
import { PhasePeriod } from "./phase-period.entity.js";
import { recordSectionMove } from "./section-periods.js";

/** A change of the conversation's place in the guide and/or its status. */
interface Move {
  status: ConversationStatus;
  position: GuidePosition | null;
  action: string;
}

async function closeOpenPeriod(manager: EntityManager, conversationId: string, at: Date) {
  await manager
    .createQueryBuilder()
    .update(PhasePeriod)
    .set({ endedAt: at })
    .where("conversation_id = :conversationId AND ended_at IS NULL", { conversationId })
    .execute();
}

/**
 * Moves a conversation through the guide and its life cycle. Each move is one transaction
 * guarded by the conversation's version, so two quick clicks can never skip a phase; the
 * change is pushed to subscribers only after it is committed.
 */
export class ConversationMover {
  constructor(private readonly services: Services) {}

  /** Applies `move` to the conversation as the caller last loaded it. */
  async apply(access: ConversationAccess, move: Move): Promise<Conversation> {
    const before = access.conversation;
    if (before.status !== move.status && !canTransition(before.status, move.status)) {
      throw conflict(
        `A ${before.status} conversation cannot become ${move.status}.`,
        "invalid_transition",
      );
    }
    const at = this.services.now();
    const phaseChanges = move.position?.phase !== before.phase;
    const sectionChanges = phaseChanges || move.position?.section !== before.section;
    const after: Partial<Conversation> = {
      status: move.status,
      phase: move.position?.phase ?? before.phase,
      section: move.position?.section ?? before.section,
      phaseStartedAt: move.position && phaseChanges ? at : before.phaseStartedAt,
      sectionStartedAt: move.position && sectionChanges ? at : before.sectionStartedAt,
      version: before.version + 1,
    };
    if (isLive(move.status) && !before.startedAt) after.startedAt = at;
    if (isAwaitingSignatures(move.status)) after.endedAt = at;

    const updated = await inTransaction(this.services.dataSource, async (manager) => {
      const result = await manager.update(
        Conversation,
        { id: before.id, version: before.version },
        after,
      );
      if (!result.affected) {
        throw conflict("The conversation moved on meanwhile; look again and retry.", "stale");
      }
      if (phaseChanges || isAwaitingSignatures(move.status))
        await closeOpenPeriod(manager, before.id, at);
      if (move.status !== before.status) {
        await refreshFrequency(manager, before.placementId, schoolToday(at));
      }
      if (move.position && phaseChanges && isLive(move.status)) {
        await manager.insert(PhasePeriod, {
          id: randomUUID(),
          conversationId: before.id,
          phase: move.position.phase,
          startedAt: at,
          endedAt: null,
        });
      }
      await recordSectionMove(manager, before.id, at, {
        closes: sectionChanges || isAwaitingSignatures(move.status),
        opens: move.position && sectionChanges && isLive(move.status) ? move.position : null,
      });
      await this.services.audit.record(
        {
          actorId: access.viewer.personId,
          action: move.action,
          subjectType: "conversation",
          subjectId: before.id,
          detail: { phase: after.phase, section: after.section, status: after.status },
        },
        manager,
      );
      return manager.findOneByOrFail(Conversation, { id: before.id });
    });
    const kinds: ConversationChangeKind[] = [];
    if (phaseChanges && move.position) kinds.push("PHASE");
    if (move.position) kinds.push("SECTION");
    if (move.status !== before.status) kinds.push("STATUS");
    publishChange(this.services, updated, kinds);
    return updated;
  }

  /** Starts a planned conversation at the first section of Inleiding. */
  start(access: ConversationAccess) {
    return this.apply(access, {
      status: "live",
      position: startPosition(),
      action: "conversation.started",
    });
  }

  /** Moves a live conversation to `position`. */
  moveTo(access: ConversationAccess, position: GuidePosition, action: string) {
    return this.apply(access, { status: "live", position, action });
  }

  /** Ends a live conversation (after Afronden, before signing). */
  end(access: ConversationAccess) {
    return this.apply(access, { status: "ended", position: null, action: "conversation.ended" });
  }
}

/** Throws CONFLICT unless the conversation is live and, if given, in the expected phase. */
export function assertLiveIn(conversation: Conversation, expectedPhase?: PhaseKey | null): void {
  if (!isLive(conversation.status)) {
    throw conflict(
      isPlanned(conversation.status)
        ? "The conversation has not started yet."
        : "The conversation is over; its phases no longer move.",
      "not_live",
    );
  }
  if (expectedPhase && conversation.phase !== expectedPhase) {
    throw conflict("The conversation moved on meanwhile; look again and retry.", "stale");
  }
}

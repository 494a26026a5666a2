import { randomUUID } from "node:crypto";
import { isLive, type ParticipantRole } from "@driehoek/domain";
import { Brackets } from "typeorm";
import type { ConversationAccess } from "../../access/conversation-access.js";
import type { Services } from "../../context.js";
import { lockConversation } from "../../db/row-lock.js";
import { inTransaction } from "../../db/transaction.js";
import { appError, badInput, conflict, forbidden } from "../../graphql/errors.js";
import { announceChange } from "../conversation/conversation-changes.js";
import { SectionPeriod } from "../conversation/section-period.entity.js";
import type { TalkIntervalInput } from "./talk.types.js";
import { TalkInterval } from "./talk-interval.entity.js";
import {
  CallWindow,
  normaliseBatch,
  type Span,
  type SubmittedSpan,
  splitByPeriods,
  TalkRefusal,
  withoutStored,
} from "./talk-rules.js";
import { type TalkShareValue, talkShareOf } from "./talk-share.js";

/** Calls per person per conversation (one window per server process; docs/TALK-METER.md). */
const calls = new CallWindow();

/** Whose speech each interval is: TAP only by the begeleider, otherwise the caller's own. */
function speakerOf(
  access: ConversationAccess,
  input: TalkIntervalInput,
  i: number,
): ParticipantRole {
  const myRole = access.myRole;
  if (!myRole) throw forbidden("Only the three who take part report who is talking.");
  if (input.source === "TAP") {
    if (myRole !== "bpv_begeleider") {
      throw forbidden("Only the BPV-begeleider taps who is talking on a shared device.");
    }
    if (!input.role) throw badInput(`Interval ${i + 1}: a tap names who is talking.`);
    if (!access.participants.some((p) => p.role === input.role)) {
      throw badInput(`Interval ${i + 1}: nobody takes part as ${input.role}.`);
    }
    return input.role;
  }
  if (input.role && input.role !== myRole) {
    throw forbidden("A device reports only its own user's speech; tap mode is for the others.");
  }
  return myRole;
}

/**
 * Stores a batch of speaking intervals of a live conversation, split per section period, and
 * tells the conversation's subscribers (kind TALK). All or nothing: a refused batch stores
 * nothing. Returns the conversation's shares after the batch.
 */
export async function submitTalk(
  services: Services,
  access: ConversationAccess,
  intervals: TalkIntervalInput[],
): Promise<TalkShareValue> {
  const { conversation, viewer } = access;
  const now = services.now().getTime();
  if (!calls.take(`${viewer.personId}/${conversation.id}`, now)) {
    throw appError(
      "BAD_USER_INPUT",
      "Too many reports in a minute; send them in larger batches.",
      "talk_rate",
    );
  }
  if (!isLive(conversation.status) || !conversation.startedAt) {
    throw conflict("Speech is measured only while the conversation runs.", "not_live");
  }
  const batch: SubmittedSpan[] = intervals.map((input, i) => ({
    role: speakerOf(access, input, i),
    start: input.startedAt.getTime(),
    end: input.endedAt.getTime(),
  }));
  const sources = new Map<ParticipantRole, TalkIntervalInput["source"]>();
  for (const [i, input] of intervals.entries()) {
    sources.set(batch[i]?.role as ParticipantRole, input.source);
  }

  let byRole: Map<ParticipantRole, Span[]>;
  try {
    byRole = normaliseBatch(batch, conversation.startedAt.getTime(), now);
  } catch (error) {
    if (error instanceof TalkRefusal) throw badInput(error.message);
    throw error;
  }

  const stored = await inTransaction(services.dataSource, async (manager) => {
    await lockConversation(manager, conversation.id);
    const periods = await manager.findBy(SectionPeriod, { conversationId: conversation.id });
    const periodSpans = periods.map((p) => ({
      phase: p.phase,
      section: p.section,
      start: p.startedAt.getTime(),
      end: p.endedAt?.getTime() ?? null,
    }));
    const rows: Partial<TalkInterval>[] = [];
    for (const [role, spans] of byRole) {
      const first = spans[0];
      const last = spans.at(-1);
      if (!first || !last) continue;
      const near = await manager
        .createQueryBuilder(TalkInterval, "t")
        .where("t.conversation_id = :id AND t.role = :role", { id: conversation.id, role })
        .andWhere(
          new Brackets((q) =>
            q.where("t.ended_at > :from AND t.started_at < :to", {
              from: new Date(first.start).toISOString(),
              to: new Date(last.end).toISOString(),
            }),
          ),
        )
        .getMany();
      let fresh: Span[];
      try {
        fresh = withoutStored(
          spans,
          near.map((t) => ({ start: t.startedAt.getTime(), end: t.endedAt.getTime() })),
        );
      } catch (error) {
        if (error instanceof TalkRefusal) throw badInput(error.message);
        throw error;
      }
      for (const span of fresh) {
        for (const piece of splitByPeriods(span, periodSpans, now)) {
          rows.push({
            id: randomUUID(),
            conversationId: conversation.id,
            role,
            reportedBy: viewer.personId,
            source: sources.get(role) ?? "VAD",
            phase: piece.phase,
            section: piece.section,
            startedAt: new Date(piece.start),
            endedAt: new Date(piece.end),
            durationMs: Math.round(piece.end - piece.start),
          });
        }
      }
    }
    if (rows.length > 0) await manager.insert(TalkInterval, rows);
    return rows.length;
  });
  if (stored > 0) await announceChange(services, conversation.id, ["TALK"]);
  return talkShareOf(services.dataSource.manager, conversation.id);
}

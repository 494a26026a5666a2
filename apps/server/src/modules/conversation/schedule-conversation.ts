import { randomUUID } from "node:crypto";
import { type ParticipantRole, schoolToday } from "@driehoek/domain";
import type { Services, Viewer } from "../../context.js";
import { inTransaction } from "../../db/transaction.js";
import { badInput } from "../../graphql/errors.js";
import { createInvite, inviteUrl } from "../invite/invite-links.js";
import { Person } from "../people/person.entity.js";
import { refreshFrequency } from "../placement/frequency-state.js";
import type { Placement } from "../placement/placement.entity.js";
import { afterConversationPlanned } from "../planning/plan-conversation.js";
import type { PlanDetailsInput } from "../planning/planning.types.js";
import { Student } from "../school/student.entity.js";
import { Conversation, type ConversationMode } from "./conversation.entity.js";
import type { ScheduledConversation } from "./conversation.types.js";
import { publishChange } from "./conversation-changes.js";
import { ConversationParticipant } from "./participant.entity.js";

const LATEST_YEAR = 2100;

/**
 * Plans a conversation for a placement: the student, the praktijkopleider and the
 * BPV-begeleider take part, and each gets a personal invite link. One transaction.
 */
export async function scheduleConversation(
  services: Services,
  viewer: Viewer,
  placement: Placement,
  request: { scheduledAt: Date; mode: ConversationMode } & Partial<PlanDetailsInput>,
): Promise<ScheduledConversation> {
  const time = request.scheduledAt.getTime();
  if (Number.isNaN(time) || request.scheduledAt.getUTCFullYear() > LATEST_YEAR) {
    throw badInput("scheduledAt is not a usable date.");
  }
  const student = await services.dataSource.manager.findOneByOrFail(Student, {
    id: placement.studentId,
  });
  const roles: [ParticipantRole, string][] = [
    ["student", student.personId],
    ["praktijkopleider", placement.praktijkopleiderId],
    ["bpv_begeleider", placement.begeleiderId],
  ];
  const scheduled = await inTransaction(services.dataSource, async (manager) => {
    const conversation: Conversation = {
      id: randomUUID(),
      placementId: placement.id,
      scheduledAt: request.scheduledAt,
      mode: request.mode,
      status: "planned",
      phase: null,
      section: null,
      phaseStartedAt: null,
      sectionStartedAt: null,
      startedAt: null,
      endedAt: null,
      signedAt: null,
      summary: null,
      conclusion: null,
      conclusionMotivation: null,
      studentConclusion: null,
      studentMotivation: null,
      sharedNotes: null,
      recordJson: null,
      recordHash: null,
      version: 1,
      createdById: viewer.personId,
      createdAt: services.now(),
    };
    await manager.insert(Conversation, conversation);
    await refreshFrequency(manager, placement.id, schoolToday(services.now()));
    const invites = [];
    for (const [role, personId] of roles) {
      await manager.insert(ConversationParticipant, {
        id: randomUUID(),
        conversationId: conversation.id,
        personId,
        role,
      });
      const invite = await createInvite(services, manager, {
        conversationId: conversation.id,
        personId,
        role,
        scheduledAt: request.scheduledAt,
      });
      const person = await manager.findOneByOrFail(Person, { id: personId });
      invites.push({ invite, person, url: inviteUrl(services, invite), hasEmail: !!person.email });
    }
    await afterConversationPlanned(services, manager, conversation, request);
    await services.audit.record(
      {
        actorId: viewer.personId,
        action: "conversation.scheduled",
        subjectType: "conversation",
        subjectId: conversation.id,
        detail: { placementId: placement.id, scheduledAt: request.scheduledAt.toISOString() },
      },
      manager,
    );
    return { conversation, invites };
  });
  // For the placement's earlier conversations this is the next one: their pages show it.
  const all = await services.dataSource.manager.findBy(Conversation, { placementId: placement.id });
  for (const c of all.filter((c) => c.scheduledAt < request.scheduledAt)) {
    publishChange(services, c, ["NEXT_CONVERSATION"]);
  }
  return scheduled;
}

import { LIMITS, type ParticipantRole } from "@driehoek/domain";
import type { EntityManager } from "typeorm";
import type { RequestContext, Viewer } from "../context.js";
import { badInput, forbidden, notFound } from "../graphql/errors.js";
import { Conversation } from "../modules/conversation/conversation.entity.js";
import { ConversationParticipant } from "../modules/conversation/participant.entity.js";
import { Person } from "../modules/people/person.entity.js";
import { Placement } from "../modules/placement/placement.entity.js";
import { Student } from "../modules/school/student.entity.js";
import { requireViewer } from "./guards.js";

/** A conversation as one caller may see it, with what the access decision was based on. */
export interface ConversationAccess {
  viewer: Viewer;
  conversation: Conversation;
  placement: Placement;
  participants: ConversationParticipant[];
  /** The caller's role in this conversation; null for staff who read without taking part. */
  myRole: ParticipantRole | null;
}

/** What the caller wants to do with the conversation. */
export type ConversationNeed = "view" | "lead";

/** Is the viewer responsible for the placement without taking part in this conversation? */
async function isResponsibleFor(
  manager: EntityManager,
  viewer: Viewer,
  placement: Placement,
): Promise<boolean> {
  if (viewer.inviteId) return false;
  if (viewer.role === "admin") return true;
  if (viewer.role === "bpv_begeleider") return placement.begeleiderId === viewer.personId;
  if (viewer.role === "trajectbegeleider") {
    const student = await manager.findOneBy(Student, { id: placement.studentId });
    return student?.trajectbegeleiderId === viewer.personId;
  }
  return false;
}

/**
 * Loads a conversation for the caller, or throws NOT_FOUND / FORBIDDEN. A person sees the
 * conversations they take part in or are responsible for; an invite opens only its own
 * conversation; a praktijkopleider only ever sees students placed at their own company;
 * only the BPV-begeleider leads. Reading a record one does not take part in is audit-logged.
 */
export async function openConversation(
  ctx: RequestContext,
  conversationId: string,
  need: ConversationNeed = "view",
): Promise<ConversationAccess> {
  const viewer = requireViewer(ctx);
  if (conversationId.length > LIMITS.id) throw badInput("That is not a conversation id.");
  const manager = ctx.services.dataSource.manager;
  const conversation = await manager.findOneBy(Conversation, { id: conversationId });
  if (!conversation) throw notFound("Conversation");
  if (viewer.conversationId && viewer.conversationId !== conversation.id) {
    throw forbidden("Your invite opens another conversation, not this one.");
  }
  const placement = await manager.findOneByOrFail(Placement, { id: conversation.placementId });
  const participants = await manager.findBy(ConversationParticipant, {
    conversationId: conversation.id,
  });
  const me = participants.find((p) => p.personId === viewer.personId);
  const myRole = me?.role ?? null;

  if (viewer.role === "praktijkopleider") {
    const person = await manager.findOneBy(Person, { id: viewer.personId });
    if (!person?.companyId || person.companyId !== placement.companyId) {
      throw forbidden("This student is not placed at your company.");
    }
  }
  const responsible = !me && (await isResponsibleFor(manager, viewer, placement));
  if (!me && !responsible) throw forbidden("You do not take part in this conversation.");

  if (need === "lead") {
    const leads =
      viewer.role === "bpv_begeleider" &&
      (myRole === "bpv_begeleider" || placement.begeleiderId === viewer.personId);
    if (!leads) throw forbidden("Only the conversation's BPV-begeleider leads the conversation.");
  }
  if (!me) {
    await ctx.services.audit.record({
      actorId: viewer.personId,
      action: need === "lead" ? "conversation.led_by_non_participant" : "conversation.accessed",
      subjectType: "conversation",
      subjectId: conversation.id,
      detail: { role: viewer.role },
    });
  }
  return { viewer, conversation, placement, participants, myRole };
}

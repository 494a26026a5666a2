import { isPlanned } from "@driehoek/domain";
import type { EntityManager } from "typeorm";
import type { Services } from "../../context.js";
import { lockConversation } from "../../db/row-lock.js";
import { inTransaction } from "../../db/transaction.js";
import { badInput, conflict, notFound } from "../../graphql/errors.js";
import { Conversation, type ConversationMode } from "../conversation/conversation.entity.js";
import { Invite } from "../invite/invite.entity.js";
import { createInvite } from "../invite/invite-links.js";
import { dropQueuedReminders } from "../mail/outbox.js";
import { Person } from "../people/person.entity.js";
import {
  planOf,
  queueCancellationMails,
  queueConversationMails,
  queueReminders,
} from "./conversation-mails.js";
import { ConversationPlan } from "./conversation-plan.entity.js";
import { planDetails } from "./plan-conversation.js";
import type { PlanDetailsInput } from "./planning.types.js";
import type { PlanningAccess } from "./planning-access.js";

const LATEST_YEAR = 2100;
const DAY_MS = 24 * 3600_000;

/** A usable start: a real date, not absurdly far away. */
function checkStart(startsAt: Date): void {
  if (Number.isNaN(startsAt.getTime()) || startsAt.getUTCFullYear() > LATEST_YEAR) {
    throw badInput("startsAt is not a usable date.");
  }
}

/**
 * Moves a planned conversation to a new time (and place): the calendar entry's SEQUENCE goes
 * up, open invites stay valid until some days after the new date, everyone with an e-mail
 * address gets the update, and the reminders are set for the new day.
 */
export async function moveConversation(
  services: Services,
  access: PlanningAccess,
  change: { startsAt: Date; mode?: ConversationMode | null } & Partial<PlanDetailsInput>,
): Promise<Conversation> {
  checkStart(change.startsAt);
  const { conversation, viewer } = access;
  const details = planDetails(change);
  const mode = change.mode ?? conversation.mode;
  return inTransaction(services.dataSource, async (tx) => {
    if (!(await lockConversation(tx, conversation.id))) throw notFound("Conversation");
    const current = await tx.findOneByOrFail(Conversation, { id: conversation.id });
    if (!isPlanned(current.status)) {
      throw conflict("This conversation has already started.", "not_planned");
    }
    const plan = await planOf(tx, conversation.id);
    await tx.update(
      Conversation,
      { id: conversation.id },
      { scheduledAt: change.startsAt, mode, version: current.version + 1 },
    );
    await tx.upsert(
      ConversationPlan,
      { conversationId: conversation.id, ...details, sequence: plan.sequence + 1 },
      ["conversationId"],
    );
    await extendOpenInvites(services, tx, conversation.id, change.startsAt);
    await dropQueuedReminders(tx, { conversationId: conversation.id });
    await queueConversationMails(services, tx, conversation.id, "update");
    await queueReminders(services, tx, conversation.id);
    await services.audit.record(
      {
        actorId: viewer.personId,
        action: "conversation.moved",
        subjectType: "conversation",
        subjectId: conversation.id,
        detail: {
          from: current.scheduledAt.toISOString(),
          to: change.startsAt.toISOString(),
          sequence: plan.sequence + 1,
        },
      },
      tx,
    );
    return tx.findOneByOrFail(Conversation, { id: conversation.id });
  });
}

async function extendOpenInvites(
  services: Services,
  tx: EntityManager,
  conversationId: string,
  startsAt: Date,
): Promise<void> {
  // Criteria of an update skip the column's transformer: the open ones are chosen in SQL.
  await tx
    .createQueryBuilder()
    .update(Invite)
    .set({ expiresAt: new Date(startsAt.getTime() + services.config.inviteTtlDays * DAY_MS) })
    .where("conversation_id = :conversationId AND revoked_at IS NULL", { conversationId })
    .execute();
}

/**
 * Calls a planned conversation off. A planned conversation holds no record yet, so it is
 * deleted (with its invites and anything prepared in its documents); each participant with an
 * e-mail address gets a cancellation (METHOD:CANCEL) that removes the calendar entry. Returns
 * the ids of the invites that ended, whose sessions must close.
 */
export async function cancelConversation(
  services: Services,
  access: PlanningAccess,
  reason: string | null,
): Promise<string[]> {
  const { conversation, viewer } = access;
  return inTransaction(services.dataSource, async (tx) => {
    await lockConversation(tx, conversation.id);
    const current = await tx.findOneBy(Conversation, { id: conversation.id });
    if (!current) throw notFound("Conversation");
    if (!isPlanned(current.status)) {
      throw conflict("This conversation has already started.", "not_planned");
    }
    const plan = await planOf(tx, conversation.id);
    await tx.upsert(ConversationPlan, { ...plan, sequence: plan.sequence + 1 }, ["conversationId"]);
    await queueCancellationMails(services, tx, conversation.id, reason);
    const invites = await tx.findBy(Invite, { conversationId: conversation.id });
    const docs = [conversation.id, `${conversation.id}/private`];
    const isPostgres = services.dataSource.options.type === "postgres";
    const list = isPostgres ? "$1, $2" : "?, ?";
    await tx.query(`DELETE FROM collab_update WHERE doc_name IN (${list})`, docs);
    await tx.query(`DELETE FROM collab_snapshot WHERE doc_name IN (${list})`, docs);
    await tx.delete(Conversation, { id: conversation.id });
    await services.audit.record(
      {
        actorId: viewer.personId,
        action: "conversation.cancelled",
        subjectType: "conversation",
        subjectId: conversation.id,
        detail: {
          placementId: conversation.placementId,
          scheduledAt: current.scheduledAt.toISOString(),
          reason,
        },
      },
      tx,
    );
    return invites.map((i) => i.id);
  });
}

/** Loads an invite of the conversation being planned; it must be open (not revoked, not expired). */
export async function openInvite(
  services: Services,
  inviteId: string,
): Promise<Invite & { person: Person }> {
  const manager = services.dataSource.manager;
  const invite = await manager.findOneBy(Invite, { id: inviteId });
  if (!invite) throw notFound("Invite");
  const person = await manager.findOneByOrFail(Person, { id: invite.personId });
  return Object.assign(invite, { person });
}

/** Sends a participant's invitation again, with the same link. */
export async function resendInvite(
  services: Services,
  access: PlanningAccess,
  invite: Invite & { person: Person },
): Promise<void> {
  if (invite.revokedAt) throw conflict("This invite link has been revoked.", "invite_revoked");
  if (invite.expiresAt <= services.now()) {
    throw conflict("This invite link has expired.", "invite_expired");
  }
  if (!invite.person.email) {
    throw badInput("This participant has no e-mail address; copy the link instead.");
  }
  await inTransaction(services.dataSource, async (tx) => {
    await queueConversationMails(services, tx, invite.conversationId, "invitation", [invite.id]);
    await services.audit.record(
      {
        actorId: access.viewer.personId,
        action: "invite.resent",
        subjectType: "invite",
        subjectId: invite.id,
        detail: { conversationId: invite.conversationId, role: invite.role },
      },
      tx,
    );
  });
}

/**
 * Revokes a participant's link and makes a new one, sent to them when they have an e-mail
 * address (with the reminder moved to the new link). Returns the new invite; the old one's
 * sessions must close.
 */
export async function reissueInvite(
  services: Services,
  access: PlanningAccess,
  old: Invite & { person: Person },
): Promise<Invite> {
  return inTransaction(services.dataSource, async (tx) => {
    const revokedAt = services.now();
    if (!old.revokedAt) await tx.update(Invite, { id: old.id }, { revokedAt });
    const fresh = await createInvite(services, tx, {
      conversationId: old.conversationId,
      personId: old.personId,
      role: old.role,
      scheduledAt: access.conversation.scheduledAt,
    });
    await dropQueuedReminders(tx, { inviteId: old.id });
    // A link lost before or during the conversation goes out by mail; afterwards it is copied.
    const isUpcoming = ["planned", "live"].includes(access.conversation.status);
    if (old.person.email && isUpcoming) {
      await queueConversationMails(services, tx, old.conversationId, "invitation", [fresh.id]);
      if (isPlanned(access.conversation.status)) {
        await queueReminders(services, tx, old.conversationId, [fresh.id]);
      }
    }
    await services.audit.record(
      {
        actorId: access.viewer.personId,
        action: "invite.reissued",
        subjectType: "invite",
        subjectId: fresh.id,
        detail: { conversationId: old.conversationId, role: old.role, revoked: old.id },
      },
      tx,
    );
    return fresh;
  });
}

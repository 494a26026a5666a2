import { randomUUID } from "node:crypto";
import type { ParticipantRole } from "@driehoek/domain";
import type { EntityManager } from "typeorm";
import { inviteToken } from "../../auth/tokens.js";
import type { Services } from "../../context.js";
import { Invite } from "./invite.entity.js";

/** The personal link for an invite: `<public url>/join/<token>`. */
export function inviteUrl(services: Services, invite: Pick<Invite, "id">): string {
  return `${services.config.publicUrl}/join/${inviteToken(services.serverKey, invite.id)}`;
}

/** Creates one invite for one participant, valid until some days after the conversation. */
export async function createInvite(
  services: Services,
  manager: EntityManager,
  invite: { conversationId: string; personId: string; role: ParticipantRole; scheduledAt: Date },
): Promise<Invite> {
  const created: Invite = {
    id: randomUUID(),
    conversationId: invite.conversationId,
    personId: invite.personId,
    role: invite.role,
    expiresAt: new Date(
      invite.scheduledAt.getTime() + services.config.inviteTtlDays * 24 * 3600 * 1000,
    ),
    revokedAt: null,
    lastUsedAt: null,
    createdAt: services.now(),
  };
  await manager.insert(Invite, created);
  return created;
}

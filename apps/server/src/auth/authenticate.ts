import { isStaffRole } from "@driehoek/domain";
import type { Services, Viewer } from "../context.js";
import { Conversation } from "../modules/conversation/conversation.entity.js";
import { Invite } from "../modules/invite/invite.entity.js";
import { Person } from "../modules/people/person.entity.js";
import { StaffSession } from "../modules/session/staff-session.entity.js";
import { type AccessClaims, verifyAccessToken } from "./tokens.js";

/** The outcome of checking an `Authorization` value: a viewer, nobody, or a refusal. */
export type Authentication =
  | { viewer: Viewer; problem: null }
  | { viewer: null; problem: null }
  | { viewer: null; problem: string };

const refused = (problem: string): Authentication => ({ viewer: null, problem });

/**
 * Establishes who is calling from `Bearer <token>`. Invite-based tokens are checked against
 * their invite on every use, so revoking an invite ends them at once. A signed conversation
 * stays open to its invites until they expire, read-only: the three keep access to the record
 * they signed (to read, verify and download it), and every write refuses a locked record.
 */
export async function authenticate(
  services: Services,
  authorization: string | undefined | null,
): Promise<Authentication> {
  if (!authorization) return { viewer: null, problem: null };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match?.[1]) return refused("The Authorization header must be 'Bearer <token>'.");
  const now = services.now();
  const claims = verifyAccessToken(services.serverKey, match[1], Math.floor(now.getTime() / 1000));
  if (claims === "expired")
    return refused("Your session has expired; open your link or log in again.");
  if (typeof claims === "string") return refused("This access token is not valid.");
  return authenticateClaims(services, claims);
}

/**
 * Checks a verified token's claims against the database: its invite (invite tokens) or its
 * session and account (staff tokens). One query either way; a `{ me }` costs the same as it
 * did before sessions had rows. Also used when a collaboration ticket is redeemed.
 */
export async function authenticateClaims(
  services: Services,
  claims: AccessClaims,
): Promise<Authentication> {
  const now = services.now();
  if (claims.exp * 1000 <= now.getTime())
    return refused("Your session has expired; open your link or log in again.");
  const expiresAt = new Date(claims.exp * 1000);
  const manager = services.dataSource.manager;
  if (claims.inv) {
    const invite = await manager.findOneBy(Invite, { id: claims.inv });
    if (!invite || invite.personId !== claims.sub) return refused("This invite no longer exists.");
    if (invite.revokedAt) return refused("This invite has been revoked.");
    if (invite.expiresAt <= now) return refused("This invite has expired.");
    const conversation = await manager.findOne(Conversation, {
      where: { id: invite.conversationId },
      select: { id: true, status: true },
    });
    if (!conversation) return refused("This conversation no longer exists.");
    return {
      viewer: {
        personId: invite.personId,
        role: invite.role,
        conversationId: invite.conversationId,
        inviteId: invite.id,
        expiresAt,
      },
      problem: null,
    };
  }
  if (!claims.sid) return refused("This access token is from before sessions; log in again.");
  const row = await manager
    .createQueryBuilder(StaffSession, "session")
    .innerJoin(Person, "person", "person.id = session.person_id")
    .select("session.revoked_at", "revokedAt")
    .addSelect("person.id", "personId")
    .addSelect("person.role", "role")
    .addSelect("person.deactivated_at", "deactivatedAt")
    .where("session.id = :id", { id: claims.sid })
    .getRawOne<{
      revokedAt: string | null;
      personId: string;
      role: string;
      deactivatedAt: string | null;
    }>();
  if (!row || row.personId !== claims.sub)
    return refused("This session no longer exists; log in again.");
  if (!isStaffRole(row.role as Viewer["role"])) return refused("This account no longer exists.");
  if (row.deactivatedAt) return refused("This account has been deactivated.");
  if (row.revokedAt) return refused("You have been logged out; log in again.");
  return {
    viewer: {
      personId: row.personId,
      role: row.role as Viewer["role"],
      sessionId: claims.sid,
      expiresAt,
    },
    problem: null,
  };
}

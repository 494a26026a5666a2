import { CLOSE, parseRoom } from "@driehoek/collab";
import { isLocked, type ParticipantRole, type Role } from "@driehoek/domain";
import { GraphQLError } from "graphql";
import { openConversation } from "../access/conversation-access.js";
import { authenticateClaims } from "../auth/authenticate.js";
import { ticketKey } from "../auth/collab-tickets.js";
import type { AccessClaims } from "../auth/tokens.js";
import type { Services, Viewer } from "../context.js";
import { Person } from "../modules/people/person.entity.js";

/** Who is on a collaboration connection, and what they may do there. */
export interface CollabIdentity {
  personId: string;
  name: string;
  /** Their role in the conversation, or their staff role when only reading. */
  role: ParticipantRole | Role;
  conversationId: string;
  docName: string;
  isPrivate: boolean;
  canWrite: boolean;
  /** Why writes are refused, when they are. */
  readOnlyReason: string | null;
  inviteId: string | null;
  /** The staff session behind the connection (null for invite sessions). */
  sessionId: string | null;
  /** When the access token behind the connection expires: the connection closes then. */
  expiresAt: Date | null;
}

/** A refusal: the close code and a reason the client can show. */
export class CollabRefusal extends Error {
  constructor(
    readonly code: number,
    reason: string,
  ) {
    super(reason);
  }
}

const CODE_FOR: Record<string, number> = {
  UNAUTHENTICATED: CLOSE.unauthenticated,
  FORBIDDEN: CLOSE.forbidden,
  NOT_FOUND: CLOSE.notFound,
};

/**
 * Opens the door of `/collab/<room>` with the `ticket` parameter: a ticket from `collabTicket`,
 * for this room, not yet used and not expired; the session it was asked with must still be
 * valid. An access token in the URL (`token`) is refused, because URLs end up in proxy logs.
 */
export async function authorizeCollabSocket(
  services: Services,
  room: string,
  params: URLSearchParams,
): Promise<CollabIdentity> {
  if (params.has("token"))
    throw new CollabRefusal(
      CLOSE.unauthenticated,
      "Access tokens are not accepted in the URL; ask for a ticket (mutation collabTicket) and connect with ?ticket=.",
    );
  const presented = params.get("ticket");
  if (!presented)
    throw new CollabRefusal(
      CLOSE.unauthenticated,
      "Connect with ?ticket=<ticket> from the collabTicket mutation.",
    );
  const ticket =
    presented.length <= 128 ? await services.collabTickets.take(ticketKey(presented)) : null;
  if (!ticket)
    throw new CollabRefusal(
      CLOSE.unauthenticated,
      "This ticket is not valid or was already used; ask for a new one.",
    );
  if (ticket.expiresAt <= services.now().getTime())
    throw new CollabRefusal(CLOSE.unauthenticated, "This ticket has expired; ask for a new one.");
  if (ticket.docName !== room)
    throw new CollabRefusal(CLOSE.forbidden, "This ticket is for another document.");
  const auth = await authenticateClaims(services, ticket.claims);
  if (!auth.viewer)
    throw new CollabRefusal(CLOSE.unauthenticated, auth.problem ?? "Not logged in.");
  return authorizeCollab(services, room, auth.viewer);
}

/** The claims a viewer's access token carried (to be checked again when a ticket is used). */
export function claimsOf(viewer: Viewer): AccessClaims {
  return {
    sub: viewer.personId,
    role: viewer.role,
    ...(viewer.conversationId ? { cid: viewer.conversationId } : {}),
    ...(viewer.inviteId ? { inv: viewer.inviteId } : {}),
    ...(viewer.sessionId ? { sid: viewer.sessionId } : {}),
    exp: Math.floor((viewer.expiresAt?.getTime() ?? 0) / 1000),
  };
}

/**
 * Decides what a viewer may do with a room: participants write, readers (trajectbegeleider,
 * admin, a responsible supervisor who does not take part) only read, nobody writes once the
 * conversation is signed, and the private notes open only for the leading BPV-begeleider.
 * The same check runs when a ticket is asked for and when it is used.
 */
export async function authorizeCollab(
  services: Services,
  room: string,
  viewer: Viewer,
): Promise<CollabIdentity> {
  const parsed = parseRoom(room);
  if (!parsed) throw new CollabRefusal(CLOSE.notFound, "Unknown document.");
  try {
    const access = await openConversation(
      { services, viewer, authProblem: null },
      parsed.conversationId,
    );
    const { conversation, placement, myRole } = access;
    const leads =
      viewer.role === "bpv_begeleider" &&
      (myRole === "bpv_begeleider" || placement.begeleiderId === viewer.personId);
    if (parsed.isPrivate && !leads) {
      throw new CollabRefusal(CLOSE.forbidden, "Only the BPV-begeleider opens the private notes.");
    }
    const person = await services.dataSource.manager.findOneByOrFail(Person, {
      id: viewer.personId,
    });
    const readOnlyReason = isLocked(conversation.status)
      ? "The conversation is signed; its record is locked."
      : !myRole && !(parsed.isPrivate && leads)
        ? "You read along; only the three participants write."
        : null;
    return {
      personId: person.id,
      name: person.name,
      role: myRole ?? viewer.role,
      conversationId: conversation.id,
      docName: room,
      isPrivate: parsed.isPrivate,
      canWrite: readOnlyReason === null,
      readOnlyReason,
      inviteId: viewer.inviteId ?? null,
      sessionId: viewer.sessionId ?? null,
      expiresAt: viewer.expiresAt ?? null,
    };
  } catch (error) {
    if (error instanceof GraphQLError) {
      const code = CODE_FOR[String(error.extensions.code)] ?? CLOSE.forbidden;
      throw new CollabRefusal(code, error.message);
    }
    throw error;
  }
}

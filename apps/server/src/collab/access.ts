import { CLOSE, parseRoom } from "@driehoek/collab";
import { isLocked, type ParticipantRole, type Role } from "@driehoek/domain";
import { GraphQLError } from "graphql";
import { openConversation } from "../access/conversation-access.js";
import { authenticate } from "../auth/authenticate.js";
import type { Services } from "../context.js";
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
 * Decides what a token may do with a room: participants write, readers (trajectbegeleider,
 * admin, a responsible supervisor who does not take part) only read, nobody writes once the
 * conversation is signed, and the private notes open only for the leading BPV-begeleider.
 */
export async function authorizeCollab(
  services: Services,
  room: string,
  token: string | null,
): Promise<CollabIdentity> {
  const parsed = parseRoom(room);
  if (!parsed) throw new CollabRefusal(CLOSE.notFound, "Unknown document.");
  if (!token)
    throw new CollabRefusal(
      CLOSE.unauthenticated,
      "Send your access token as the `token` parameter.",
    );
  const auth = await authenticate(services, `Bearer ${token}`);
  if (!auth.viewer)
    throw new CollabRefusal(CLOSE.unauthenticated, auth.problem ?? "Not logged in.");
  try {
    const access = await openConversation(
      { services, viewer: auth.viewer, authProblem: null },
      parsed.conversationId,
    );
    const { viewer, conversation, placement, myRole } = access;
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
    };
  } catch (error) {
    if (error instanceof GraphQLError) {
      const code = CODE_FOR[String(error.extensions.code)] ?? CLOSE.forbidden;
      throw new CollabRefusal(code, error.message);
    }
    throw error;
  }
}

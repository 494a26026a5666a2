import type { Role } from "@driehoek/domain";
import type { DataSource } from "typeorm";
import { authenticate } from "./auth/authenticate.js";
import type { TicketStore } from "./auth/collab-tickets.js";
import type { Config } from "./config.js";
import type { EventBus } from "./events.js";
import type { AuditLog } from "./modules/audit/audit-log.js";

/** Who is calling, as established from their access token. */
export interface Viewer {
  personId: string;
  role: Role;
  /** Set for invite tokens: the one conversation they open. */
  conversationId?: string;
  inviteId?: string;
  /** Set for staff tokens: the session row the token belongs to. */
  sessionId?: string;
  /** When the presented access token expires. */
  expiresAt?: Date;
}

/** Long-lived things every request may use. */
export interface Services {
  config: Config;
  dataSource: DataSource;
  /** Signs tokens and invite links. */
  serverKey: Buffer;
  audit: AuditLog;
  /** Every event the server publishes (declared in events.ts): subscriptions and reactions. */
  events: EventBus;
  /** The live collaborative documents: brings a conversation's tables exactly up to date. */
  liveDocuments: { flush(conversationId: string): Promise<void> };
  /** Short-lived, single-use tickets that open a collaboration socket (auth/collab-tickets.ts). */
  collabTickets: TicketStore;
  /** Current time; tests may move it. */
  now(): Date;
}

/** Per-operation context handed to resolvers. */
export interface RequestContext {
  services: Services;
  viewer: Viewer | null;
  /** Why a presented token was refused, reported when the operation needs a viewer. */
  authProblem: string | null;
}

/** The context of one operation whose caller presented `authorization` (a bearer token, or none). */
export async function requestContext(
  services: Services,
  authorization: string | null | undefined,
): Promise<RequestContext> {
  const auth = await authenticate(services, authorization);
  return { services, viewer: auth.viewer, authProblem: auth.problem };
}

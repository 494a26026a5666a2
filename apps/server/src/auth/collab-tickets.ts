import { createHash, randomBytes } from "node:crypto";
import type { AccessClaims } from "./tokens.js";

/** What a collaboration ticket stands for: one person, one document, until a moment. */
export interface CollabTicket {
  /** The room it opens (`<conversationId>` or `<conversationId>/private`). */
  docName: string;
  /** The claims of the access token it was asked with; checked again when it is used. */
  claims: AccessClaims;
  /** Milliseconds since the epoch after which it no longer opens anything. */
  expiresAt: number;
}

/**
 * Where tickets wait between `collabTicket` and the socket that uses them. Kept behind this
 * interface so that several processes can share one store (Redis: SET with PX, then GETDEL).
 * Keys are SHA-256 hashes of the tickets, so the store never holds a usable ticket.
 */
export interface TicketStore {
  /** Keeps `ticket` under `key` for `ttlMs`. */
  put(key: string, ticket: CollabTicket, ttlMs: number): Promise<void>;
  /**
   * Returns the ticket under `key` and removes it in one step, so of any number of concurrent
   * attempts exactly one gets it; null when there is none (never issued, used, or gone).
   */
  take(key: string): Promise<CollabTicket | null>;
}

/** A ticket store in this process's memory; forgotten tickets are swept once a minute. */
export class MemoryTicketStore implements TicketStore {
  private readonly tickets = new Map<string, { ticket: CollabTicket; sweepAfter: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor() {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  async put(key: string, ticket: CollabTicket, ttlMs: number): Promise<void> {
    // Swept by the machine's clock (the ticket's own expiry follows the server's clock).
    this.tickets.set(key, { ticket, sweepAfter: Date.now() + ttlMs });
  }

  async take(key: string): Promise<CollabTicket | null> {
    // Read and delete without an await in between: single use even under concurrent attempts.
    const entry = this.tickets.get(key);
    this.tickets.delete(key);
    return entry?.ticket ?? null;
  }

  private sweep(now = Date.now()): void {
    for (const [key, entry] of this.tickets) if (entry.sweepAfter < now) this.tickets.delete(key);
  }
}

/** The store key of a ticket. */
export const ticketKey = (ticket: string): string =>
  createHash("sha256").update(ticket).digest("hex");

/** A fresh ticket: 32 random bytes, base64url. */
export const newTicket = (): string => randomBytes(32).toString("base64url");

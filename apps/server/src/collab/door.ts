import { checkTransaction, type DocKind, defineShape, ShapeViolation } from "@driehoek/collab";
import * as Y from "yjs";

/** How long an admitted update is kept to replay into a rebuilt scratch copy, in ms. */
const REPLAY_MS = 30_000;
/** At most this many admitted updates (and bytes) are kept for that replay. */
const REPLAY_MAX_UPDATES = 256;
const REPLAY_MAX_BYTES = 8 * 1024 * 1024;
/** The origin of the scratch copy's own transactions. */
const INCOMING = Symbol("incoming");

/** An update the door turned away, and why. */
export interface Refusal {
  /** A code for clients and logs. */
  code: "DOC_SHAPE" | "UNREADABLE_UPDATE";
  /** Where and what, e.g. `review.x: a review entry must be a map under an agreement id`. */
  reason: string;
}

/**
 * Checks every incoming update before it is stored or relayed: the update is applied to a
 * scratch copy of the live document (kept in step with it, so a check costs one apply, not a
 * copy), and what that transaction added and changed is checked against the document's shape
 * (@driehoek/collab shape.ts). A refused update has touched only the scratch copy, which is then
 * rebuilt from the live document plus the admitted updates that may still be on their way to
 * it (stored, but not applied yet).
 */
export class DocumentDoor {
  private scratch: Y.Doc;
  private readonly admitted: { update: Uint8Array; at: number }[] = [];
  private admittedBytes = 0;
  private readonly follow = (update: Uint8Array) => Y.applyUpdate(this.scratch, update);

  constructor(
    private readonly live: Y.Doc,
    private readonly kind: DocKind,
  ) {
    this.scratch = this.copyOfLive();
    // Whatever reaches the live document (stored updates, seeds, other processes) reaches the
    // copy too; applying an update the copy already has changes nothing.
    live.on("update", this.follow);
  }

  /** Checks `update`; null when it may be stored and relayed, else why not. */
  admit(update: Uint8Array): Refusal | null {
    let transaction: Y.Transaction | null = null;
    try {
      this.scratch.transact((tr) => {
        transaction = tr;
        Y.applyUpdate(this.scratch, update);
      }, INCOMING);
      if (transaction) checkTransaction(this.scratch, transaction, this.kind);
    } catch (error) {
      this.rebuild();
      return error instanceof ShapeViolation
        ? { code: "DOC_SHAPE", reason: error.message.slice(0, 300) }
        : { code: "UNREADABLE_UPDATE", reason: "the update could not be applied" };
    }
    this.remember(update);
    return null;
  }

  private remember(update: Uint8Array): void {
    const now = Date.now();
    this.admitted.push({ update, at: now });
    this.admittedBytes += update.byteLength;
    while (
      this.admitted.length > 0 &&
      (this.admitted.length > REPLAY_MAX_UPDATES ||
        this.admittedBytes > REPLAY_MAX_BYTES ||
        (this.admitted[0]?.at ?? now) < now - REPLAY_MS)
    ) {
      this.admittedBytes -= this.admitted.shift()?.update.byteLength ?? 0;
    }
  }

  private copyOfLive(): Y.Doc {
    const copy = new Y.Doc({ gc: true });
    defineShape(copy, this.kind);
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.live));
    return copy;
  }

  /** The copy again as the live document plus what was admitted but may not have reached it. */
  private rebuild(): void {
    this.scratch.destroy();
    this.scratch = this.copyOfLive();
    for (const { update } of this.admitted) {
      try {
        Y.applyUpdate(this.scratch, update);
      } catch {
        // It was applied once without error; a failure now leaves the copy as the live doc.
      }
    }
  }

  destroy(): void {
    this.live.off("update", this.follow);
    this.scratch.destroy();
  }
}

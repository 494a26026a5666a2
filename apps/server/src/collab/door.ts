import {
  checkTransaction,
  type DecodedUpdate,
  type DocKind,
  defineShape,
  hasDeleted,
  isPlainAddition,
  isPlainTyping,
  type PendingTyping,
  ShapeViolation,
} from "@driehoek/collab";
import * as Y from "yjs";
import { collabMetrics } from "./metrics.js";

/** The door's counters, bound once (prom-client looks labels up on every call otherwise). */
const CHECKS = {
  typing: collabMetrics.doorChecks.labels("typing", "admitted"),
  addition: collabMetrics.doorChecks.labels("addition", "admitted"),
  admitted: collabMetrics.doorChecks.labels("full", "admitted"),
  refused: collabMetrics.doorChecks.labels("full", "refused"),
};

/** How long an admitted update is kept to replay into a rebuilt scratch copy, in ms. */
const REPLAY_MS = 30_000;
/** At most this many admitted updates (and bytes) are kept for that replay. */
const REPLAY_MAX_UPDATES = 256;
const REPLAY_MAX_BYTES = 8 * 1024 * 1024;
/**
 * The scratch copy catches up with the live document only before its next check: beyond this
 * many updates (or bytes) behind, it is dropped instead and built again when needed.
 */
const BEHIND_MAX_UPDATES = 2_000;
const BEHIND_MAX_BYTES = 4 * 1024 * 1024;
/** The origin of the scratch copy's own transactions. */
const INCOMING = Symbol("incoming");
/**
 * After this long without an incoming update the scratch copy is dropped (a quiet room holds
 * only its live document); the next update rebuilds it first, in ms.
 */
export const SCRATCH_IDLE_MS = 15_000;

/** An admitted update kept for the replay, with what it writes, to see when the live doc has it. */
interface Admitted {
  update: Uint8Array;
  at: number;
  /** Per client, the clock up to which the update carries structs. */
  ends: Map<number, number>;
  /** Per client, the ranges it deletes. */
  deletes: Map<number, { clock: number; len: number }[]>;
  /** How many clocks its structs take: at most the characters it may add. */
  weight: number;
  /** It does more than type characters into texts the live document has. */
  isStructural: boolean;
  /** Typing: the characters it adds, by client, and the texts they land in. */
  typed: TypedRun[];
}

/** Characters of one client, `clock` up to `end`, typed into `text`. */
interface TypedRun {
  client: number;
  clock: number;
  end: number;
  text: Y.Text;
}

/** An update the door turned away, and why. */
export interface Refusal {
  /** A code for clients and logs. */
  code: "DOC_SHAPE" | "UNREADABLE_UPDATE";
  /** Where and what, e.g. `review.x: a review entry must be a map under an agreement id`. */
  reason: string;
}

/**
 * Checks every incoming update before it is stored or relayed.
 *
 * Most updates are people typing: characters into a text the live document already has, or
 * deleted from one. Those are checked on the update as decoded, without applying it anywhere
 * (@driehoek/collab isPlainTyping: where each character lands, and every text within its limit
 * even with the characters admitted but not stored yet). A keystroke that builds on one still
 * being stored (the next character, or a correction of it) is checked the same way: the door
 * remembers which text each admitted character landed in until the live document has it.
 *
 * Most of the rest add a paragraph to the summary or an agreement to the list, in the form the
 * clients make them: those are checked on the update as decoded too (isPlainAddition), while no
 * other such change is on its way to the live document.
 *
 * Any other update is applied to a scratch copy of the live document, and what that
 * transaction added and changed is checked against the document's shape (shape.ts). The copy
 * follows the live document lazily: what reached the live document since the copy's last check
 * is given to it in one merged update before the next one. A refused update has touched only
 * the copy, which is then rebuilt from the live document plus the admitted updates that may
 * still be on their way to it (stored, but not applied yet; each is forgotten once the live
 * document holds it). The copy exists only while such updates come in: after SCRATCH_IDLE_MS
 * without one it is dropped, and the next one rebuilds it the same way before it is checked.
 */
export class DocumentDoor {
  /** Null while the room is quiet (see SCRATCH_IDLE_MS). */
  private scratch: Y.Doc | null = null;
  /** Admitted updates the live document may not hold yet (dropped once it does). */
  private readonly admitted: Admitted[] = [];
  private admittedBytes = 0;
  /** The admitted updates' weights together: characters that may be on their way. */
  private admittedWeight = 0;
  /** Admitted updates that do more than type and may not have reached the live document. */
  private structuralInFlight = 0;
  /** What the live document received that the scratch copy has not been given yet. */
  private behind: Uint8Array[] = [];
  private behindBytes = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  /** The live document's last transaction wrote nothing the scratch copy lacks. */
  private scratchHasLast = false;
  private readonly onLiveTransaction = (tr: Y.Transaction) => {
    // An admitted update reaches the live document after the copy has it: applying it to the
    // copy again would decode and walk it for nothing. Seen from the transaction, no decoding.
    this.scratchHasLast =
      this.scratch !== null && holdsAll(this.scratch, writtenBy(tr), tr.deleteSet.clients);
  };
  /** Filled by the typing check: the text each struct of the update lands in. */
  private readonly landed: Y.Text[] = [];
  /** The admitted typing the live document does not hold yet, as the typing check reads it. */
  private readonly pending: PendingTyping = {
    endOf: (client, state) => {
      const runs = this.runsOf(client).sort((a, b) => a.clock - b.clock);
      let end = state;
      for (const run of runs) {
        if (run.clock > end) break;
        if (run.end > end) end = run.end;
      }
      return end;
    },
    textAt: (client, clock) => this.runAt(client, clock)?.text ?? null,
    textsIn: (client, from, to) => {
      const texts: Y.Text[] = [];
      for (let at = from; at < to; ) {
        const run = this.runAt(client, at);
        if (!run) return null;
        texts.push(run.text);
        at = run.end;
      }
      return texts;
    },
  };
  private readonly onLiveUpdate = (update: Uint8Array) => {
    if (this.scratch && !this.scratchHasLast) this.fallBehind(update);
    this.scratchHasLast = false;
    if (this.admitted.length > 0) this.forgetWhatLiveHas();
  };

  constructor(
    private readonly live: Y.Doc,
    private readonly kind: DocKind,
  ) {
    // The known top-level types with their Yjs types, so the quick looks find them by name.
    defineShape(live, kind);
    // Whatever reaches the live document (stored updates, seeds, other processes) reaches the
    // copy too; applying an update the copy already has changes nothing.
    // Yjs emits a transaction's afterTransaction before its update.
    live.on("afterTransaction", this.onLiveTransaction);
    live.on("update", this.onLiveUpdate);
  }

  /** Checks an incoming update; null when it may be stored and relayed, else why not. */
  admit(incoming: IncomingUpdate): Refusal | null {
    const { update, decoded, clocks, weight } = incoming;
    const pending = this.admitted.length > 0 ? this.pending : null;
    if (isPlainTyping(this.live, decoded, this.kind, this.admittedWeight, pending, this.landed)) {
      this.remember(update, clocks, decoded.ds.clients, weight, false, this.runsTyped(decoded));
      CHECKS.typing.inc();
      return null;
    }
    // A new paragraph or agreement, unless another such change is still on its way to the live
    // document (the quick look compares only with what the live document holds).
    if (
      this.structuralInFlight === 0 &&
      isPlainAddition(this.live, decoded, this.kind, this.admittedWeight)
    ) {
      this.remember(update, clocks, decoded.ds.clients, weight, true);
      CHECKS.addition.inc();
      return null;
    }
    const scratch = this.scratchCopy();
    let transaction: Y.Transaction | null = null;
    try {
      scratch.transact((tr) => {
        transaction = tr;
        Y.applyUpdate(scratch, update);
      }, INCOMING);
      if (transaction) checkTransaction(scratch, transaction, this.kind);
    } catch (error) {
      this.rebuild();
      CHECKS.refused.inc();
      return error instanceof ShapeViolation
        ? { code: "DOC_SHAPE", reason: error.message.slice(0, 300) }
        : { code: "UNREADABLE_UPDATE", reason: "the update could not be applied" };
    }
    const { ends, deletes } =
      transaction && !scratch.store.pendingStructs && !scratch.store.pendingDs
        ? // What the transaction added and deleted is what the update writes (nothing waits).
          {
            ends: writtenBy(transaction),
            deletes: (transaction as Y.Transaction).deleteSet.clients,
          }
        : { ends: clocks, deletes: decoded.ds.clients };
    this.remember(update, ends, deletes, weight, true);
    CHECKS.admitted.inc();
    return null;
  }

  /** The live document received `update` and the copy does not hold it yet: it is given later. */
  private fallBehind(update: Uint8Array): void {
    this.behind.push(update);
    this.behindBytes += update.byteLength;
    if (this.behind.length > BEHIND_MAX_UPDATES || this.behindBytes > BEHIND_MAX_BYTES) {
      // Cheaper to build again from the live document when next needed.
      this.scratch?.destroy();
      this.scratch = null;
      this.clearBehind();
    }
  }

  private clearBehind(): void {
    this.behind = [];
    this.behindBytes = 0;
  }

  /**
   * Gives the copy what it lacks before a check: what reached the live document since (in one
   * merged update), then the admitted updates that have not reached the live document yet.
   */
  private catchUp(scratch: Y.Doc): void {
    if (this.behind.length > 0) {
      const behind = this.behind;
      this.clearBehind();
      Y.applyUpdate(
        scratch,
        behind.length === 1 ? (behind[0] as Uint8Array) : Y.mergeUpdates(behind),
      );
    }
    for (const entry of this.admitted)
      if (!holdsAll(scratch, entry.ends, entry.deletes)) Y.applyUpdate(scratch, entry.update);
  }

  /**
   * The scratch copy, caught up with the live document and what is on its way to it (rebuilt
   * first when the room was quiet); the idle clock starts again.
   */
  private scratchCopy(): Y.Doc {
    try {
      if (!this.scratch) this.rebuild();
      else this.catchUp(this.scratch);
    } catch {
      // What it was to be given could not be applied to it: it is built afresh instead.
      this.rebuild();
    }
    if (this.idleTimer) this.idleTimer.refresh();
    else {
      this.idleTimer = setTimeout(() => this.quiet(), SCRATCH_IDLE_MS);
      this.idleTimer.unref();
    }
    return this.scratch as Y.Doc;
  }

  /** Nothing came in for a while: drop the copy (and the replay of what the live doc has). */
  private quiet(): void {
    this.idleTimer = null;
    this.scratch?.destroy();
    this.scratch = null;
    this.clearBehind();
    this.prune(Date.now());
  }

  private remember(
    update: Uint8Array,
    ends: Map<number, number>,
    deletes: Map<number, { clock: number; len: number }[]>,
    weight: number,
    isStructural: boolean,
    typed: TypedRun[] = [],
  ): void {
    // A copy: `update` is a view into the socket's message, which it would keep alive.
    const entry: Admitted = {
      update: update.slice(),
      at: Date.now(),
      ends,
      deletes,
      weight,
      isStructural,
      typed,
    };
    if (this.holds(entry)) return;
    this.admitted.push(entry);
    this.admittedBytes += update.byteLength;
    this.admittedWeight += weight;
    if (isStructural) this.structuralInFlight += 1;
    this.prune(entry.at);
  }

  /** The characters an update the typing check just admitted adds, with their texts. */
  private runsTyped(decoded: DecodedUpdate): TypedRun[] {
    const runs: TypedRun[] = [];
    decoded.structs.forEach((struct, i) => {
      const text = this.landed[i];
      if (text) {
        const { client, clock } = struct.id;
        runs.push({ client, clock, end: clock + struct.length, text });
      }
    });
    return runs;
  }

  /** The admitted typing of `client` (some of it may have reached the live document). */
  private runsOf(client: number): TypedRun[] {
    const runs: TypedRun[] = [];
    for (const entry of this.admitted)
      for (const run of entry.typed) if (run.client === client) runs.push(run);
    return runs;
  }

  /** The admitted typing that holds character `clock` of `client`, if any. */
  private runAt(client: number, clock: number): TypedRun | undefined {
    for (const entry of this.admitted)
      for (const run of entry.typed)
        if (run.client === client && run.clock <= clock && clock < run.end) return run;
    return undefined;
  }

  /** An entry leaves the replay (the live document has it, or it is too old to wait for). */
  private dropped(entry: Admitted): void {
    this.admittedBytes -= entry.update.byteLength;
    this.admittedWeight -= entry.weight;
    if (entry.isStructural) this.structuralInFlight -= 1;
  }

  /** Drops the oldest entries beyond the replay's limits. */
  private prune(now: number): void {
    while (
      this.admitted.length > 0 &&
      (this.admitted.length > REPLAY_MAX_UPDATES ||
        this.admittedBytes > REPLAY_MAX_BYTES ||
        (this.admitted[0]?.at ?? now) < now - REPLAY_MS)
    ) {
      const dropped = this.admitted.shift();
      if (dropped) this.dropped(dropped);
    }
  }

  /** Drops the entries the live document holds by now (a replay of them would change nothing). */
  private forgetWhatLiveHas(): void {
    let kept = 0;
    for (const entry of this.admitted) {
      if (this.holds(entry)) this.dropped(entry);
      else this.admitted[kept++] = entry;
    }
    this.admitted.length = kept;
    this.prune(Date.now());
  }

  /** The live document has every struct and every deletion of `entry`. */
  private holds(entry: Admitted): boolean {
    return holdsAll(this.live, entry.ends, entry.deletes);
  }

  private copyOfLive(): Y.Doc {
    const copy = new Y.Doc({ gc: true, guid: this.live.guid });
    defineShape(copy, this.kind);
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.live));
    return copy;
  }

  /** The copy again as the live document plus what was admitted but may not have reached it. */
  private rebuild(): void {
    this.scratch?.destroy();
    this.clearBehind();
    const scratch = this.copyOfLive();
    for (const { update } of this.admitted) {
      try {
        Y.applyUpdate(scratch, update);
      } catch {
        // It was applied once without error; a failure now leaves the copy as the live doc.
      }
    }
    this.scratch = scratch;
  }

  destroy(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.live.off("afterTransaction", this.onLiveTransaction);
    this.live.off("update", this.onLiveUpdate);
    this.scratch?.destroy();
    this.scratch = null;
    this.clearBehind();
  }
}

/** An update as it arrived, read once: decoded, with what its structs write. */
export interface IncomingUpdate {
  update: Uint8Array;
  decoded: DecodedUpdate;
  /** Per client, the clock up to which the update carries structs. */
  clocks: Map<number, number>;
  /** How many clocks its structs take: at most the characters it may add. */
  weight: number;
}

/** Reads an incoming update once (throws when it cannot be decoded). */
export function readIncoming(update: Uint8Array): IncomingUpdate {
  const decoded = Y.decodeUpdate(update);
  const clocks = new Map<number, number>();
  let weight = 0;
  for (const struct of decoded.structs) {
    const end = struct.id.clock + struct.length;
    if ((clocks.get(struct.id.client) ?? 0) < end) clocks.set(struct.id.client, end);
    weight += struct.length;
  }
  return { update, decoded, clocks, weight };
}

/** Per client, the clock up to which a transaction added structs. */
function writtenBy(tr: Y.Transaction): Map<number, number> {
  const ends = new Map<number, number>();
  for (const [client, after] of tr.afterState)
    if (after > (tr.beforeState.get(client) ?? 0)) ends.set(client, after);
  return ends;
}

/** `doc` has every struct up to `ends` and every deletion in `deletes`. */
export function holdsAll(
  doc: Y.Doc,
  ends: Map<number, number>,
  deletes: Map<number, { clock: number; len: number }[]>,
): boolean {
  for (const [client, end] of ends) if (Y.getState(doc.store, client) < end) return false;
  return hasDeleted(doc, deletes);
}

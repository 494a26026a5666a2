/**
 * `npm run bench:door`: what the door costs per incoming update, on the main thread, against
 * applying the same updates alone (what any relay does).
 *
 * First, people type: `--conversations` documents, three typists each (test/crash/typing.ts,
 * the benchmark's typists), `--keystrokes` keystrokes per typist, round the conversations in
 * turn; every keystroke's update is recorded and given to the conversation's other two. Then
 * the recorded updates are replayed into fresh server-side documents in the same order, in
 * batches of `--batch` (a group commit: admitted first, then applied, as the server does after
 * storing them), two ways:
 *
 * - apply: `Y.applyUpdate` on the live document, nothing else;
 * - door: as the server's hot path does it: read the update once (`readIncoming`), see whether
 *   the document already holds it, let it through the door (`DocumentDoor.admit`), apply it.
 *
 * Each way runs `--rounds` times, alternating, and the medians are printed with their ratio.
 * Deterministic for a given `--seed`; no database, no sockets.
 */

import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { conversationSeed } from "@driehoek/collab";
import * as Y from "yjs";
import { DocumentDoor, holdsAll, readIncoming } from "../src/collab/door.js";
import { collabMetrics } from "../src/collab/metrics.js";
import { Typist } from "../test/crash/typing.js";
import { seededRandom } from "../test/support/random.js";

const { values: flags } = parseArgs({
  options: {
    conversations: { type: "string", default: "200" },
    keystrokes: { type: "string", default: "100" },
    batch: { type: "string", default: "8" },
    rounds: { type: "string", default: "7" },
    seed: { type: "string", default: "14" },
  },
});
const conversations = Number(flags.conversations);
const keystrokes = Number(flags.keystrokes);
const batch = Number(flags.batch);
const rounds = Number(flags.rounds);

interface Recorded {
  conversation: number;
  update: Uint8Array;
}

/** Types the conversations and records every keystroke's update in the order it was sent. */
function record(): Recorded[] {
  const random = seededRandom(Number(flags.seed));
  const seed = conversationSeed([]);
  const rooms = Array.from({ length: conversations }, () =>
    Array.from({ length: 3 }, () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, seed);
      return { doc, typist: new Typist(doc, random) };
    }),
  );
  const recorded: Recorded[] = [];
  // A conversation's three typists take turns a round of all conversations apart, as people
  // at their own keyboards do: what one sends is stored before the next one types.
  for (let k = 0; k < keystrokes; k++) {
    for (let i = 0; i < 3; i++) {
      for (let c = 0; c < conversations; c++) {
        const room = rooms[c] as { doc: Y.Doc; typist: Typist }[];
        const typist = room[i] as { doc: Y.Doc; typist: Typist };
        let update: Uint8Array | null = null;
        const take = (u: Uint8Array) => {
          update = u;
        };
        typist.doc.on("update", take);
        typist.typist.keystroke();
        typist.doc.off("update", take);
        if (!update) continue;
        recorded.push({ conversation: c, update });
        // The other two participants receive it before they type again.
        for (const [j, other] of room.entries()) if (j !== i) Y.applyUpdate(other.doc, update);
      }
    }
  }
  return recorded;
}

interface Live {
  doc: Y.Doc;
  door: DocumentDoor | null;
}

/** Fresh server-side documents, seeded as the server seeds them; with a door or without. */
function liveDocs(withDoor: boolean): Live[] {
  const seed = conversationSeed([]);
  return Array.from({ length: conversations }, (_, c) => {
    const doc = new Y.Doc({ gc: true, guid: `bench-${c}` });
    Y.applyUpdate(doc, seed);
    return { doc, door: withDoor ? new DocumentDoor(doc, "conversation") : null };
  });
}

/** Replays the recorded updates; returns ms spent and how many the door turned away. */
function replay(recorded: Recorded[], withDoor: boolean): { ms: number; refused: number } {
  const live = liveDocs(withDoor);
  let refused = 0;
  const started = performance.now();
  for (let start = 0; start < recorded.length; start += batch) {
    const chunk = recorded.slice(start, start + batch);
    const admitted: Recorded[] = [];
    for (const entry of chunk) {
      const room = live[entry.conversation] as Live;
      if (!room.door) {
        admitted.push(entry);
        continue;
      }
      const incoming = readIncoming(entry.update);
      if (holdsAll(room.doc, incoming.clocks, incoming.decoded.ds.clients)) continue;
      if (room.door.admit(incoming)) refused += 1;
      else admitted.push(entry);
    }
    for (const entry of admitted)
      Y.applyUpdate((live[entry.conversation] as Live).doc, entry.update);
  }
  const ms = performance.now() - started;
  for (const room of live) {
    room.door?.destroy();
    room.doc.destroy();
  }
  return { ms, refused };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** The door's checks so far, by kind and outcome (its own counters). */
async function checks(): Promise<string> {
  const { values } = await collabMetrics.doorChecks.get();
  return values.map((v) => `${v.labels.check} ${v.labels.outcome} ${v.value}`).join(", ");
}

async function main(): Promise<void> {
  const recorded = record();
  const apply: number[] = [];
  const door: number[] = [];
  let refused = 0;
  // A warm-up of each way first, so both run on optimised code.
  replay(recorded, false);
  replay(recorded, true);
  for (let round = 0; round < rounds; round++) {
    apply.push(replay(recorded, false).ms);
    const withDoor = replay(recorded, true);
    door.push(withDoor.ms);
    refused += withDoor.refused;
  }
  const n = recorded.length;
  const us = (ms: number) => ((ms * 1000) / n).toFixed(2);
  const a = median(apply);
  const d = median(door);
  console.log(
    `door: ${n} updates (${conversations} conversations × 3 typists × ${keystrokes} keystrokes), batches of ${batch}, ${rounds} rounds, medians`,
  );
  console.log(`  apply alone:          ${us(a)} µs per update`);
  console.log(`  read, door and apply: ${us(d)} µs per update (${(d / a).toFixed(2)}× apply)`);
  console.log(`  the door's share:     ${us(d - a)} µs per update`);
  console.log(`  the door's checks (all runs): ${await checks()}`);
  if (refused > 0) throw new Error(`the door refused ${refused} of the typists' updates`);
}

await main();

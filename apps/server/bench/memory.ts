/**
 * Memory per live conversation: starts the built server as a child process (with --expose-gc
 * and an inspector port), plans N conversations, takes a baseline (heap used and RSS after a
 * full GC, 0 conversations open), then opens 3 raw protocol clients per conversation (with
 * tickets), lets them write a realistic record (a summary of four paragraphs, three
 * agreements, two section notes, a presence state each), waits until everything is stored and
 * projected, collects garbage and measures again. Prints (after − baseline) / N.
 *
 *   npm run bench:memory -- [--conversations 200] [--snapshot]
 *
 * --door instead times the door alone, in this process: three typists on one conversation,
 * every keystroke's update through DocumentDoor.admit and then into the live doc (as the server
 * does once it is stored); prints µs per update (the first third is warm-up).
 *
 * --snapshot also writes a heap snapshot at the baseline and at the end (into the server's data
 * folder, kept) and prints the constructors whose retained self size grew most per conversation.
 */

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  addAgreement,
  conversationSeed,
  defineShape,
  MESSAGE,
  notesOf,
  RECORD_NOTE_KEYS,
  summaryOf,
} from "@driehoek/collab";
import { encodeMessage, freePort, RawCollabClient, ticketedUrl } from "@driehoek/test-support";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { DocumentDoor, readIncoming, SCRATCH_IDLE_MS } from "../src/collab/door.js";
import { ensureServerBuilt, startBuiltServer } from "../test/crash/built-server.js";
import { Typist } from "../test/crash/typing.js";
import { seededRandom } from "../test/support/random.js";
import { log, planConversations, pool, sleep } from "./collab-setup.js";
import { type Inspector, inspector } from "./inspector.js";

const { values: flags } = parseArgs({
  options: {
    conversations: { type: "string", default: "200" },
    snapshot: { type: "boolean", default: false },
    concurrency: { type: "string", default: "20" },
    door: { type: "boolean", default: false },
    keystrokes: { type: "string", default: "6000" },
  },
});
const N = Number(flags.conversations);
const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;

/** Heap used and RSS after repeated full collections. */
async function measure(server: Inspector): Promise<{ heap: number; rss: number }> {
  const json = (await server.evaluate(`(async () => {
    for (let i = 0; i < 4; i++) { gc(); await new Promise((r) => setTimeout(r, 50)); }
    const m = process.memoryUsage();
    return JSON.stringify({ heap: m.heapUsed, rss: m.rss });
  })()`)) as string;
  return JSON.parse(json);
}

async function snapshot(server: Inspector, file: string): Promise<string> {
  return (await server.evaluate(
    `process.getBuiltinModule("node:v8").writeHeapSnapshot(${JSON.stringify(file)})`,
  )) as string;
}

/** Self size and count per constructor (node name) of a heap snapshot. */
function byConstructor(file: string): Map<string, { size: number; count: number }> {
  const snap = JSON.parse(fs.readFileSync(file, "utf8")) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snap.snapshot.meta.node_fields;
  const width = fields.length;
  const typeAt = fields.indexOf("type");
  const nameAt = fields.indexOf("name");
  const sizeAt = fields.indexOf("self_size");
  const types = snap.snapshot.meta.node_types[0];
  const out = new Map<string, { size: number; count: number }>();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt] as number];
    const name = snap.strings[snap.nodes[i + nameAt] as number] ?? "?";
    const key =
      type === "object" || type === "closure"
        ? name
        : `(${type}${type === "native" ? ` ${name.slice(0, 30)}` : ""})`;
    const entry = out.get(key) ?? { size: 0, count: 0 };
    entry.size += snap.nodes[i + sizeAt] as number;
    entry.count += 1;
    out.set(key, entry);
  }
  return out;
}

const WORDS =
  "de student werkt zelfstandig aan klantvragen en vraagt hulp als ze vastloopt de praktijkopleider ziet dat de planning beter gaat dan in het begin volgende keer bereidt ze zelf het overleg met de klant voor het werkproces is bijna aangetoond en het bewijs staat in het portfolio".split(
    " ",
  );
const words = (count: number, offset: number) =>
  Array.from({ length: count }, (_, i) => WORDS[(i + offset) % WORDS.length]).join(" ");

/** Types `text` into `target` word by word, one update per word (as a person's bursts arrive). */
function typeWords(doc: Y.Doc, target: Y.Text | Y.XmlText, text: string): number {
  let sent = 0;
  for (const word of text.split(" ")) {
    doc.transact(() => target.insert(target.length, `${word} `));
    sent += 1;
  }
  return sent;
}

/** What three people write in one conversation. */
function write(clients: RawCollabClient[], seed: number): void {
  const [a, b, c] = clients as [RawCollabClient, RawCollabClient, RawCollabClient];
  // A: the summary, four paragraphs of about 60 words.
  for (let p = 0; p < 4; p++) {
    const paragraph = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    a.doc.transact(() => {
      paragraph.insert(0, [text]);
      summaryOf(a.doc).push([paragraph]);
    });
    typeWords(a.doc, text, words(60, seed + p * 7));
  }
  // B: three agreements with their text, measure and first step.
  for (let i = 0; i < 3; i++) {
    const agreement = addAgreement(b.doc, {
      id: `${seed}-${i}-${Math.random().toString(36).slice(2)}`,
      owner: "student",
    });
    typeWords(b.doc, agreement.get("text") as Y.Text, words(20, seed + i));
    typeWords(b.doc, agreement.get("measure") as Y.Text, words(10, seed + i + 3));
    typeWords(b.doc, agreement.get("firstStep") as Y.Text, words(10, seed + i + 5));
  }
  // C: notes in two sections.
  for (const key of RECORD_NOTE_KEYS.slice(0, 2)) {
    const notes = notesOf(c.doc);
    let text = notes.get(key);
    if (!(text instanceof Y.Text)) {
      text = new Y.Text();
      const created = text;
      c.doc.transact(() => notes.set(key, created));
    }
    typeWords(c.doc, text, words(40, seed + 11));
  }
}

/** Announces a presence state with a cursor, as the caret extension does. */
function announce(client: RawCollabClient, name: string): void {
  const awareness = new awarenessProtocol.Awareness(client.doc);
  awareness.setLocalState({
    user: { name, color: "#1f6feb" },
    cursor: { anchor: { type: null, tname: "summary", item: null, assoc: 0 }, head: null },
  });
  client.send(
    encodeMessage((e) => {
      encoding.writeVarUint(e, MESSAGE.awareness);
      encoding.writeVarUint8Array(
        e,
        awarenessProtocol.encodeAwarenessUpdate(awareness, [client.doc.clientID]),
      );
    }),
  );
  awareness.destroy();
}

const allStored = (clients: RawCollabClient[]) =>
  clients.every((c) => c.storedOwn >= Y.getState(c.doc.store, c.clientID));

/** The door's own cost per keystroke update, in µs. */
function doorBench(keystrokes: number): void {
  const live = new Y.Doc({ gc: true });
  defineShape(live, "conversation");
  Y.applyUpdate(live, conversationSeed([]));
  const door = new DocumentDoor(live, "conversation");
  const random = seededRandom(7);
  const paragraph = new Y.XmlElement("paragraph");
  live.transact(() => {
    paragraph.insert(0, [new Y.XmlText()]);
    summaryOf(live).push([paragraph]);
  });
  const typists = [0, 1, 2].map(() => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
    return { doc, typist: new Typist(doc, random, 0.08) };
  });
  const times: number[] = [];
  let refused = 0;
  for (let i = 0; i < keystrokes; i++) {
    const { doc, typist } = typists[i % 3] as (typeof typists)[number];
    const updates: Uint8Array[] = [];
    const take = (u: Uint8Array) => updates.push(u);
    doc.on("update", take);
    typist.keystroke();
    doc.off("update", take);
    for (const update of updates) {
      const t0 = performance.now();
      const refusal = door.admit(readIncoming(update));
      times.push(performance.now() - t0);
      if (refusal) refused += 1;
      else {
        Y.applyUpdate(live, update, "stored");
        for (const other of typists) if (other.doc !== doc) Y.applyUpdate(other.doc, update);
      }
    }
  }
  const measured = times.slice(Math.floor(times.length / 3)).sort((a, b) => a - b);
  const at = (q: number) =>
    ((measured[Math.floor(q * (measured.length - 1))] ?? 0) * 1000).toFixed(1);
  const mean = (measured.reduce((n, t) => n + t, 0) / measured.length) * 1000;
  console.log(
    `door: ${times.length} updates (${refused} refused), doc ${kB(Y.encodeStateAsUpdate(live).byteLength)}; ` +
      `per update mean ${mean.toFixed(1)} µs, p50 ${at(0.5)} µs, p99 ${at(0.99)} µs`,
  );
  door.destroy();
}

async function main() {
  if (flags.door) return doorBench(Number(flags.keystrokes));
  ensureServerBuilt();
  const inspectPort = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-memory-"));
  const server = await startBuiltServer({
    dataDir,
    nodeArgs: ["--expose-gc", `--inspect=127.0.0.1:${inspectPort}`, "--max-old-space-size=4096"],
    // The bench plans and opens hundreds of conversations from one address within a minute.
    env: {
      COLLAB_RATE: "2000",
      GRAPHQL_RATE_PER_MINUTE: "100000",
      GRAPHQL_IP_RATE_PER_MINUTE: "100000",
      ACCESS_TOKEN_TTL: "86400",
    },
  });
  const url = server.url;
  const devtools = await inspector(inspectPort);
  try {
    log(`server ${url}; planning ${N} conversations`);
    const conversations = await planConversations(url, N);
    await sleep(1000);
    const base = await measure(devtools);
    log(`baseline (0 conversations open): heap ${kB(base.heap)}, rss ${kB(base.rss)}`);
    const baseSnap = flags.snapshot
      ? await snapshot(devtools, path.join(dataDir, "base.heapsnapshot"))
      : null;

    const all: RawCollabClient[][] = [];
    let seed = 0;
    const started = performance.now();
    await pool(conversations, Number(flags.concurrency), async (conversation) => {
      const clients = conversation.tokens.map(
        (token) => new RawCollabClient(ticketedUrl(url, conversation.id, token)),
      );
      all.push(clients);
      await Promise.all(clients.map((c) => c.connect(30_000)));
      for (const [i, c] of clients.entries()) announce(c, `deelnemer ${i}`);
      write(clients, seed++);
      const deadline = Date.now() + 120_000;
      while (!allStored(clients)) {
        if (Date.now() > deadline) throw new Error(`${conversation.id}: not all stored in 120 s`);
        await sleep(20);
      }
    });
    const updates = all.reduce((n, cs) => n + cs.reduce((m, c) => m + c.sent, 0), 0);
    log(
      `${all.length} conversations written (${updates} updates) in ${((performance.now() - started) / 1000).toFixed(1)} s; letting projection settle`,
    );
    await sleep(8000);
    const after = await measure(devtools);
    const docBytes =
      all.reduce(
        (n, cs) => n + Y.encodeStateAsUpdate((cs[0] as RawCollabClient).doc).byteLength,
        0,
      ) / N;
    log(`open: heap ${kB(after.heap)}, rss ${kB(after.rss)}`);
    console.log(
      `\nper live conversation (N=${N}, 3 clients each, encoded doc ${kB(docBytes)}):` +
        `\n  heap used ${kB((after.heap - base.heap) / N)}   rss ${kB((after.rss - base.rss) / N)}`,
    );
    // Rooms whose writers have paused hold no scratch copy in the door (SCRATCH_IDLE_MS).
    await sleep(SCRATCH_IDLE_MS + 2000);
    const quiet = await measure(devtools);
    console.log(
      `  after a ${SCRATCH_IDLE_MS / 1000} s pause in the typing: heap used ${kB((quiet.heap - base.heap) / N)}   rss ${kB((quiet.rss - base.rss) / N)}`,
    );
    if (baseSnap) {
      const endSnap = await snapshot(devtools, path.join(dataDir, "open.heapsnapshot"));
      const before = byConstructor(baseSnap);
      const now = byConstructor(endSnap);
      const growth = [...now]
        .map(([name, v]) => ({
          name,
          size: v.size - (before.get(name)?.size ?? 0),
          count: v.count - (before.get(name)?.count ?? 0),
        }))
        .sort((x, y) => y.size - x.size)
        .slice(0, 25);
      console.log(`\ngrowth per conversation by constructor (snapshots in ${dataDir}):`);
      for (const g of growth)
        console.log(
          `  ${g.name.padEnd(40)} ${(g.size / N / 1024).toFixed(1).padStart(7)} kB  ${(g.count / N).toFixed(0).padStart(6)} objects`,
        );
    }
    for (const clients of all) for (const c of clients) c.destroy();
  } finally {
    devtools.close();
    await server.stop();
    if (!flags.snapshot) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

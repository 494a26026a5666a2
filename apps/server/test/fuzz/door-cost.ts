/**
 * What the door costs per incoming update on a realistic conversation document: typed summary,
 * notes and agreements. Run: `npx tsx test/fuzz/door-cost.ts` (a few seconds, one core).
 */
import { addAgreement, agreementsOf, conversationSeed, notesOf, summaryOf } from "@driehoek/collab";
import { SECTION_KEYS } from "@driehoek/domain";
import * as Y from "yjs";
import { DocumentDoor, readIncoming } from "../../src/collab/door.js";

const client = new Y.Doc();
Y.applyUpdate(
  client,
  conversationSeed([
    { id: "a1", text: "Oud" },
    { id: "a2", text: "Ouder" },
  ]),
);
const typed: Uint8Array[] = [];
client.on("update", (u: Uint8Array) => typed.push(u));
// A long conversation: 40 paragraphs (~3,600 characters), notes in every section, 6 agreements.
for (let p = 0; p < 40; p++) {
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  summaryOf(client).push([paragraph]);
  for (const c of "Sanne vertelt over de week en wat goed ging. ".repeat(2))
    text.insert(text.length, c);
}
for (const key of SECTION_KEYS) {
  const notes = notesOf(client).get(key) as Y.Text;
  for (const c of "Notities bij dit onderdeel. ".repeat(4)) notes.insert(notes.length, c);
}
for (let i = 0; i < 6; i++)
  addAgreement(client, { id: crypto.randomUUID(), text: "Afspraak ".repeat(8) });
const history = Y.encodeStateAsUpdate(client);

function measure(label: string, keystroke: (doc: Y.Doc, i: number) => void, rounds = 3000) {
  const live = new Y.Doc();
  Y.applyUpdate(live, history);
  const door = new DocumentDoor(live, "conversation");
  const writer = new Y.Doc();
  Y.applyUpdate(writer, history);
  const updates: Uint8Array[] = [];
  writer.on("update", (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < rounds; i++) keystroke(writer, i);
  const baseline = new Y.Doc();
  Y.applyUpdate(baseline, history);
  let t = process.hrtime.bigint();
  for (const u of updates) Y.applyUpdate(baseline, u);
  const applyNs = Number(process.hrtime.bigint() - t) / updates.length;
  t = process.hrtime.bigint();
  for (const u of updates) {
    const refusal = door.admit(readIncoming(u));
    if (refusal) throw new Error(refusal.reason);
    Y.applyUpdate(live, u); // as the server does after storing
  }
  const totalNs = Number(process.hrtime.bigint() - t) / updates.length;
  console.log(
    `${label.padEnd(28)} apply alone ${(applyNs / 1000).toFixed(1)} µs, door + apply ${(totalNs / 1000).toFixed(1)} µs → door ${((totalNs - applyNs) / 1000).toFixed(1)} µs/update`,
  );
  door.destroy();
}

console.log(`document: ${history.byteLength} bytes`);
for (let run = 0; run < 2; run++) {
  measure("keystroke in the summary", (doc, i) => {
    const text = (summaryOf(doc).get(20) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(i % 50, "x");
  });
  measure("keystroke in notes", (doc, i) =>
    (notesOf(doc).get(SECTION_KEYS[1] as string) as Y.Text).insert(i % 50, "x"),
  );
  measure(
    "keystroke in an agreement",
    (doc, i) => (agreementsOf(doc).get(2).get("text") as Y.Text).insert(i % 50, "x"),
    1500,
  );
  measure("new agreement", (doc) => addAgreement(doc, { id: crypto.randomUUID() }), 90);
}

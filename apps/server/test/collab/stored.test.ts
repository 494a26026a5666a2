import { addAgreement, MESSAGE, notesOf, readAgreements } from "@driehoek/collab";
import { SECTION_KEYS } from "@driehoek/domain";
import {
  type CollabClient,
  collabTicket,
  openRaw,
  type RawCollabSocket,
  until,
} from "@driehoek/test-support";
import { afterEach, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { loggedUpdates, newId, typeInto } from "../support/collab-fixtures.js";
import { testDatabases } from "../support/database.js";
import { useCollabSuite } from "../support/suite.js";

const notes = (client: CollabClient) =>
  notesOf(client.doc).get(SECTION_KEYS[0] as string) as Y.Text;

describe.each(testDatabases())("the stored confirmation on %s", (kind) => {
  const suite = useCollabSuite(kind);
  const raws: RawCollabSocket[] = [];
  afterEach(() => {
    for (const socket of raws.splice(0)) socket.ws.terminate();
  });

  async function pair() {
    const { conversation, tokens } = await suite.plannedConversation();
    const withAcks = suite.connect(conversation.id, tokens.student, { acks: true });
    const without = suite.connect(conversation.id, tokens.praktijkopleider);
    await Promise.all([withAcks.synced(), without.synced()]);
    return { conversation, tokens, withAcks, without };
  }

  it("tells an acks=1 client its edits are stored up to its own clock, once they are in the log", async () => {
    const { conversation, withAcks } = await pair();
    const logged = await loggedUpdates(suite.server, conversation.id);

    typeInto(notes(withAcks), 0, "Hallo");
    addAgreement(withAcks.doc, { id: newId(), text: "Sanne oefent de demo", owner: "student" });
    const typedUpTo = withAcks.localClock();
    expect(typedUpTo).toBeGreaterThan(0);

    await until(() => withAcks.storedClock() >= typedUpTo, "the stored confirmation");
    // Six keystrokes and one agreement: each update was in the log before it was confirmed.
    expect(await loggedUpdates(suite.server, conversation.id)).toBe(logged + 6);
    expect(withAcks.storedClock()).toBe(typedUpTo);
    const ownClocks = withAcks.stored.map((clocks) => clocks.get(withAcks.doc.clientID) ?? 0);
    expect(ownClocks).toEqual([...ownClocks].sort((a, b) => a - b));
  });

  it("never sends the stored message to a stock client without acks=1", async () => {
    const { withAcks, without } = await pair();

    typeInto(notes(without), 0, "Kees typt");
    addAgreement(without.doc, { id: newId(), text: "Kees plant een demo" });
    await until(() => notes(withAcks).toString() === "Kees typt", "Kees' edit to arrive");
    // A later edit from the other client reaches Kees after anything sent for his own edits.
    typeInto(notes(withAcks), 0, "Sanne ook. ");
    await until(
      () => notes(without).toString() === "Sanne ook. Kees typt",
      "Sanne's later edit to reach Kees",
    );
    expect(readAgreements(withAcks.doc).map((a) => a.text)).toEqual(["Kees plant een demo"]);
    expect(without.stored).toEqual([]);

    await withAcks.allStored("Sanne's confirmation");
    // Confirmations name only the writer's own updates, never what others typed.
    for (const clocks of withAcks.stored) expect(clocks.has(without.doc.clientID)).toBe(false);
  });

  it("confirms a reconnecting client's copy of what is stored without storing or relaying it again", async () => {
    const { conversation, tokens, withAcks } = await pair();
    typeInto(notes(withAcks), 0, "Hallo wereld, tot ziens");
    notes(withAcks).delete(5, 18);
    await withAcks.allStored("the first confirmation");
    const logged = await loggedUpdates(suite.server, conversation.id);

    // Someone else watches every message the server sends.
    const ticket = await collabTicket(suite.server.url, conversation.id, tokens.bpv_begeleider);
    const watcher = openRaw(suite.server, conversation.id, { ticket });
    raws.push(watcher);
    await watcher.greeted();
    const heard = watcher.messages.length;

    // The student's tab reconnects with its copy: its answer to the server's sync step 1
    // holds nothing new, but Yjs adds every deletion the document has.
    withAcks.kill();
    const again = suite.connect(conversation.id, tokens.student, { acks: true, doc: withAcks.doc });
    await again.synced();
    // Confirmed (it carries no clock of its own: only deletions the server has).
    await until(() => again.stored.length > 0, "the reconnected client's confirmation");
    expect(again.stored[0]?.size).toBe(0);
    expect(notes(again).toString()).toBe("Hallo");

    // A new keystroke still goes through: stored, relayed, confirmed.
    typeInto(notes(again), 5, "!");
    await again.allStored("the new keystroke's confirmation");
    await until(
      () => watcher.messages.slice(heard).some((m) => m[0] === MESSAGE.sync),
      "the keystroke to reach the watcher",
    );
    // The log holds the keystroke only; the watcher heard the keystroke only (no deletions again).
    expect(await loggedUpdates(suite.server, conversation.id)).toBe(logged + 1);
    expect(watcher.messages.slice(heard).filter((m) => m[0] === MESSAGE.sync)).toHaveLength(1);
  });
});

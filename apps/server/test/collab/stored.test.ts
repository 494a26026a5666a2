import { addAgreement, notesOf, readAgreements } from "@driehoek/collab";
import { SECTION_KEYS } from "@driehoek/domain";
import { type CollabClient, until } from "@driehoek/test-support";
import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { loggedUpdates, newId, typeInto } from "../support/collab-fixtures.js";
import { testDatabases } from "../support/database.js";
import { useCollabSuite } from "../support/suite.js";

const notes = (client: CollabClient) =>
  notesOf(client.doc).get(SECTION_KEYS[0] as string) as Y.Text;

describe.each(testDatabases())("the stored confirmation on %s", (kind) => {
  const suite = useCollabSuite(kind);

  async function pair() {
    const { conversation, tokens } = await suite.plannedConversation();
    const withAcks = suite.connect(conversation.id, tokens.student, { acks: true });
    const without = suite.connect(conversation.id, tokens.praktijkopleider);
    await Promise.all([withAcks.synced(), without.synced()]);
    return { conversation, withAcks, without };
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

    await until(() => withAcks.storedClock() >= withAcks.localClock(), "Sanne's confirmation");
    // Confirmations name only the writer's own updates, never what others typed.
    for (const clocks of withAcks.stored) expect(clocks.has(without.doc.clientID)).toBe(false);
  });
});

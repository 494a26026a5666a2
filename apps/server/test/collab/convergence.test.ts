import {
  addAgreement,
  agreementsOf,
  notesOf,
  plainText,
  readAgreements,
  summaryOf,
} from "@driehoek/collab";
import { SECTION_KEYS } from "@driehoek/domain";
import { type CollabClient, until } from "@driehoek/test-support";
import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { appendParagraph, documentView, newId, typeInto } from "../support/collab-fixtures.js";
import { testDatabases } from "../support/database.js";
import { loginAs } from "../support/factories.js";
import { useCollabSuite } from "../support/suite.js";

const [WELCOME, SECOND_SECTION] = SECTION_KEYS;

describe.each(testDatabases())("co-editing over /collab on %s", (kind) => {
  const suite = useCollabSuite(kind);

  it("converges on concurrent typing in the summary, the agreements and the notes; nothing is lost", async () => {
    const { conversation, clients } = await suite.threeParticipants();
    const [sanne, kees, marieke] = clients;
    const who = [
      { client: sanne, name: "Sanne" },
      { client: kees, name: "Kees" },
      { client: marieke, name: "Marieke" },
    ];

    // Everyone acts in the same tick, so nobody has seen the others' edits yet.
    for (const { client, name } of who) {
      const paragraph = appendParagraph(summaryOf(client.doc), "");
      typeInto(paragraph, 0, `${name} vat samen: het ging goed.`);
      addAgreement(client.doc, {
        id: newId(),
        text: `${name} spreekt af`,
        owner: "student",
        dueDate: "2026-04-01",
      });
      const notes = notesOf(client.doc).get(WELCOME as string);
      if (!notes) throw new Error("the seeded notes are missing");
      typeInto(notes, 0, `[${name} noteert]`);
    }
    const typed = who.map(({ name }) => [
      `${name} vat samen: het ging goed.`,
      `${name} spreekt af`,
      `[${name} noteert]`,
    ]);
    await until(
      () =>
        new Set(clients.map((c) => documentView(c.doc))).size === 1 &&
        readAgreements(sanne.doc).length === 3,
      "the three documents to converge",
    );
    const merged = documentView(sanne.doc);
    for (const text of typed.flat()) expect(merged).toContain(text);
    expect(plainText(summaryOf(sanne.doc)).split("\n")).toHaveLength(3);

    // Now all three type into the same agreement's text at once: start, middle and end.
    const shared = () => agreementsOf(sanne.doc).get(0).get("text") as Y.Text;
    const before = shared().toString();
    const textOf = (c: CollabClient) => agreementsOf(c.doc).get(0).get("text") as Y.Text;
    typeInto(textOf(sanne), 0, "Samen: ");
    typeInto(textOf(kees), before.length, " voor de demo");
    typeInto(textOf(marieke), 3, "<m>");
    typeInto(notesOf(kees.doc).get(SECOND_SECTION as string) as Y.Text, 0, "Kees' tweede notitie");
    await until(
      () =>
        new Set(clients.map((c) => documentView(c.doc))).size === 1 &&
        textOf(sanne).length === before.length + 23,
      "the edits of one agreement to converge",
    );
    const text = shared().toString();
    for (const piece of ["Samen: ", " voor de demo", "<m>"]) expect(text).toContain(piece);
    expect(text.length).toBe(before.length + "Samen: ".length + " voor de demo".length + 3);
    expect(
      notesOf(marieke.doc)
        .get(SECOND_SECTION as string)
        ?.toString(),
    ).toBe("Kees' tweede notitie");

    // What they agreed on is on the server: someone opening the document later sees all of it.
    const late = suite.connect(
      conversation.id,
      await loginAs(suite.server, suite.school.staff.marieke),
    );
    await late.synced();
    expect(documentView(late.doc)).toBe(documentView(sanne.doc));
  });

  it("keeps what a participant typed while offline and merges it on reconnecting", async () => {
    const { clients } = await suite.threeParticipants();
    const [sanne, kees] = clients;

    sanne.provider.disconnect();
    appendParagraph(summaryOf(sanne.doc), "In de trein getypt.");
    addAgreement(sanne.doc, { id: newId(), text: "Offline afgesproken", owner: "student" });
    appendParagraph(summaryOf(kees.doc), "Ondertussen bij Kees.");
    await until(
      () => clients.slice(1).every((c) => plainText(summaryOf(c.doc)) === "Ondertussen bij Kees."),
      "Kees' edit to reach the others online",
    );
    expect(plainText(summaryOf(kees.doc))).not.toContain("trein");

    sanne.provider.connect();
    await until(
      () =>
        new Set(clients.map((c) => documentView(c.doc))).size === 1 &&
        plainText(summaryOf(kees.doc)).includes("In de trein getypt."),
      "the offline edits to arrive after reconnecting",
    );
    expect(plainText(summaryOf(kees.doc)).split("\n").sort()).toEqual([
      "In de trein getypt.",
      "Ondertussen bij Kees.",
    ]);
    expect(readAgreements(kees.doc).map((a) => a.text)).toEqual(["Offline afgesproken"]);
  });
});

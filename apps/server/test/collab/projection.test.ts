import {
  addAgreement,
  agreementsOf,
  notesOf,
  PRAKTIJKOPLEIDER_GOALS_KEY,
  removeAgreement,
  reviewNeededText,
  setReviewStatus,
  summaryOf,
} from "@driehoek/collab";
import { SECTION_KEYS } from "@driehoek/domain";
import { pause, until } from "@driehoek/test-support";
import { beforeAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import {
  appendParagraph,
  heldConversationWithAgreements,
  newId,
} from "../support/collab-fixtures.js";
import { testDatabases } from "../support/database.js";
import { loginAs } from "../support/factories.js";
import type { Data } from "../support/server.js";
import { useCollabSuite } from "../support/suite.js";

const CONVERSATION = `query($id: ID!) {
  conversation(id: $id) {
    summary
    agreements { id text owner dueDate }
    previousAgreements { id status reviewNote reviewedInId }
  }
}`;

/** The relational tables follow the live document within this time (projection after ~1 s). */
const PROJECTED_WITHIN_MS = 5_000;

describe.each(testDatabases())("projection of the live document on %s", (kind) => {
  const suite = useCollabSuite(kind);
  let token: string;

  beforeAll(async () => {
    token = await loginAs(suite.server, suite.school.staff.marieke);
  });

  async function read(conversationId: string): Promise<Data> {
    const result = await suite.server.gql(CONVERSATION, { id: conversationId }, token);
    expect(result.errors).toBeUndefined();
    return result.data?.conversation;
  }

  /** Polls the API until `expected` matches what it returns. */
  async function apiShows(conversationId: string, expected: Data, what: string) {
    let last: Data = {};
    await until(
      async () => {
        last = await read(conversationId);
        try {
          expect(last).toMatchObject(expected);
          return true;
        } catch {
          return false;
        }
      },
      `the API to show ${what}`,
      PROJECTED_WITHIN_MS,
    ).catch((error) => {
      expect(last, String(error)).toMatchObject(expected);
    });
  }

  async function participants() {
    const { conversation, tokens } = await suite.plannedConversation();
    const [sanne, kees] = await suite.connectAll(conversation.id, [
      tokens.student,
      tokens.praktijkopleider,
    ]);
    return { conversation, sanne, kees };
  }

  it("brings the agreements and the summary to the API within seconds, and follows later edits", async () => {
    const { conversation, sanne, kees } = await participants();
    const first = newId();
    const second = newId();
    appendParagraph(summaryOf(sanne.doc), "De zoekfunctie werkt.");
    appendParagraph(summaryOf(kees.doc), "Presenteren kan beter.");
    addAgreement(sanne.doc, {
      id: first,
      text: "Sanne test de zoekfunctie",
      owner: "student",
      dueDate: "2026-04-01",
    });
    addAgreement(kees.doc, {
      id: second,
      text: "Kees plant een demo",
      owner: "praktijkopleider",
      dueDate: "2026-04-15",
    });
    await until(() => agreementsOf(sanne.doc).length === 2, "both agreements everywhere");
    const order = agreementsOf(sanne.doc)
      .toArray()
      .map((m) => m.get("id"));

    const rows = {
      [first]: {
        id: first,
        text: "Sanne test de zoekfunctie",
        owner: "student",
        dueDate: "2026-04-01",
      },
      [second]: {
        id: second,
        text: "Kees plant een demo",
        owner: "praktijkopleider",
        dueDate: "2026-04-15",
      },
    };
    const shown = await read(conversation.id);
    expect(shown.agreements).toEqual([]);
    await apiShows(
      conversation.id,
      { agreements: order.map((id) => rows[id as string]) },
      "both agreements",
    );
    const summary = (await read(conversation.id)).summary as string;
    expect(summary.split("\n").sort()).toEqual(["De zoekfunctie werkt.", "Presenteren kan beter."]);

    // Later edits: one agreement reworded and re-dated, the other removed, the summary extended.
    const kept = agreementsOf(kees.doc)
      .toArray()
      .find((m) => m.get("id") === first) as Y.Map<unknown>;
    kees.doc.transact(() => {
      (kept.get("text") as Y.Text).insert(0, "Samen: ");
      kept.set("dueDate", "2026-05-01");
    });
    removeAgreement(sanne.doc, second);
    appendParagraph(summaryOf(sanne.doc), "Volgende keer op locatie.");
    await apiShows(
      conversation.id,
      {
        agreements: [
          {
            id: first,
            text: "Samen: Sanne test de zoekfunctie",
            owner: "student",
            dueDate: "2026-05-01",
          },
        ],
      },
      "the edited agreements",
    );
    await apiShows(
      conversation.id,
      { summary: expect.stringContaining("Volgende keer op locatie.") },
      "the longer summary",
    );
  });

  it.runIf(kind === "sqlite")(
    "writes typing in the summary on the log's connection, not TypeORM's",
    async () => {
      const { conversation, sanne } = await participants();
      const paragraph = appendParagraph(summaryOf(sanne.doc), "Eerste week");
      await apiShows(conversation.id, { summary: "Eerste week" }, "the summary");
      const typeorm = (
        suite.server.services.dataSource.driver as unknown as {
          databaseConnection: {
            on(event: "trace", listener: (sql: string) => void): void;
            removeListener(event: "trace", listener: (sql: string) => void): void;
          };
        }
      ).databaseConnection;
      const traced: string[] = [];
      const listener = (sql: string) => traced.push(sql);
      typeorm.on("trace", listener);
      try {
        paragraph.insert(paragraph.length, " was druk");
        await apiShows(conversation.id, { summary: "Eerste week was druk" }, "the typing");
      } finally {
        typeorm.removeListener("trace", listener);
      }
      // The API read it on TypeORM's connection; the text run wrote it on the log's.
      expect(traced.filter((sql) => /^\s*UPDATE conversation/i.test(sql))).toEqual([]);
    },
  );

  it("keeps what people typed but not valid out of the tables", async () => {
    const { conversation, sanne } = await participants();
    const valid = newId();
    addAgreement(sanne.doc, { id: "mijn-eigen-id", text: "Zonder geldig id" });
    addAgreement(sanne.doc, { id: valid, text: "Met rare velden" });
    const map = agreementsOf(sanne.doc).get(1);
    sanne.doc.transact(() => {
      map.set("owner", "directeur");
      map.set("dueDate", "volgende week");
    });
    await apiShows(
      conversation.id,
      { agreements: [{ id: valid, text: "Met rare velden", owner: null, dueDate: null }] },
      "only the valid agreement, cleaned",
    );
    expect((await read(conversation.id)).agreements).toHaveLength(1);
  });

  it("keeps both the student's and the praktijkopleider's goals in the record", async () => {
    const { conversation, tokens } = await suite.plannedConversation("lotte");
    const [student, trainer] = await suite.connectAll(conversation.id, [
      tokens.student,
      tokens.praktijkopleider,
    ]);
    notesOf(student?.doc as Y.Doc)
      .get("gespreksdoel")
      ?.insert(0, "Feedback op mijn code");
    notesOf(trainer?.doc as Y.Doc)
      .get(PRAKTIJKOPLEIDER_GOALS_KEY)
      ?.insert(0, "Werktempo bespreken");
    const RECORD = `query($id: ID!) { conversation(id: $id) { record { json } } }`;
    let notes: { section: string; text: string }[] = [];
    await until(
      async () => {
        const result = await suite.server.gql(RECORD, { id: conversation.id }, token);
        notes = JSON.parse(result.data?.conversation.record.json ?? "{}").notes ?? [];
        return notes.length === 2;
      },
      "both goals in the record",
      PROJECTED_WITHIN_MS,
    );
    expect(notes).toEqual([
      { section: "gespreksdoel", text: "Feedback op mijn code" },
      { section: PRAKTIJKOPLEIDER_GOALS_KEY, text: "Werktempo bespreken" },
    ]);
  });

  it("records the review of the previous conversation's agreements", async () => {
    const held = await heldConversationWithAgreements(
      suite.server,
      suite.school.students.lotte.placementId,
      ["Lotte leert Git", "Lotte presenteert"],
    );
    const { conversation, tokens } = await suite.plannedConversation("lotte");
    const [lotte] = await suite.connectAll(conversation.id, [tokens.student]);
    const doc = lotte.doc;
    const [done, partly] = held.agreementIds as [string, string];
    setReviewStatus(doc, done, "done");
    setReviewStatus(doc, partly, "partly");
    reviewNeededText(doc, partly)?.insert(0, "Meer oefenen voor een groep");
    await apiShows(
      conversation.id,
      {
        previousAgreements: [
          { id: done, status: "done", reviewNote: null, reviewedInId: conversation.id },
          {
            id: partly,
            status: "partly",
            reviewNote: "Meer oefenen voor een groep",
            reviewedInId: conversation.id,
          },
        ],
      },
      "the reviewed agreements",
    );
  });

  it("projects one conversation while another is being typed in", async () => {
    const { conversation, sanne } = await participants();
    const busy = await participants();
    const busyNotes = notesOf(busy.sanne.doc).get(SECTION_KEYS[0] as string) as Y.Text;
    let isTyping = true;
    const typist = (async () => {
      while (isTyping) {
        busyNotes.insert(0, "x");
        await pause(10);
      }
    })();
    try {
      for (let round = 0; round < 5; round++) {
        const id = newId();
        addAgreement(sanne.doc, { id, text: `Ronde ${round}` });
        await apiShows(
          conversation.id,
          { agreements: expect.arrayContaining([expect.objectContaining({ id })]) },
          `the agreement of round ${round}`,
        );
      }
    } finally {
      isTyping = false;
      await typist;
    }
    expect(busy.sanne.closes).toEqual([]);
  });
});

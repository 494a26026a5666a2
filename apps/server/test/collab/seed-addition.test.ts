import {
  conversationSeedAddition,
  firstConversationSeed,
  notesOf,
  PRAKTIJKOPLEIDER_GOALS_KEY,
  SEED_ADDITION_CLIENT_ID,
} from "@driehoek/collab";
import { until } from "@driehoek/test-support";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { loggedUpdates } from "../support/collab-fixtures.js";
import { testDatabases } from "../support/database.js";
import { joinAs } from "../support/factories.js";
import { useCollabSuite } from "../support/suite.js";

describe.each(testDatabases())(
  "a document seeded before the praktijkopleider's goals on %s",
  (kind) => {
    const suite = useCollabSuite(kind);

    /** Stores a document as it was before the addition: the first seed and the student's goals. */
    async function storeOldDocument(docName: string): Promise<void> {
      const old = new Y.Doc();
      Y.applyUpdate(old, firstConversationSeed([]));
      notesOf(old).get("gespreksdoel")?.insert(0, "Feedback vragen op mijn code");
      await suite.server.services.dataSource.manager.query(
        kind === "postgres"
          ? "INSERT INTO collab_update (doc_name, data, created_at) VALUES ($1, $2, $3)"
          : "INSERT INTO collab_update (doc_name, data, created_at) VALUES (?, ?, ?)",
        [docName, Buffer.from(Y.encodeStateAsUpdate(old)), new Date().toISOString()],
      );
    }

    const additionClock = Y.decodeStateVector(
      Y.encodeStateVectorFromUpdate(conversationSeedAddition()),
    ).get(SEED_ADDITION_CLIENT_ID);

    it("gets the goals' text once, keeps what was written, and both co-edit it", async () => {
      const { conversation, tokens } = await suite.plannedConversation("lotte");
      await storeOldDocument(conversation.id);

      const [student, trainer] = await suite.connectAll(conversation.id, [
        tokens.student,
        tokens.praktijkopleider,
      ]);
      for (const client of [student, trainer]) {
        if (!client) throw new Error("no client");
        expect(notesOf(client.doc).get("gespreksdoel")?.toString()).toBe(
          "Feedback vragen op mijn code",
        );
        expect(notesOf(client.doc).get(PRAKTIJKOPLEIDER_GOALS_KEY)).toBeInstanceOf(Y.Text);
        expect(Y.getState(client.doc.store, SEED_ADDITION_CLIENT_ID)).toBe(additionClock);
      }
      // The old document and the addition: written once.
      expect(await loggedUpdates(suite.server, conversation.id)).toBe(2);

      notesOf(trainer?.doc as Y.Doc)
        .get(PRAKTIJKOPLEIDER_GOALS_KEY)
        ?.insert(0, "Werktempo bespreken");
      await until(
        () =>
          notesOf(student?.doc as Y.Doc)
            .get(PRAKTIJKOPLEIDER_GOALS_KEY)
            ?.toString() === "Werktempo bespreken",
        "the student to see the praktijkopleider's goal",
      );

      // After a restart the document has the addition already: nothing is added again.
      suite.destroyClients();
      await suite.restartServer();
      const token = await joinAs(suite.server, conversation.invites.praktijkopleider);
      const [again] = await suite.connectAll(conversation.id, [token]);
      if (!again) throw new Error("no client");
      expect(notesOf(again.doc).get(PRAKTIJKOPLEIDER_GOALS_KEY)?.toString()).toBe(
        "Werktempo bespreken",
      );
      expect(Y.getState(again.doc.store, SEED_ADDITION_CLIENT_ID)).toBe(additionClock);
    });
  },
);

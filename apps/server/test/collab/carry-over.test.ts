import { readReview, reviewNeededText, setReviewStatus, summaryOf } from "@driehoek/collab";
import { until } from "@driehoek/test-support";
import { beforeAll, describe, expect, it } from "vitest";
import { Agreement } from "../../src/modules/agreement/agreement.entity.js";
import {
  appendParagraph,
  heldConversationWithAgreements,
  participantTokens,
} from "../support/collab-fixtures.js";
import { testDatabases } from "../support/database.js";
import { loginAs, planConversation } from "../support/factories.js";
import type { Data } from "../support/server.js";
import { useCollabSuite } from "../support/suite.js";

const TO_REVIEW = `query($id: ID!) {
  conversation(id: $id) { summary previousAgreements { id text status reviewNote reviewedInId } }
}`;

describe.each(testDatabases())("open agreements carry over on %s", (kind) => {
  const suite = useCollabSuite(kind);
  let token: string;

  beforeAll(async () => {
    token = await loginAs(suite.server, suite.school.staff.joost);
  });

  async function toReview(conversationId: string): Promise<Data> {
    const result = await suite.server.gql(TO_REVIEW, { id: conversationId }, token);
    expect(result.errors).toBeUndefined();
    return result.data?.conversation;
  }

  it("brings back every agreement not done yet, from older conversations too, until it is done", async () => {
    const { server, school } = suite;
    const placementId = school.students.daan.placementId;
    // Two months ago: two agreements. Last month: one done, one partly done, one new agreement.
    const first = await heldConversationWithAgreements(
      server,
      placementId,
      ["Daan leert Git", "Daan presenteert voor het team"],
      60,
    );
    const second = await heldConversationWithAgreements(
      server,
      placementId,
      ["Daan schrijft testgevallen"],
      30,
    );
    const [git, present] = first.agreementIds as [string, string];
    const [tests] = second.agreementIds as [string];
    const manager = server.services.dataSource.manager;
    await manager.update(
      Agreement,
      { id: git },
      { status: "done", reviewedInId: second.conversationId },
    );
    await manager.update(
      Agreement,
      { id: present },
      { status: "partly", reviewNote: "Nog een keer oefenen", reviewedInId: second.conversationId },
    );

    const now = await planConversation(server.services, placementId);
    expect((await toReview(now.id)).previousAgreements).toEqual([
      {
        id: present,
        text: "Daan presenteert voor het team",
        status: "partly",
        reviewNote: "Nog een keer oefenen",
        reviewedInId: second.conversationId,
      },
      {
        id: tests,
        text: "Daan schrijft testgevallen",
        status: "open",
        reviewNote: null,
        reviewedInId: null,
      },
    ]);

    // The live review starts from where the last review left it.
    const tokens = await participantTokens(server, now);
    const [daan] = await suite.connectAll(now.id, [tokens.student]);
    expect(readReview(daan.doc)).toEqual([
      {
        agreementId: present,
        text: "Daan presenteert voor het team",
        status: "partly",
        needed: "Nog een keer oefenen",
      },
      { agreementId: tests, text: "Daan schrijft testgevallen", status: "open", needed: "" },
    ]);

    // Editing something else does not claim the older review as this conversation's.
    appendParagraph(summaryOf(daan.doc), "Het ging goed.");
    await until(
      async () => (await toReview(now.id)).summary === "Het ging goed.",
      "the summary projected",
    );
    expect((await toReview(now.id)).previousAgreements[0]).toMatchObject({
      status: "partly",
      reviewNote: "Nog een keer oefenen",
      reviewedInId: second.conversationId,
    });

    // Done now: recorded as reviewed here, and still listed here.
    setReviewStatus(daan.doc, present, "done");
    const needed = reviewNeededText(daan.doc, present);
    needed?.delete(0, needed.length);
    await until(
      async () => (await toReview(now.id)).previousAgreements[0]?.status === "done",
      "the review projected",
    );
    expect((await toReview(now.id)).previousAgreements).toMatchObject([
      { id: present, status: "done", reviewNote: null, reviewedInId: now.id },
      { id: tests, status: "open" },
    ]);
  });
});

import { randomUUID } from "node:crypto";
import { addAgreement, notesOf } from "@driehoek/collab";
import { LIMITS } from "@driehoek/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { projectConversation } from "../../src/collab/projection.js";
import { Agreement } from "../../src/modules/agreement/agreement.entity.js";
import { Conversation } from "../../src/modules/conversation/conversation.entity.js";
import { testDatabases } from "../support/database.js";
import { buildSchool, joinAs, loginAs, type TestSchool } from "../support/factories.js";
import { codeOf, startTestServer, type TestServer } from "../support/server.js";

/*
 * One limit per field (LIMITS in @driehoek/domain): the web form's maxlength, the API's
 * validation and the projection's clipping of the live document all read the same number, so
 * what a form lets someone type is exactly what the server keeps, and one character more is
 * refused or cut at that same length.
 */

const START = `mutation($id: ID!) { startConversation(conversationId: $id) { status } }`;
const CONCLUDE = `mutation($id: ID!, $motivation: String) {
  setConclusion(conversationId: $id, conclusion: op_schema, motivation: $motivation) { conclusionMotivation } }`;
const FLAG = `mutation($id: ID!, $text: String!) { flagParticular(conversationId: $id, text: $text) { id } }`;

describe.each(testDatabases())("field limits on %s", (kind) => {
  let server: TestServer;
  let school: TestSchool;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    school = await buildSchool(server.services);
    token = await loginAs(server, school.staff.marieke);
    const started = await server.gql(START, { id: school.conversations.sanne.id }, token);
    expect(started.errors).toBeUndefined();
    // The student states the conclusion first; the begeleider's confirmation then carries the motivation.
    const student = await joinAs(server, school.conversations.sanne.invites.student);
    const stated = await server.gql(
      "mutation($id: ID!) { setStudentConclusion(conversationId: $id, conclusion: op_schema) { id } }",
      { id: school.conversations.sanne.id },
      student,
    );
    expect(stated.errors).toBeUndefined();
  });
  afterAll(() => server?.close());

  it("the API takes a text of exactly its limit and refuses one character more", async () => {
    const id = school.conversations.sanne.id;
    const max = LIMITS.conclusionMotivation;
    const fits = await server.gql(CONCLUDE, { id, motivation: "m".repeat(max) }, token);
    expect(fits.data?.setConclusion.conclusionMotivation).toHaveLength(max);
    const over = await server.gql(CONCLUDE, { id, motivation: "m".repeat(max + 1) }, token);
    expect(codeOf(over)).toBe("BAD_USER_INPUT");

    const particular = LIMITS.particular;
    expect((await server.gql(FLAG, { id, text: "p".repeat(particular) }, token)).errors).toBe(
      undefined,
    );
    const tooLong = await server.gql(FLAG, { id, text: "p".repeat(particular + 1) }, token);
    expect(codeOf(tooLong)).toBe("BAD_USER_INPUT");
  });

  it("the projection cuts what was typed into the live document to the same limits", async () => {
    const id = school.conversations.sanne.id;
    const doc = new Y.Doc();
    const agreementId = randomUUID();
    const over = (field: keyof typeof LIMITS, letter: string) => letter.repeat(LIMITS[field] + 1);
    addAgreement(doc, {
      id: agreementId,
      text: over("agreementText", "t"),
      measure: over("agreementMeasure", "m"),
      firstStep: over("agreementFirstStep", "f"),
    });
    notesOf(doc).set("welkom", new Y.Text(over("sectionNote", "n")));
    await projectConversation(server.services, id, doc);

    const stored = await server.services.dataSource.manager.findOneByOrFail(Agreement, {
      id: agreementId,
    });
    expect(stored.text).toBe("t".repeat(LIMITS.agreementText));
    expect(stored.measure).toBe("m".repeat(LIMITS.agreementMeasure));
    expect(stored.firstStep).toBe("f".repeat(LIMITS.agreementFirstStep));
    const conversation = await server.services.dataSource.manager.findOneByOrFail(Conversation, {
      id,
    });
    expect(JSON.parse(conversation.sharedNotes ?? "{}").welkom).toHaveLength(LIMITS.sectionNote);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participantTokens } from "../support/collab-fixtures.js";
import { testDatabases } from "../support/database.js";
import { buildSchool, loginAs, planConversation, type TestSchool } from "../support/factories.js";
import { codeOf, startTestServer, type TestServer } from "../support/server.js";

const FLAG = `mutation($id: ID!, $text: String!) {
  flagParticular(conversationId: $id, text: $text) { id text handledAt createdBy { name } } }`;
const INBOX = `query($handled: Boolean) { particulars(handled: $handled) {
  id text handledAt conversation { id placement { student { name } } } } }`;
const HANDLE = `mutation($id: ID!) { markParticularHandled(particularId: $id) { id handledAt } }`;

describe.each(testDatabases())("particulars on %s", (kind) => {
  let server: TestServer;
  let school: TestSchool;

  beforeAll(async () => {
    server = await startTestServer(kind);
    school = await buildSchool(server.services);
  });
  afterAll(() => server?.close());

  it("reach the student's trajectbegeleider, who marks them handled; nobody else sees them", async () => {
    const conversation = await planConversation(server.services, school.students.sanne.placementId);
    const tokens = await participantTokens(server, conversation);
    const flagged = await server.gql(
      FLAG,
      { id: conversation.id, text: "Zorgen over het welzijn van de student" },
      tokens.bpv_begeleider,
    );
    expect(flagged.errors).toBeUndefined();
    const particularId = flagged.data?.flagParticular.id;

    const ahmed = await loginAs(server, school.staff.ahmed);
    const open = await server.gql(INBOX, { handled: false }, ahmed);
    expect(open.data?.particulars).toEqual([
      expect.objectContaining({
        id: particularId,
        text: "Zorgen over het welzijn van de student",
        handledAt: null,
        conversation: { id: conversation.id, placement: { student: { name: "Sanne Visser" } } },
      }),
    ]);
    for (const other of ["petra", "joost"] as const) {
      const theirs = await server.gql(INBOX, {}, await loginAs(server, school.staff[other]));
      expect(theirs.data?.particulars, other).toEqual([]);
    }
    const petra = await loginAs(server, school.staff.petra);
    expect(codeOf(await server.gql(HANDLE, { id: particularId }, petra))).toBe("FORBIDDEN");

    const handled = await server.gql(HANDLE, { id: particularId }, ahmed);
    expect(handled.data?.markParticularHandled.handledAt).toBeTruthy();
    expect((await server.gql(INBOX, { handled: false }, ahmed)).data?.particulars).toEqual([]);
    expect((await server.gql(INBOX, { handled: true }, ahmed)).data?.particulars).toHaveLength(1);
  });

  it("are flagged only by the participants", async () => {
    const conversation = await planConversation(server.services, school.students.daan.placementId);
    const ahmed = await loginAs(server, school.staff.ahmed);
    const result = await server.gql(FLAG, { id: conversation.id, text: "x" }, ahmed);
    expect(codeOf(result)).toBe("FORBIDDEN");
    expect(codeOf(await server.gql(FLAG, { id: conversation.id, text: "" }, ahmed))).toBe(
      "BAD_USER_INPUT",
    );
  });
});

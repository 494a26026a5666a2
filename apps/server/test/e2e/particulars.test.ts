import { describe, expect, it } from "vitest";
import { participantTokens } from "../support/collab-fixtures.js";
import { testDatabases } from "../support/database.js";
import { loginAs, planConversation } from "../support/factories.js";
import { codeOf } from "../support/server.js";
import { useSchoolServer } from "../support/suite.js";

const FLAG = `mutation($id: ID!, $text: String!) {
  flagParticular(conversationId: $id, text: $text) { id text handledAt createdBy { name } } }`;
const INBOX = `query($handled: Boolean) { particulars(handled: $handled) {
  id text handledAt conversation { id placement { student { name } } } } }`;
const HANDLE = `mutation($id: ID!) { markParticularHandled(particularId: $id) { id handledAt } }`;

describe.each(testDatabases())("particulars on %s", (kind) => {
  const suite = useSchoolServer(kind);

  it("reach the student's trajectbegeleider, who marks them handled; nobody else sees them", async () => {
    const conversation = await planConversation(
      suite.server.services,
      suite.school.students.sanne.placementId,
    );
    const tokens = await participantTokens(suite.server, conversation);
    const flagged = await suite.server.gql(
      FLAG,
      { id: conversation.id, text: "Zorgen over het welzijn van de student" },
      tokens.bpv_begeleider,
    );
    expect(flagged.errors).toBeUndefined();
    const particularId = flagged.data?.flagParticular.id;

    const ahmed = await loginAs(suite.server, suite.school.staff.ahmed);
    const open = await suite.server.gql(INBOX, { handled: false }, ahmed);
    expect(open.data?.particulars).toEqual([
      expect.objectContaining({
        id: particularId,
        text: "Zorgen over het welzijn van de student",
        handledAt: null,
        conversation: { id: conversation.id, placement: { student: { name: "Sanne Visser" } } },
      }),
    ]);
    for (const other of ["petra", "joost"] as const) {
      const theirs = await suite.server.gql(
        INBOX,
        {},
        await loginAs(suite.server, suite.school.staff[other]),
      );
      expect(theirs.data?.particulars, other).toEqual([]);
    }
    const petra = await loginAs(suite.server, suite.school.staff.petra);
    expect(codeOf(await suite.server.gql(HANDLE, { id: particularId }, petra))).toBe("FORBIDDEN");

    const handled = await suite.server.gql(HANDLE, { id: particularId }, ahmed);
    expect(handled.data?.markParticularHandled.handledAt).toBeTruthy();
    expect((await suite.server.gql(INBOX, { handled: false }, ahmed)).data?.particulars).toEqual(
      [],
    );
    expect(
      (await suite.server.gql(INBOX, { handled: true }, ahmed)).data?.particulars,
    ).toHaveLength(1);
  });

  it("are flagged only by the participants", async () => {
    const conversation = await planConversation(
      suite.server.services,
      suite.school.students.daan.placementId,
    );
    const ahmed = await loginAs(suite.server, suite.school.staff.ahmed);
    const result = await suite.server.gql(FLAG, { id: conversation.id, text: "x" }, ahmed);
    expect(codeOf(result)).toBe("FORBIDDEN");
    expect(codeOf(await suite.server.gql(FLAG, { id: conversation.id, text: "" }, ahmed))).toBe(
      "BAD_USER_INPUT",
    );
  });
});

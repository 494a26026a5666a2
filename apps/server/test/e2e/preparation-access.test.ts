import { beforeAll, describe, expect, it } from "vitest";
import { heldConversationWithAgreements } from "../support/collab-fixtures.js";
import { testDatabases } from "../support/database.js";
import { joinAs, loginAs } from "../support/factories.js";
import { codeOf } from "../support/server.js";
import { useSchoolServer } from "../support/suite.js";

const PREPARATION = `query($id: ID!) {
  conversation(id: $id) {
    myRole
    previousAgreements { text status }
    placement { pokCheck { isValid problems } }
  }
}`;
const PLACEMENT_POK = `query($id: ID!) { placement(id: $id) { pokCheck { isValid } } }`;
const LISTED =
  "{ conversations { id previousAgreements { text } placement { pokCheck { isValid } } } }";

type Who =
  | "student"
  | "praktijkopleider"
  | "bpv_begeleider"
  | "daanStudent"
  | "ingridForDaan"
  | "petra";

describe.each(testDatabases())("preparing together on %s", (kind) => {
  const suite = useSchoolServer(kind);
  const tokens = {} as Record<Who, string>;
  const LAST_TIME = ["Sanne leert Git", "Sanne presenteert in de sprintdemo"];

  beforeAll(async () => {
    const { server, school } = suite;
    await heldConversationWithAgreements(server, school.students.sanne.placementId, LAST_TIME);
    const sanne = school.conversations.sanne.invites;
    tokens.student = await joinAs(server, sanne.student);
    tokens.praktijkopleider = await joinAs(server, sanne.praktijkopleider);
    tokens.bpv_begeleider = await joinAs(server, sanne.bpv_begeleider);
    tokens.daanStudent = await joinAs(server, school.conversations.daan.invites.student);
    tokens.ingridForDaan = await joinAs(server, school.conversations.daan.invites.praktijkopleider);
    tokens.petra = await loginAs(server, school.staff.petra);
  });

  const prepareAs = (who: Who) =>
    suite.server.gql(PREPARATION, { id: suite.school.conversations.sanne.id }, tokens[who]);

  it.each(["student", "praktijkopleider", "bpv_begeleider"] as const)(
    "the %s sees last time's agreements with their review state, and the POK check",
    async (role) => {
      const result = await prepareAs(role);
      expect(result.errors).toBeUndefined();
      expect(result.data?.conversation).toMatchObject({
        myRole: role,
        previousAgreements: LAST_TIME.map((text) => ({ text, status: "open" })),
        placement: { pokCheck: { isValid: expect.any(Boolean) } },
      });
    },
  );

  it("the student and praktijkopleider see their own POK check through their placement too", async () => {
    for (const who of ["student", "praktijkopleider"] as const) {
      const result = await suite.server.gql(
        PLACEMENT_POK,
        { id: suite.school.students.sanne.placementId },
        tokens[who],
      );
      expect(result.errors, who).toBeUndefined();
      expect(result.data?.placement.pokCheck.isValid, who).toEqual(expect.any(Boolean));
    }
  });

  it.each(["daanStudent", "ingridForDaan", "petra"] as const)(
    "%s, in another conversation, is refused the agreements and the POK check",
    async (who) => {
      const conversation = await prepareAs(who);
      expect(conversation.data).toBeNull();
      expect(codeOf(conversation)).toBe("FORBIDDEN");
      const placement = await suite.server.gql(
        PLACEMENT_POK,
        { id: suite.school.students.sanne.placementId },
        tokens[who],
      );
      expect(placement.data).toBeNull();
      expect(codeOf(placement)).toBe("FORBIDDEN");
    },
  );

  it("a participant's own list shows only their own conversation's agreements", async () => {
    const result = await suite.server.gql(LISTED, {}, tokens.daanStudent);
    expect(result.errors).toBeUndefined();
    expect(result.data?.conversations).toEqual([
      {
        id: suite.school.conversations.daan.id,
        previousAgreements: [],
        placement: { pokCheck: { isValid: expect.any(Boolean) } },
      },
    ]);
  });
});

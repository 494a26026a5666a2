import { beforeAll, describe, expect, it } from "vitest";
import { AuditEntry } from "../../src/modules/audit/audit-entry.entity.js";
import { Conversation } from "../../src/modules/conversation/conversation.entity.js";
import { testDatabases } from "../support/database.js";
import { joinAs, loginAs, planConversation } from "../support/factories.js";
import { codeOf } from "../support/server.js";
import { useSchoolServer } from "../support/suite.js";

const PLACEMENTS = "{ placements { id } }";
const CONVERSATIONS = "{ conversations { id } }";
const STUDENTS = "{ students { id person { name } programme { crebo werkprocessen { code } } } }";
const CONVERSATION = `query($id: ID!) {
  conversation(id: $id) { id myRole placement { id student { name } } invites { url } }
}`;
const PLACEMENT = `query($id: ID!) {
  placement(id: $id) { id student { name } companyName pokValid pokProblems }
}`;
const START = "mutation($id: ID!) { startConversation(conversationId: $id) { status } }";
const SCHEDULE = `mutation($placementId: ID!, $at: DateTimeISO!) {
  scheduleConversation(input: { placementId: $placementId, scheduledAt: $at }) { conversation { id } }
}`;

type Student = "sanne" | "daan" | "lotte";
type Who =
  | "marieke"
  | "joost"
  | "ahmed"
  | "petra"
  | "fleur"
  | "sanne"
  | "keesForSanne"
  | "ingridForDaan";

describe.each(testDatabases())("authorization on %s", (kind) => {
  const suite = useSchoolServer(kind);
  const tokens = {} as Record<Who, string>;

  beforeAll(async () => {
    for (const name of ["marieke", "joost", "ahmed", "petra", "fleur"] as const) {
      tokens[name] = await loginAs(suite.server, suite.school.staff[name]);
    }
    tokens.sanne = await joinAs(suite.server, suite.school.conversations.sanne.invites.student);
    tokens.keesForSanne = await joinAs(
      suite.server,
      suite.school.conversations.sanne.invites.praktijkopleider,
    );
    tokens.ingridForDaan = await joinAs(
      suite.server,
      suite.school.conversations.daan.invites.praktijkopleider,
    );
  });

  /** A student's placement, or their planned conversation, as `who` asks for it. */
  const placementAs = (student: Student, who: Who) =>
    suite.server.gql(PLACEMENT, { id: suite.school.students[student].placementId }, tokens[who]);
  const conversationAs = (student: Student, who: Who) =>
    suite.server.gql(CONVERSATION, { id: suite.school.conversations[student].id }, tokens[who]);
  const ids = (rows: { id: string }[] | undefined) => (rows ?? []).map((r) => r.id).sort();
  const placementsOf = (...students: Student[]) =>
    students.map((s) => suite.school.students[s].placementId).sort();
  const conversationsOf = (...students: Student[]) =>
    students.map((s) => suite.school.conversations[s].id).sort();
  const accessLog = (actorId: string, conversationId: string) =>
    suite.server.services.dataSource.manager.findBy(AuditEntry, {
      actorId,
      subjectId: conversationId,
      action: "conversation.accessed",
    });

  describe("lists hold exactly the rows each person may see", () => {
    const cases: [Who, Student[]][] = [
      ["marieke", ["sanne", "lotte"]],
      ["joost", ["daan"]],
      ["ahmed", ["sanne", "daan"]],
      ["petra", ["lotte"]],
      ["fleur", ["sanne", "daan", "lotte"]],
      ["sanne", ["sanne"]],
      ["keesForSanne", ["sanne"]],
      ["ingridForDaan", ["daan"]],
    ];
    it.each(cases)("%s sees the placements and conversations of %j", async (who, students) => {
      const placements = await suite.server.gql(PLACEMENTS, {}, tokens[who]);
      expect(placements.errors).toBeUndefined();
      expect(ids(placements.data?.placements)).toEqual(placementsOf(...students));
      const conversations = await suite.server.gql(CONVERSATIONS, {}, tokens[who]);
      expect(conversations.errors).toBeUndefined();
      expect(ids(conversations.data?.conversations)).toEqual(conversationsOf(...students));
      const studentList = await suite.server.gql(STUDENTS, {}, tokens[who]);
      expect(studentList.errors).toBeUndefined();
      expect(ids(studentList.data?.students)).toEqual(
        students.map((s) => suite.school.students[s].studentId).sort(),
      );
    });
  });

  describe("student and praktijkopleider through an invite", () => {
    it("see their own conversation, in their role", async () => {
      const id = suite.school.conversations.sanne.id;
      for (const [who, role] of [
        ["sanne", "student"],
        ["keesForSanne", "praktijkopleider"],
      ] as const) {
        const result = await suite.server.gql(CONVERSATION, { id }, tokens[who]);
        expect(result.errors).toBeUndefined();
        expect(result.data?.conversation).toMatchObject({
          id,
          myRole: role,
          placement: { student: { name: "Sanne Visser" } },
          // Invite links are for the one who leads, not for the participants.
          invites: null,
        });
      }
    });

    it("do not see another conversation, even of the same company", async () => {
      for (const who of ["sanne", "keesForSanne"] as const) {
        for (const other of ["daan", "lotte"] as const) {
          const result = await conversationAs(other, who);
          expect(result.data, `${who} → ${other}`).toBeNull();
          expect(codeOf(result), `${who} → ${other}`).toBe("FORBIDDEN");
        }
      }
    });

    it("a praktijkopleider of another company cannot see the placement", async () => {
      const placement = await placementAs("sanne", "ingridForDaan");
      expect(placement.data).toBeNull();
      expect(codeOf(placement)).toBe("FORBIDDEN");
      const conversation = await conversationAs("sanne", "ingridForDaan");
      expect(codeOf(conversation)).toBe("FORBIDDEN");
      const own = await placementAs("daan", "ingridForDaan");
      expect(own.data?.placement).toMatchObject({
        student: { name: "Daan Mulder" },
        companyName: "Zorgcentrum De Linde",
      });
    });

    it("may not plan or start conversations", async () => {
      for (const who of ["sanne", "keesForSanne"] as const) {
        const start = await suite.server.gql(
          START,
          { id: suite.school.conversations.sanne.id },
          tokens[who],
        );
        expect(codeOf(start)).toBe("FORBIDDEN");
        const schedule = await suite.server.gql(
          SCHEDULE,
          { placementId: suite.school.students.sanne.placementId, at: "2026-04-01T10:00:00.000Z" },
          tokens[who],
        );
        expect(codeOf(schedule)).toBe("FORBIDDEN");
      }
    });
  });

  describe("BPV-begeleider", () => {
    it("sees their placements with the POK check, and the invite links of their conversation", async () => {
      const valid = await placementAs("sanne", "marieke");
      expect(valid.data?.placement).toMatchObject({ pokValid: true, pokProblems: [] });
      const invalid = await placementAs("lotte", "marieke");
      expect(invalid.data?.placement).toMatchObject({
        pokValid: false,
        pokProblems: ["missing_company_signature"],
      });
      const conversation = await conversationAs("sanne", "marieke");
      expect(conversation.data?.conversation.myRole).toBe("bpv_begeleider");
      expect(
        conversation.data?.conversation.invites.map((i: { url: string }) => i.url).sort(),
      ).toEqual(
        Object.values(suite.school.conversations.sanne.invites)
          .map((i) => i.url)
          .sort(),
      );
    });

    it("does not see a colleague's placement or conversation", async () => {
      const placement = await placementAs("daan", "marieke");
      expect(codeOf(placement)).toBe("FORBIDDEN");
      const conversation = await conversationAs("daan", "marieke");
      expect(conversation.data).toBeNull();
      expect(codeOf(conversation)).toBe("FORBIDDEN");
    });

    it("may not plan a conversation for a colleague's placement", async () => {
      const before = await suite.server.services.dataSource.manager.count(Conversation);
      const result = await suite.server.gql(
        SCHEDULE,
        { placementId: suite.school.students.daan.placementId, at: "2026-04-01T10:00:00.000Z" },
        tokens.marieke,
      );
      expect(codeOf(result)).toBe("FORBIDDEN");
      expect(await suite.server.services.dataSource.manager.count(Conversation)).toBe(before);
    });

    it("reading their own conversation is not logged as a non-participant access", async () => {
      await conversationAs("lotte", "marieke");
      expect(
        await accessLog(suite.school.staff.marieke.id, suite.school.conversations.lotte.id),
      ).toEqual([]);
    });
  });

  describe("trajectbegeleider", () => {
    it("sees their students' conversations, and each reading is audit-logged", async () => {
      const id = suite.school.conversations.daan.id;
      expect(await accessLog(suite.school.staff.ahmed.id, id)).toHaveLength(0);
      const result = await suite.server.gql(CONVERSATION, { id }, tokens.ahmed);
      expect(result.errors).toBeUndefined();
      expect(result.data?.conversation).toMatchObject({ id, myRole: null, invites: null });
      const logged = await accessLog(suite.school.staff.ahmed.id, id);
      expect(logged.length).toBeGreaterThanOrEqual(1);
      expect(logged[0]).toMatchObject({
        subjectType: "conversation",
        at: suite.server.clock.now(),
      });
      expect(JSON.parse(logged[0]?.detail ?? "{}")).toEqual({ role: "trajectbegeleider" });
    });

    it("does not see another trajectbegeleider's students", async () => {
      const result = await conversationAs("lotte", "ahmed");
      expect(codeOf(result)).toBe("FORBIDDEN");
      expect(
        await accessLog(suite.school.staff.ahmed.id, suite.school.conversations.lotte.id),
      ).toEqual([]);
    });

    it("may not start, plan or lead a conversation", async () => {
      const id = suite.school.conversations.sanne.id;
      expect(codeOf(await suite.server.gql(START, { id }, tokens.ahmed))).toBe("FORBIDDEN");
      const schedule = await suite.server.gql(
        SCHEDULE,
        { placementId: suite.school.students.sanne.placementId, at: "2026-04-01T10:00:00.000Z" },
        tokens.ahmed,
      );
      expect(codeOf(schedule)).toBe("FORBIDDEN");
      const stored = await suite.server.services.dataSource.manager.findOneByOrFail(Conversation, {
        id,
      });
      expect(stored.status).toBe("planned");
    });
  });

  describe("admin", () => {
    it("sees every conversation and placement; the reading is audit-logged", async () => {
      for (const student of ["sanne", "daan", "lotte"] as const) {
        const id = suite.school.conversations[student].id;
        const conversation = await suite.server.gql(CONVERSATION, { id }, tokens.fleur);
        expect(conversation.errors).toBeUndefined();
        expect(conversation.data?.conversation.id).toBe(id);
        const placement = await placementAs(student, "fleur");
        expect(placement.errors).toBeUndefined();
        expect(await accessLog(suite.school.staff.fleur.id, id)).not.toHaveLength(0);
      }
    });
  });

  describe("without a token", () => {
    it("only the guide is open", async () => {
      const guide = await suite.server.gql("{ guide { key sections { key } } }");
      expect(guide.errors).toBeUndefined();
      expect(guide.data?.guide.map((p: { key: string }) => p.key)).toEqual([
        "inleiding",
        "kern",
        "afronden",
      ]);
      const closed: [string, Record<string, unknown>][] = [
        ["{ me { name } }", {}],
        [PLACEMENTS, {}],
        [CONVERSATIONS, {}],
        [CONVERSATION, { id: suite.school.conversations.sanne.id }],
        [PLACEMENT, { id: suite.school.students.sanne.placementId }],
        [START, { id: suite.school.conversations.sanne.id }],
        [
          SCHEDULE,
          { placementId: suite.school.students.sanne.placementId, at: "2026-04-01T10:00:00Z" },
        ],
        [
          "mutation($id: ID!) { revokeInvite(inviteId: $id) { id } }",
          { id: suite.school.conversations.sanne.invites.student.id },
        ],
      ];
      for (const [query, variables] of closed) {
        const result = await suite.server.gql(query, variables);
        expect(result.data, query).toBeNull();
        expect(codeOf(result), query).toBe("UNAUTHENTICATED");
      }
    });
  });

  describe("nested fields", () => {
    it("an invite does not reach the placement's other conversations through the placement", async () => {
      const earlier = await planConversation(
        suite.server.services,
        suite.school.students.sanne.placementId,
        new Date("2026-02-01T10:00:00.000Z"),
      );
      const query = `query($id: ID!) { conversation(id: $id) { placement { conversations { id } } } }`;
      for (const who of ["sanne", "keesForSanne"] as const) {
        expect(codeOf(await suite.server.gql(CONVERSATION, { id: earlier.id }, tokens[who]))).toBe(
          "FORBIDDEN",
        );
        const nested = await suite.server.gql(
          query,
          { id: suite.school.conversations.sanne.id },
          tokens[who],
        );
        expect(nested.errors).toBeUndefined();
        expect(ids(nested.data?.conversation.placement.conversations)).toEqual([
          suite.school.conversations.sanne.id,
        ]);
      }
      // The begeleider, responsible for the placement, sees both.
      const own = await suite.server.gql(
        query,
        { id: suite.school.conversations.sanne.id },
        tokens.marieke,
      );
      expect(ids(own.data?.conversation.placement.conversations)).toEqual(
        [earlier.id, suite.school.conversations.sanne.id].sort(),
      );
    });
  });
});

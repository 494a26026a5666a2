import { randomUUID } from "node:crypto";
import { addDays, schoolToday } from "@driehoek/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentRequestId } from "../../src/log/request-id.js";
import { Agreement } from "../../src/modules/agreement/agreement.entity.js";
import { AuditEntry } from "../../src/modules/audit/audit-entry.entity.js";
import { Conversation } from "../../src/modules/conversation/conversation.entity.js";
import { ConversationParticipant } from "../../src/modules/conversation/participant.entity.js";
import { refreshFrequency } from "../../src/modules/placement/frequency-state.js";
import { testDatabases } from "../support/database.js";
import {
  buildSchool,
  bytewerkPlacement,
  insertStudent,
  joinAs,
  loginAs,
  type TestSchool,
} from "../support/factories.js";
import { codeOf, startTestServer, type TestServer } from "../support/server.js";

const STUDENT = `query($id: ID!) {
  student(id: $id) {
    id name studentNumber programmeName crebo cohort trajectbegeleider { name }
    placements {
      id companyName praktijkopleider { name } begeleider { name } startDate endDate
      pok { isValid problems endDate }
      frequency { required held missed isOverdue }
      windows { start end state conversationIds }
    }
    conversations {
      id placementId status begeleider { name } conclusion conclusionMotivation
      studentConclusion studentMotivation
      agreements { text owner dueDate smart { isComplete missing } status reviewNote }
    }
  }
}`;
const SEARCH = `query($search: String, $first: Int, $after: String) {
  studentSearch(search: $search, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id name studentNumber programmeName cohort
      currentPlacement { id companyName frequency { isOverdue missed } }
      nextConversation { id status }
    } }
  }
}`;

type Row = { id: string; name: string; studentNumber: string };

describe.each(testDatabases())("the student page and list on %s", (kind) => {
  let server: TestServer;
  let school: TestSchool;
  let today: string;
  let heldId: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    school = await buildSchool(server.services);
    today = schoolToday(server.services.now());
    const manager = server.services.dataSource.manager;
    // Sanne had a conversation with Marieke 48 days ago (20 January), in her first window.
    heldId = randomUUID();
    const at = new Date(`${addDays(today, -48)}T10:00:00.000Z`);
    await manager.insert(Conversation, {
      id: heldId,
      placementId: school.students.sanne.placementId,
      scheduledAt: at,
      mode: "in_person",
      status: "signed",
      phase: "afronden",
      section: "archivering",
      startedAt: at,
      endedAt: at,
      signedAt: at,
      conclusion: "op_schema",
      conclusionMotivation: "Werkprocessen B1-K1 op niveau.",
      studentConclusion: "voor",
      studentMotivation: "Ik doe al taken van het tweede jaar.",
      version: 9,
      createdById: school.staff.marieke.id,
      createdAt: at,
    });
    await manager.insert(ConversationParticipant, {
      id: randomUUID(),
      conversationId: heldId,
      personId: school.staff.marieke.id,
      role: "bpv_begeleider",
    });
    const agreement = {
      conversationId: heldId,
      reviewedInId: null,
      owner: "student" as const,
      werkprocesId: null,
      createdAt: at,
      updatedAt: at,
    };
    await manager.insert(Agreement, [
      {
        ...agreement,
        id: randomUUID(),
        position: 0,
        text: "Sanne maakt zelfstandig een testplan",
        dueDate: addDays(today, -10),
        measure: "Kees keurt het testplan goed",
        firstStep: "Sjabloon opvragen",
        status: "partly",
        reviewNote: "Nog niet besproken met Kees",
      },
      {
        ...agreement,
        id: randomUUID(),
        position: 1,
        text: "Portfolio bijwerken",
        dueDate: null,
        measure: "",
        firstStep: "",
        status: "open",
        reviewNote: null,
      },
    ]);
    await refreshFrequency(manager, school.students.sanne.placementId, today);
    // Joost's students, to page through: Student 01 … Student 05.
    for (let i = 1; i <= 5; i += 1) {
      await insertStudent(manager, server.services.now(), today, {
        ...bytewerkPlacement(school),
        name: `Student 0${i}`,
        number: `20000${i}`,
      });
    }
  });
  afterAll(() => server?.close());

  const tokens = new Map<string, Promise<string>>();
  const as = async (who: keyof TestSchool["staff"], query: string, variables = {}) => {
    if (!tokens.has(who)) tokens.set(who, loginAs(server, school.staff[who]));
    return server.gql(query, variables, await tokens.get(who));
  };

  it("shows a begeleider their student: placement, POK, windows and conversations newest first", async () => {
    const result = await as("marieke", STUDENT, { id: school.students.sanne.studentId });
    expect(result.errors).toBeUndefined();
    const student = result.data?.student;
    expect(student).toMatchObject({
      id: school.students.sanne.studentId,
      name: "Sanne Visser",
      studentNumber: "100001",
      programmeName: "Software developer",
      crebo: "25998",
      cohort: "2024-2025",
      trajectbegeleider: { name: "Ahmed El Amrani" },
    });
    expect(student.placements).toHaveLength(1);
    const [placement] = student.placements;
    expect(placement).toMatchObject({
      id: school.students.sanne.placementId,
      companyName: "Bytewerk B.V.",
      praktijkopleider: { name: "Kees van Dijk" },
      begeleider: { name: "Marieke de Vries" },
      pok: { isValid: true, problems: [] },
      frequency: { required: 3, held: 1, missed: 0, isOverdue: false },
    });
    // 8–31 January (covered by the conversation of 20 January), the rest of the school year
    // (holding today), and the part of the next school year the placement covers.
    expect(placement.windows.map((w: { state: string }) => w.state)).toEqual([
      "covered",
      "current",
      "upcoming",
    ]);
    expect(placement.windows[0]).toMatchObject({
      start: placement.startDate,
      end: "2026-01-31",
      conversationIds: [heldId],
    });
    expect(placement.windows.at(-1).end).toBe(placement.endDate);

    expect(student.conversations.map((c: { id: string }) => c.id)).toEqual([
      school.conversations.sanne.id,
      heldId,
    ]);
    const [planned, held] = student.conversations;
    expect(planned).toMatchObject({ status: "planned", conclusion: null, agreements: [] });
    expect(held).toEqual({
      id: heldId,
      placementId: school.students.sanne.placementId,
      status: "signed",
      begeleider: { name: "Marieke de Vries" },
      conclusion: "op_schema",
      conclusionMotivation: "Werkprocessen B1-K1 op niveau.",
      studentConclusion: "voor",
      studentMotivation: "Ik doe al taken van het tweede jaar.",
      agreements: [
        {
          text: "Sanne maakt zelfstandig een testplan",
          owner: "student",
          dueDate: addDays(today, -10),
          // Judged on the day it was made, when its date lay ahead.
          smart: { isComplete: true, missing: [] },
          status: "partly",
          reviewNote: "Nog niet besproken met Kees",
        },
        {
          text: "Portfolio bijwerken",
          owner: "student",
          dueDate: null,
          smart: { isComplete: false, missing: ["S", "M", "R", "T"] },
          status: "open",
          reviewNote: null,
        },
      ],
    });
    const audit = await server.services.dataSource.manager.countBy(AuditEntry, {
      action: "student.accessed",
      subjectId: school.students.sanne.studentId,
    });
    expect(audit).toBeGreaterThan(0);
  });

  it("shows the POK problem of an invalid POK", async () => {
    const result = await as("marieke", STUDENT, { id: school.students.lotte.studentId });
    expect(result.data?.student.placements[0].pok).toMatchObject({
      isValid: false,
      problems: ["missing_company_signature"],
    });
  });

  it("refuses someone else's student with a clear error and nothing of the student", async () => {
    const result = await as("marieke", STUDENT, { id: school.students.daan.studentId });
    expect(codeOf(result)).toBe("FORBIDDEN");
    expect(result.errors?.[0]?.message).toMatch(/not one of yours/);
    expect(result.data?.student ?? null).toBeNull();
    expect(JSON.stringify(result)).not.toContain("Daan");
    expect(codeOf(await as("petra", STUDENT, { id: school.students.sanne.studentId }))).toBe(
      "FORBIDDEN",
    );
    expect(codeOf(await as("marieke", STUDENT, { id: randomUUID() }))).toBe("NOT_FOUND");
    expect(codeOf(await as("marieke", STUDENT, { id: "x".repeat(200) }))).toBe("BAD_USER_INPUT");
  });

  it("lets the school's roles see as far as the reports do", async () => {
    // Ahmed guides Sanne and Daan as trajectbegeleider; Fleur (admin) sees everyone.
    for (const [who, student] of [
      ["ahmed", "daan"],
      ["ahmed", "sanne"],
      ["joost", "daan"],
      ["fleur", "lotte"],
    ] as const) {
      const result = await as(who, STUDENT, { id: school.students[student].studentId });
      expect(result.errors, `${who} → ${student}`).toBeUndefined();
    }
    const names = async (who: keyof TestSchool["staff"]) => {
      const result = await as(who, SEARCH, { first: 100 });
      return result.data?.studentSearch.edges.map((e: { node: Row }) => e.node.name);
    };
    expect(await names("marieke")).toEqual(["Lotte de Boer", "Sanne Visser"]);
    expect(await names("ahmed")).toEqual(["Daan Mulder", "Sanne Visser"]);
    expect(await names("petra")).toEqual([
      "Lotte de Boer",
      "Student 01",
      "Student 02",
      "Student 03",
      "Student 04",
      "Student 05",
    ]);
    expect(await names("fleur")).toHaveLength(8);
  });

  it("is for staff only: never for a student or praktijkopleider, nor without a login", async () => {
    const invites = school.conversations.sanne.invites;
    const id = school.students.sanne.studentId;
    for (const invite of [invites.student, invites.praktijkopleider, invites.bpv_begeleider]) {
      const token = await joinAs(server, invite);
      for (const [query, variables] of [
        [STUDENT, { id }],
        [SEARCH, {}],
      ] as const) {
        const result = await server.gql(query, variables, token);
        expect(codeOf(result)).toBe("FORBIDDEN");
        expect(result.data ?? null).toBeNull();
      }
    }
    expect(codeOf(await server.gql(STUDENT, { id }))).toBe("UNAUTHENTICATED");
    expect(codeOf(await server.gql(SEARCH, {}))).toBe("UNAUTHENTICATED");
  });

  it("searches name or student number in any case, with LIKE's wildcards taken literally", async () => {
    const search = async (words: string) => {
      const result = await as("fleur", SEARCH, { search: words });
      expect(result.errors, words).toBeUndefined();
      return result.data?.studentSearch.edges.map((e: { node: Row }) => e.node.name);
    };
    expect(await search("sanne")).toEqual(["Sanne Visser"]);
    expect(await search("VISSER")).toEqual(["Sanne Visser"]);
    expect(await search("100003")).toEqual(["Lotte de Boer"]);
    expect(await search("de boer")).toEqual(["Lotte de Boer"]);
    expect(await search("2000")).toHaveLength(5);
    expect(await search("%")).toEqual([]);
    expect(await search("_")).toEqual([]);
  });

  it("gives each row the current placement and the next conversation", async () => {
    const result = await as("marieke", SEARCH, { search: "sanne" });
    expect(result.data?.studentSearch).toEqual({
      totalCount: 1,
      pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
      edges: [
        {
          cursor: expect.any(String),
          node: {
            id: school.students.sanne.studentId,
            name: "Sanne Visser",
            studentNumber: "100001",
            programmeName: "Software developer",
            cohort: "2024-2025",
            currentPlacement: {
              id: school.students.sanne.placementId,
              companyName: "Bytewerk B.V.",
              frequency: { isOverdue: false, missed: 0 },
            },
            nextConversation: { id: school.conversations.sanne.id, status: "planned" },
          },
        },
      ],
    });
    const lotte = await as("marieke", SEARCH, { search: "lotte" });
    expect(lotte.data?.studentSearch.edges[0].node.currentPlacement.frequency).toEqual({
      isOverdue: true,
      missed: 1,
    });
  });

  it("pages by cursor through every match once, in name order", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const result = await as("petra", SEARCH, { search: "student", first: 2, after });
      expect(result.errors).toBeUndefined();
      const connection = result.data?.studentSearch;
      expect(connection.totalCount).toBe(5);
      seen.push(...connection.edges.map((e: { node: Row }) => e.node.name));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(["Student 01", "Student 02", "Student 03", "Student 04", "Student 05"]);
    expect(codeOf(await as("petra", SEARCH, { after: "bm9wZQ" }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await as("petra", SEARCH, { first: 0 }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await as("petra", SEARCH, { first: 101 }))).toBe("BAD_USER_INPUT");
  });

  it("reads a page in the same number of queries whatever its size (no query per row)", async () => {
    const logger = server.services.dataSource.logger;
    const original = logger.logQuery.bind(logger);
    /**
     * The queries a request for a page of `first` makes. Only queries made for a request count:
     * the server's background work (the mail outbox, the frequency clock) runs outside any, and
     * the requests here come one at a time.
     */
    const queriesOf = async (first: number) => {
      const token = await (tokens.get("petra") ?? loginAs(server, school.staff.petra));
      let count = 0;
      logger.logQuery = (...args) => {
        if (currentRequestId() !== undefined) count += 1;
        return original(...args);
      };
      try {
        const result = await server.gql(SEARCH, { first }, token);
        expect(result.data?.studentSearch.edges).toHaveLength(first);
      } finally {
        logger.logQuery = original;
      }
      return count;
    };
    const one = await queriesOf(1);
    expect(one).toBeGreaterThan(2);
    expect(await queriesOf(6)).toBe(one);
  });
});

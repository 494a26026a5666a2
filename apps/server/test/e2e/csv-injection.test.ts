import { summaryOf } from "@driehoek/collab";
import { type CollabClient, connectCollab, until } from "@driehoek/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { neutralizeFormula, recordToCsv } from "../../src/modules/export/record-export.js";
import { appendParagraph, participantTokens } from "../support/collab-fixtures.js";
import { buildSchool, loginAs, planConversation, type TestSchool } from "../support/factories.js";
import { startTestServer, type TestServer } from "../support/server.js";

const MOVE = (name: string) => `mutation($id: ID!) { ${name}(conversationId: $id) { status } }`;

describe("CSV export against formula injection", () => {
  let server: TestServer;
  let school: TestSchool;
  let student: CollabClient | undefined;
  beforeAll(async () => {
    server = await startTestServer("sqlite");
    school = await buildSchool(server.services);
  });
  afterAll(async () => {
    student?.destroy();
    await server?.close();
  });

  it("writes a summary =1+1 and a motivation starting with + @ - as text, not formulas", async () => {
    const conversation = await planConversation(server.services, school.students.lotte.placementId);
    const tokens = await participantTokens(server, conversation);
    const id = conversation.id;
    for (const step of ["startConversation", "advancePhase", "advancePhase"]) {
      expect((await server.gql(MOVE(step), { id }, tokens.bpv_begeleider)).errors).toBeUndefined();
    }
    student = connectCollab(server, id, tokens.student, { acks: true });
    await student.synced();
    appendParagraph(summaryOf(student.doc), "=1+1");
    await until(() => student?.storedClock() === student?.localClock(), "the summary to be stored");
    await server.gql(
      `mutation($id: ID!) { setStudentConclusion(conversationId: $id, conclusion: op_schema) { id } }`,
      { id },
      tokens.student,
    );
    const concluded = await server.gql(
      `mutation($id: ID!, $m: String) { setConclusion(conversationId: $id, conclusion: op_schema, motivation: $m) { conclusion } }`,
      { id, m: '@SUM(A1)+cmd|"/c calc"!A0' },
      tokens.bpv_begeleider,
    );
    expect(concluded.errors).toBeUndefined();
    expect(
      (await server.gql(MOVE("endConversation"), { id }, tokens.bpv_begeleider)).errors,
    ).toBeUndefined();
    expect(
      (await server.gql(MOVE("recordPaperSignatures"), { id }, tokens.bpv_begeleider)).errors,
    ).toBeUndefined();

    const marieke = await loginAs(server, school.staff.marieke);
    const download = await fetch(`${server.url}/export/conversations/${id}.csv`, {
      headers: { authorization: `Bearer ${marieke}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get("cache-control")).toBe("no-store");
    const csv = await download.text();
    expect(csv).toContain("\r\nsummary,'=1+1\r\n");
    expect(csv).toContain(`conclusion.motivation,"'@SUM(A1)+cmd|""/c calc""!A0"`);
    // No cell of the export starts a formula.
    for (const line of csv.split("\r\n").filter(Boolean)) {
      for (const cell of line.split(",")) expect(cell).not.toMatch(/^"?[=+\-@\t\r]/);
    }
    const pdf = await fetch(`${server.url}/export/conversations/${id}.pdf`, {
      headers: { authorization: `Bearer ${marieke}` },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("cache-control")).toBe("no-store");
  });

  it("prefixes text cells only; numbers stay numbers, negative ones included", () => {
    expect(neutralizeFormula("=1+1")).toBe("'=1+1");
    for (const start of ["+", "-", "@", "\t", "\r"]) {
      expect(neutralizeFormula(`${start}x`)).toBe(`'${start}x`);
    }
    expect(neutralizeFormula("Gewoon tekst - met streepje")).toBe("Gewoon tekst - met streepje");
    const csv = recordToCsv({ note: "-5", minutes: -5, title: "@home" } as never);
    expect(csv).toBe("field,value\r\nnote,'-5\r\nminutes,-5\r\ntitle,'@home\r\n");
  });
});

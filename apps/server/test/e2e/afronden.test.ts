import { addAgreement, agreementsOf, summaryOf } from "@driehoek/collab";
import { type CollabClient, connectCollab, until } from "@driehoek/test-support";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { AuditEntry } from "../../src/modules/audit/audit-entry.entity.js";
import { appendParagraph, newId, participantTokens } from "../support/collab-fixtures.js";
import { testDatabases } from "../support/database.js";
import { buildSchool, planConversation, type TestSchool } from "../support/factories.js";
import { codeOf, startTestServer, type TestServer } from "../support/server.js";

const MOVE = (name: string) => `mutation($id: ID!) { ${name}(conversationId: $id) { status } }`;
const END = `mutation($id: ID!, $accept: Boolean) {
  endConversation(conversationId: $id, acceptNotSmart: $accept) { status } }`;
const CHECK = `query($id: ID!) { conversation(id: $id) {
  notSmartAgreements { id number text missing }
  notSmartAcceptance { acceptedAt acceptedBy { name } agreements { number text missing } }
} }`;
const RECORD = `query($id: ID!) { conversation(id: $id) { record { hash } } }`;
const SIGN = `mutation($id: ID!, $hash: String!) {
  signConversation(conversationId: $id, contentHash: $hash) { status } }`;
const SIGNATURES = `query($id: ID!) { conversation(id: $id) { signatures {
  isValid person { name } signature { role voidedAt }
  changes { area kind number field before after changedBy { name } }
} } }`;
const STUDENT_CONCLUSION = `mutation($id: ID!, $c: Conclusion!) {
  setStudentConclusion(conversationId: $id, conclusion: $c) { studentConclusion } }`;

/** A date the SMART check accepts as time-bound (after the test clock's today, within a year). */
const DUE = "2026-05-01";
const SMART = {
  text: "Ik maak elke week een planning",
  owner: "student" as const,
  dueDate: DUE,
  measure: "De planning staat in mijn portfolio",
  firstStep: "Maandag een sjabloon kiezen",
};

describe.each(testDatabases())("Afronden that helps on %s", (kind) => {
  let server: TestServer;
  let school: TestSchool;
  const open: CollabClient[] = [];

  beforeAll(async () => {
    server = await startTestServer(kind);
    school = await buildSchool(server.services);
  });
  afterEach(() => {
    for (const client of open.splice(0)) client.destroy();
  });
  afterAll(() => server?.close());

  /** A live conversation in Afronden, with the student's document connected. */
  async function inAfronden() {
    const conversation = await planConversation(server.services, school.students.lotte.placementId);
    const tokens = await participantTokens(server, conversation);
    const id = conversation.id;
    for (const step of ["startConversation", "advancePhase", "advancePhase"]) {
      expect((await server.gql(MOVE(step), { id }, tokens.bpv_begeleider)).errors).toBeUndefined();
    }
    const student = connectCollab(server, id, tokens.student, { acks: true });
    open.push(student);
    await student.synced();
    const stored = () => student.allStored("the edit to be stored");
    return { id, tokens, student, stored };
  }

  it("refuses to end with agreements that are not SMART, listing them, and records going on", async () => {
    const { id, tokens, student, stored } = await inAfronden();
    addAgreement(student.doc, { id: newId(), ...SMART });
    addAgreement(student.doc, { id: newId(), text: "Beter plannen", owner: "student" });
    await stored();

    const refused = await server.gql(END, { id }, tokens.bpv_begeleider);
    expect(codeOf(refused)).toBe("CONFLICT");
    const error = refused.errors?.[0];
    expect(error?.extensions?.reason).toBe("not_smart");
    expect(error?.extensions?.agreements).toEqual([
      expect.objectContaining({ number: 2, text: "Beter plannen", missing: ["S", "M", "R", "T"] }),
    ]);
    const listed = (await server.gql(CHECK, { id }, tokens.bpv_begeleider)).data?.conversation;
    expect(listed.notSmartAgreements).toHaveLength(1);
    expect(listed.notSmartAcceptance).toBeNull();

    const ended = await server.gql(END, { id, accept: true }, tokens.bpv_begeleider);
    expect(ended.errors).toBeUndefined();
    expect(ended.data?.endConversation.status).toBe("ended");
    // Everyone sees the choice, with who made it and which agreements it was about.
    const seen = (await server.gql(CHECK, { id }, tokens.student)).data?.conversation;
    expect(seen.notSmartAcceptance).toMatchObject({
      acceptedBy: { name: expect.any(String) },
      agreements: [{ number: 2, text: "Beter plannen", missing: ["S", "M", "R", "T"] }],
    });
    const audit = await server.services.dataSource.manager.findBy(AuditEntry, {
      subjectId: id,
      action: "conversation.ended_not_smart",
    });
    expect(audit).toHaveLength(1);
  });

  it("ends without a question when every agreement is SMART (or there are none)", async () => {
    const { id, tokens, student, stored } = await inAfronden();
    addAgreement(student.doc, { id: newId(), ...SMART });
    await stored();
    const ended = await server.gql(END, { id }, tokens.bpv_begeleider);
    expect(ended.errors).toBeUndefined();
    const seen = (await server.gql(CHECK, { id }, tokens.bpv_begeleider)).data?.conversation;
    expect(seen.notSmartAcceptance).toBeNull();
  });

  it("shows, for a voided akkoord, which fields changed from what to what, and who changed them", async () => {
    const { id, tokens, student, stored } = await inAfronden();
    addAgreement(student.doc, { id: newId(), ...SMART });
    appendParagraph(summaryOf(student.doc), "Ik heb veel geleerd.");
    await stored();
    expect((await server.gql(END, { id }, tokens.bpv_begeleider)).errors).toBeUndefined();
    const hash = (await server.gql(RECORD, { id }, tokens.bpv_begeleider)).data?.conversation.record
      .hash;
    expect((await server.gql(SIGN, { id, hash }, tokens.bpv_begeleider)).errors).toBeUndefined();
    server.clock.advance(1000);

    // The student changes how we will know the agreement succeeded, and their conclusion.
    const measure = (agreementsOf(student.doc).get(0) as Y.Map<unknown>).get("measure") as Y.Text;
    student.doc.transact(() => {
      measure.delete(0, measure.length);
      measure.insert(0, "Mijn praktijkopleider tekent de planning af");
    });
    await stored();
    await until(async () => {
      const now = (await server.gql(SIGNATURES, { id }, tokens.bpv_begeleider)).data?.conversation;
      return now.signatures.every((s: { signature: { voidedAt: string | null } }) =>
        Boolean(s.signature.voidedAt),
      );
    }, "the akkoord to be voided");
    server.clock.advance(1000);
    const concluded = await server.gql(STUDENT_CONCLUSION, { id, c: "voor" }, tokens.student);
    expect(concluded.errors).toBeUndefined();

    const signatures = (await server.gql(SIGNATURES, { id }, tokens.praktijkopleider)).data
      ?.conversation.signatures;
    expect(signatures).toHaveLength(1);
    const [voided] = signatures;
    expect(voided.isValid).toBe(false);
    const studentName = "Lotte de Boer";
    expect(voided.changes).toEqual(
      expect.arrayContaining([
        {
          area: "agreement",
          kind: "changed",
          number: 1,
          field: "measure",
          before: SMART.measure,
          after: "Mijn praktijkopleider tekent de planning af",
          changedBy: [{ name: studentName }],
        },
        {
          area: "conclusion",
          kind: "added",
          number: null,
          field: "studentValue",
          before: null,
          after: "voor",
          changedBy: [{ name: studentName }],
        },
      ]),
    );
    // Nothing the student did not touch is reported as changed.
    expect(voided.changes.map((c: { area: string }) => c.area).sort()).toEqual([
      "agreement",
      "conclusion",
    ]);
  });
});

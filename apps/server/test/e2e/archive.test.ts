import { schoolDate } from "@driehoek/domain";
import { pdfText } from "@driehoek/test-support";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/demo/demo-school.js";
import { seedDemo } from "../../src/demo/seed-demo.js";
import { AuditEntry } from "../../src/modules/audit/audit-entry.entity.js";
import { Conversation } from "../../src/modules/conversation/conversation.entity.js";
import { momentNl } from "../../src/modules/export/record-pdf.js";
import { participantTokens } from "../support/collab-fixtures.js";
import { testDatabases } from "../support/database.js";
import { loginAs, planConversation } from "../support/factories.js";
import { codeOf, startTestServer } from "../support/server.js";
import { useSchoolServer } from "../support/suite.js";

const MOVE = (name: string) => `mutation($id: ID!) { ${name}(conversationId: $id) { status } }`;
const STUDENT_SAYS = `mutation($id: ID!, $c: Conclusion!, $m: String) {
  setStudentConclusion(conversationId: $id, conclusion: $c, motivation: $m) {
    studentConclusion conclusion conclusionMotivation } }`;
const JUDGE = `mutation($id: ID!, $c: Conclusion!, $m: String) {
  setConclusion(conversationId: $id, conclusion: $c, motivation: $m) {
    studentConclusion conclusion conclusionMotivation } }`;
const RECORD = `query($id: ID!) { conversation(id: $id) {
  status record { hash json } noParticularsAt studentSystemEnteredAt studentSystemEnteredBy { name }
  signatures { person { name } signature { method signedAt } } } }`;
const SIGN = `mutation($id: ID!, $hash: String!) {
  signConversation(conversationId: $id, contentHash: $hash) { status } }`;
const ENTERED = `mutation($id: ID!) { markEnteredInStudentSystem(conversationId: $id) {
  studentSystemEnteredAt studentSystemEnteredBy { name } } }`;
const NOT_ENTERED = `{ notEnteredConversations { edges { node { conversationId studentName begeleiderName } } } }`;
const NONE = `mutation($id: ID!, $none: Boolean!) {
  setNoParticulars(conversationId: $id, noParticulars: $none) { noParticularsAt } }`;
const FLAG = `mutation($id: ID!, $text: String!) {
  flagParticular(conversationId: $id, text: $text) { id } }`;
const VERIFY = `query($id: ID!) { verifyRecord(conversationId: $id) {
  isLocked isIntact signaturesMatch } }`;

describe.each(testDatabases())("archivering on %s", (kind) => {
  const suite = useSchoolServer(kind);
  const gql = (query: string, variables: Record<string, unknown>, token: string) =>
    suite.server.gql(query, variables, token);
  const conversationOf = async (id: string, token: string) =>
    (await gql(RECORD, { id }, token)).data?.conversation;

  /** A conversation of `student` led into Afronden, with its three participants' tokens. */
  async function inAfronden(student: "sanne" | "lotte" | "daan" = "lotte") {
    const conversation = await planConversation(
      suite.server.services,
      suite.school.students[student].placementId,
    );
    const tokens = await participantTokens(suite.server, conversation);
    const id = conversation.id;
    for (const step of ["startConversation", "advancePhase", "advancePhase"]) {
      expect((await gql(MOVE(step), { id }, tokens.bpv_begeleider)).errors).toBeUndefined();
    }
    return { id, tokens };
  }

  /** One led through Afronden, concluded, ended and signed by all three. */
  async function signed(student: "sanne" | "lotte" | "daan" = "lotte") {
    const { id, tokens } = await inAfronden(student);
    await gql(STUDENT_SAYS, { id, c: "op_schema" }, tokens.student);
    await gql(JUDGE, { id, c: "op_schema" }, tokens.bpv_begeleider);
    expect((await gql(MOVE("endConversation"), { id }, tokens.bpv_begeleider)).errors).toBe(
      undefined,
    );
    const { hash } = (await conversationOf(id, tokens.student)).record;
    for (const role of ["student", "praktijkopleider", "bpv_begeleider"] as const) {
      expect((await gql(SIGN, { id, hash }, tokens[role])).errors, role).toBeUndefined();
    }
    return { id, tokens };
  }

  it("has the student state the conclusion first; the begeleider confirms or judges otherwise with a motivation", async () => {
    const { id, tokens } = await inAfronden();
    const early = await gql(JUDGE, { id, c: "op_schema" }, tokens.bpv_begeleider);
    expect(codeOf(early)).toBe("CONFLICT");
    expect(early.errors?.[0]?.extensions?.reason).toBe("student_first");
    expect(codeOf(await gql(STUDENT_SAYS, { id, c: "voor" }, tokens.bpv_begeleider))).toBe(
      "FORBIDDEN",
    );
    expect(codeOf(await gql(JUDGE, { id, c: "voor" }, tokens.student))).toBe("FORBIDDEN");

    const stated = await gql(
      STUDENT_SAYS,
      { id, c: "voor", m: "Ik lever alles eerder in." },
      tokens.student,
    );
    expect(stated.data?.setStudentConclusion.studentConclusion).toBe("voor");

    // A different judgement without a reason is refused and changes nothing.
    const bare = await gql(JUDGE, { id, c: "op_schema", m: "  " }, tokens.bpv_begeleider);
    expect(codeOf(bare)).toBe("BAD_USER_INPUT");
    const confirmed = await gql(JUDGE, { id, c: "voor" }, tokens.bpv_begeleider);
    expect(confirmed.data?.setConclusion).toMatchObject({
      conclusion: "voor",
      studentConclusion: "voor",
    });

    // The student changes their statement: the bare confirmation no longer holds.
    const changed = await gql(STUDENT_SAYS, { id, c: "op_schema" }, tokens.student);
    expect(changed.data?.setStudentConclusion).toMatchObject({
      studentConclusion: "op_schema",
      conclusion: null,
    });
    const differs = await gql(
      JUDGE,
      { id, c: "achter", m: "Twee werkprocessen nog niet aangetoond." },
      tokens.bpv_begeleider,
    );
    expect(differs.data?.setConclusion).toMatchObject({
      conclusion: "achter",
      studentConclusion: "op_schema",
      conclusionMotivation: "Twee werkprocessen nog niet aangetoond.",
    });
    // A motivated different judgement stays when the student restates.
    const again = await gql(STUDENT_SAYS, { id, c: "voor" }, tokens.student);
    expect(again.data?.setStudentConclusion.conclusion).toBe("achter");

    const record = JSON.parse(
      (await gql(RECORD, { id }, tokens.student)).data?.conversation.record.json,
    );
    expect(record.conclusion).toMatchObject({
      value: "achter",
      motivation: "Twee werkprocessen nog niet aangetoond.",
      studentValue: "voor",
    });
  });

  it("marks a signed report as entered into the student system: the begeleider only, after the lock; the report lists it until then", async () => {
    const { id: openId, tokens: openTokens } = await inAfronden("sanne");
    const early = await gql(ENTERED, { id: openId }, openTokens.bpv_begeleider);
    expect(codeOf(early)).toBe("CONFLICT");
    expect(early.errors?.[0]?.extensions?.reason).toBe("not_signed");

    const { id, tokens } = await signed("lotte");
    for (const role of ["student", "praktijkopleider"] as const) {
      expect(codeOf(await gql(ENTERED, { id }, tokens[role])), role).toBe("FORBIDDEN");
    }
    const petra = await loginAs(suite.server, suite.school.staff.petra);
    expect(codeOf(await gql(ENTERED, { id }, petra))).toBe("FORBIDDEN");

    const marieke = await loginAs(suite.server, suite.school.staff.marieke);
    for (const token of [marieke, petra]) {
      const listed = (await gql(NOT_ENTERED, {}, token)).data?.notEnteredConversations.edges.map(
        (e: { node: unknown }) => e.node,
      );
      expect(listed).toContainEqual({
        conversationId: id,
        studentName: "Lotte de Boer",
        begeleiderName: "Marieke de Vries",
      });
    }
    // Ahmed is not Lotte's trajectbegeleider: not in his report.
    const ahmed = await loginAs(suite.server, suite.school.staff.ahmed);
    const his = (await gql(NOT_ENTERED, {}, ahmed)).data?.notEnteredConversations.edges.map(
      (e: { node: unknown }) => e.node,
    );
    expect(his.map((r: { conversationId: string }) => r.conversationId)).not.toContain(id);
    expect(codeOf(await gql(NOT_ENTERED, {}, tokens.student))).toBe("FORBIDDEN");

    const entered = await gql(ENTERED, { id }, tokens.bpv_begeleider);
    expect(entered.data?.markEnteredInStudentSystem).toMatchObject({
      studentSystemEnteredAt: suite.server.clock.now().toISOString(),
      studentSystemEnteredBy: { name: "Marieke de Vries" },
    });
    const shown = await conversationOf(id, tokens.student);
    expect(shown.studentSystemEnteredBy.name).toBe("Marieke de Vries");
    const after = (await gql(NOT_ENTERED, {}, marieke)).data?.notEnteredConversations.edges.map(
      (e: { node: unknown }) => e.node,
    );
    expect(after.map((r: { conversationId: string }) => r.conversationId)).not.toContain(id);
    const audit = await suite.server.services.dataSource.manager.countBy(AuditEntry, {
      subjectId: id,
      action: "conversation.entered_in_student_system",
    });
    expect(audit).toBe(1);
  });

  it("ticks geen bijzonderheden, which a flagged particular undoes; particulars can be flagged after the akkoorden too", async () => {
    const { id, tokens } = await signed("daan");
    expect(codeOf(await gql(NONE, { id, none: true }, tokens.student))).toBe("FORBIDDEN");
    const ticked = await gql(NONE, { id, none: true }, tokens.bpv_begeleider);
    expect(ticked.data?.setNoParticulars.noParticularsAt).toBeTruthy();

    const before = await suite.server.services.dataSource.manager.findOneByOrFail(Conversation, {
      id,
    });
    const flagged = await gql(
      FLAG,
      { id, text: "Stage loopt gevaar: bedrijf reorganiseert." },
      tokens.praktijkopleider,
    );
    expect(flagged.errors).toBeUndefined();
    const after = await suite.server.services.dataSource.manager.findOneByOrFail(Conversation, {
      id,
    });
    expect(after.noParticularsAt).toBeNull();
    expect(after.recordJson).toBe(before.recordJson);
    const refused = await gql(NONE, { id, none: true }, tokens.bpv_begeleider);
    expect(codeOf(refused)).toBe("CONFLICT");
    expect(refused.errors?.[0]?.extensions?.reason).toBe("has_particulars");
    const ahmed = await loginAs(suite.server, suite.school.staff.ahmed);
    const inbox = await gql("{ particulars(handled: false) { text } }", {}, ahmed);
    expect(inbox.data?.particulars).toContainEqual({
      text: "Stage loopt gevaar: bedrijf reorganiseert.",
    });
  });

  it("prints the signature table: each of the three with role, name and the moment of their akkoord, and the record's hash; named after the student and the date", async () => {
    const { id, tokens } = await signed("lotte");
    const marieke = await loginAs(suite.server, suite.school.staff.marieke);
    const response = await fetch(`${suite.server.url}/export/conversations/${id}.pdf`, {
      headers: { authorization: `Bearer ${marieke}` },
    });
    expect(response.status).toBe(200);
    const { record, signatures } = await conversationOf(id, tokens.student);
    const content = JSON.parse(record.json);
    const date = schoolDate(new Date(content.scheduledAt));
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="BPV-gesprek Lotte de Boer ${date}.pdf"; filename*=UTF-8''BPV-gesprek%20Lotte%20de%20Boer%20${date}.pdf`,
    );
    const text = await pdfText(new Uint8Array(await response.arrayBuffer()));
    const at = (name: string) =>
      momentNl(
        new Date(
          signatures.find((s: { person: { name: string } }) => s.person.name === name).signature
            .signedAt,
        ),
      );
    expect(at("Lotte de Boer")).toMatch(/^\d{1,2} [a-z]+ \d{4} \d{2}:\d{2}$/);
    for (const expected of [
      "Curio",
      "Ondertekening Rol Naam Akkoord Handtekening",
      `Student Lotte de Boer Digitaal akkoord op ${at("Lotte de Boer")}`,
      `Praktijkopleider Kees van Dijk Digitaal akkoord op ${at("Kees van Dijk")}`,
      `BPV-begeleider Marieke de Vries Digitaal akkoord op ${at("Marieke de Vries")}`,
      `Controlecode (SHA-256 van het verslag): ${record.hash}`,
      `Datum ${momentNl(new Date(content.scheduledAt))}`,
      "Vorm Op locatie",
      "Conclusie van de student",
      "Pagina 1 van",
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain("Fysiek");
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("names the file in UTF-8 too when the student's name is not plain ASCII", async () => {
    const { recordFilename, attachmentDisposition } = await import(
      "../../src/modules/export/record-filename.js"
    );
    const name = recordFilename({
      student: { name: "Zoë Öztürk" },
      scheduledAt: "2026-12-03T23:30:00.000Z",
    } as never);
    // 23:30 UTC on 3 December is already the 4th in the school's time zone.
    expect(name).toBe("BPV-gesprek Zoë Öztürk 2026-12-04.pdf");
    expect(attachmentDisposition(name)).toBe(
      "attachment; filename=\"BPV-gesprek Zoe Ozturk 2026-12-04.pdf\"; filename*=UTF-8''BPV-gesprek%20Zo%C3%AB%20%C3%96zt%C3%BCrk%202026-12-04.pdf",
    );
  });
});

describe.each(testDatabases())("the demo on %s", (kind) => {
  it("holds an earlier conversation signed by its three people, whose locked record verifies", async () => {
    const server = await startTestServer(kind);
    try {
      expect(await seedDemo(server.services)).toBe(true);
      const earlier = await server.services.dataSource.manager.findOneByOrFail(Conversation, {
        status: "signed",
      });
      const login = await server.gql(
        'mutation($p: String!) { login(email: "m.devries@demo.driehoek.nl", password: $p) { accessToken } }',
        { p: DEMO_PASSWORD },
      );
      const token = login.data?.login.accessToken;
      expect(token).toBeTruthy();
      const verified = await server.gql(VERIFY, { id: earlier.id }, token);
      expect(verified.data?.verifyRecord).toEqual({
        isLocked: true,
        isIntact: true,
        signaturesMatch: true,
      });
      const shown = (await server.gql(RECORD, { id: earlier.id }, token)).data?.conversation;
      const signatures = shown.signatures;
      expect(signatures).toHaveLength(3);
      for (const s of signatures) {
        expect(s.signature.method).toBe("digital");
        expect(new Date(s.signature.signedAt).getTime()).toBeLessThanOrEqual(
          earlier.signedAt?.getTime() ?? 0,
        );
      }
      expect(earlier.signedAt && earlier.signedAt < server.clock.now()).toBe(true);
    } finally {
      await server.close();
    }
  });
});

import { summaryOf } from "@driehoek/collab";
import { type CollabClient, connectCollab, pdfText, until } from "@driehoek/test-support";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AuditEntry } from "../../src/modules/audit/audit-entry.entity.js";
import { Conversation } from "../../src/modules/conversation/conversation.entity.js";
import { appendParagraph, participantTokens } from "../support/collab-fixtures.js";
import { testDatabases } from "../support/database.js";
import { buildSchool, loginAs, planConversation, type TestSchool } from "../support/factories.js";
import { codeOf, startTestServer, type TestServer } from "../support/server.js";

const RECORD = `query($id: ID!) { conversation(id: $id) {
  status record { hash json isLocked }
  signatures { isValid person { name } signature { role method contentHash voidedAt voidReason } }
} }`;
const SIGN = `mutation($id: ID!, $hash: String!) {
  signConversation(conversationId: $id, contentHash: $hash) { status recordHash } }`;
const VERIFY = `query($id: ID!) { verifyRecord(conversationId: $id) {
  isLocked isIntact signaturesMatch storedHash computedHash } }`;
const CONCLUDE = `mutation($id: ID!, $c: Conclusion!, $m: String) {
  setConclusion(conversationId: $id, conclusion: $c, motivation: $m) { conclusion } }`;
const MOVE = (name: string) => `mutation($id: ID!) { ${name}(conversationId: $id) { status } }`;

describe.each(testDatabases())("sign-off on %s", (kind) => {
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

  /** A conversation led through to its end, with the student's summary typed live. */
  async function endedConversation(summary: string) {
    const conversation = await planConversation(server.services, school.students.lotte.placementId);
    const tokens = await participantTokens(server, conversation);
    const id = conversation.id;
    for (const step of ["startConversation", "advancePhase", "advancePhase"]) {
      expect((await server.gql(MOVE(step), { id }, tokens.bpv_begeleider)).errors).toBeUndefined();
    }
    const student = connectCollab(server, id, tokens.student, { acks: true });
    open.push(student);
    await student.synced();
    appendParagraph(summaryOf(student.doc), summary);
    await student.allStored("the summary to be stored");
    // The student states the conclusion first; the begeleider confirms it.
    const stated = await server.gql(
      `mutation($id: ID!) { setStudentConclusion(conversationId: $id, conclusion: op_schema) { id } }`,
      { id },
      tokens.student,
    );
    expect(stated.errors).toBeUndefined();
    const concluded = await server.gql(
      CONCLUDE,
      { id, c: "op_schema", m: "Loopt op schema" },
      tokens.bpv_begeleider,
    );
    expect(concluded.errors).toBeUndefined();
    expect(
      (await server.gql(MOVE("endConversation"), { id }, tokens.bpv_begeleider)).errors,
    ).toBeUndefined();
    return { id, tokens, student };
  }

  const recordOf = async (id: string, token: string) =>
    (await server.gql(RECORD, { id }, token)).data?.conversation;

  it("binds each signature to the content, voids it when the content changes, and locks after three", async () => {
    const { id, tokens, student } = await endedConversation("Ik heb veel geleerd over testen.");
    const first = await recordOf(id, tokens.student);
    expect(first.record.isLocked).toBe(false);
    expect(JSON.parse(first.record.json).summary).toBe("Ik heb veel geleerd over testen.");

    expect(
      (await server.gql(SIGN, { id, hash: first.record.hash }, tokens.student)).errors,
    ).toBeUndefined();
    expect(
      (await server.gql(SIGN, { id, hash: first.record.hash }, tokens.praktijkopleider)).errors,
    ).toBeUndefined();
    const twoSigned = await recordOf(id, tokens.bpv_begeleider);
    expect(twoSigned.signatures.filter((s: { isValid: boolean }) => s.isValid)).toHaveLength(2);

    // The student adds a sentence after signing: both signatures are voided, visibly.
    appendParagraph(summaryOf(student.doc), "En ik wil meer leren over security.");
    await until(async () => {
      const now = await recordOf(id, tokens.bpv_begeleider);
      // Voided, not only outdated: the void follows the stored change a moment later.
      return now.signatures.every(
        (s: { isValid: boolean; signature: { voidedAt: string | null } }) =>
          !s.isValid && s.signature.voidedAt,
      );
    }, "the signatures to be voided");
    const changed = await recordOf(id, tokens.bpv_begeleider);
    expect(changed.record.hash).not.toBe(first.record.hash);
    expect(changed.signatures[0].signature.voidReason).toMatch(/gewijzigd/);

    // Signing the old content is refused.
    const stale = await server.gql(SIGN, { id, hash: first.record.hash }, tokens.bpv_begeleider);
    expect(codeOf(stale)).toBe("CONFLICT");
    expect(stale.errors?.[0]?.extensions?.reason).toBe("content_changed");

    for (const role of ["student", "praktijkopleider", "bpv_begeleider"] as const) {
      const signed = await server.gql(SIGN, { id, hash: changed.record.hash }, tokens[role]);
      expect(signed.errors, role).toBeUndefined();
    }
    const marieke = await loginAs(server, school.staff.marieke);
    const locked = await recordOf(id, marieke);
    expect(locked.status).toBe("signed");
    expect(locked.record).toMatchObject({ isLocked: true, hash: changed.record.hash });
    expect(JSON.parse(locked.record.json).summary).toContain("security");

    const verified = await server.gql(VERIFY, { id }, marieke);
    expect(verified.data?.verifyRecord).toMatchObject({
      isLocked: true,
      isIntact: true,
      signaturesMatch: true,
      storedHash: changed.record.hash,
    });

    // After three signatures nothing changes the record: not GraphQL, not the live document.
    const conclusion = await server.gql(CONCLUDE, { id, c: "voor" }, marieke);
    expect(codeOf(conclusion)).toBe("CONFLICT");
    appendParagraph(summaryOf(student.doc), "NA-ONDERTEKENING");
    const reader = connectCollab(server, id, marieke);
    open.push(reader);
    await reader.synced();
    await until(() => reader.denied.length > 0, "the locked notice");
    const stored = await server.services.dataSource.manager.findOneByOrFail(Conversation, { id });
    expect(stored.recordHash).toBe(changed.record.hash);
    expect(stored.summary).not.toContain("NA-ONDERTEKENING");
    expect(reader.doc.getXmlFragment("summary").toString()).not.toContain("NA-ONDERTEKENING");
    // The invite links still open the locked record, to read, never to change.
    const kept = await recordOf(id, tokens.student);
    expect(kept.record).toMatchObject({ isLocked: true, hash: changed.record.hash });
    const STUDENT_VIEW = `mutation($id: ID!) {
      setStudentConclusion(conversationId: $id, conclusion: achter) { id } }`;
    expect(codeOf(await server.gql(STUDENT_VIEW, { id }, tokens.student))).toBe("CONFLICT");
    const again = await server.gql(
      SIGN,
      { id, hash: changed.record.hash },
      tokens.praktijkopleider,
    );
    expect(codeOf(again)).toBe("CONFLICT");
    const lateWriter = connectCollab(server, id, tokens.student, { acks: true });
    open.push(lateWriter);
    await lateWriter.synced();
    appendParagraph(summaryOf(lateWriter.doc), "NA-ONDERTEKENING");
    await until(() => lateWriter.denied.length > 1, "the invite's write to be refused");
    expect(lateWriter.storedClock()).toBe(0);
    const after = await server.services.dataSource.manager.findOneByOrFail(Conversation, { id });
    expect(after.recordHash).toBe(changed.record.hash);
    expect(after.recordJson).toBe(stored.recordJson);
  });

  it("shows a tampered record as not intact", async () => {
    const { id, tokens } = await endedConversation("Samenvatting.");
    const { record } = await recordOf(id, tokens.student);
    for (const role of ["student", "praktijkopleider", "bpv_begeleider"] as const) {
      await server.gql(SIGN, { id, hash: record.hash }, tokens[role]);
    }
    const manager = server.services.dataSource.manager;
    const stored = await manager.findOneByOrFail(Conversation, { id });
    await manager.update(
      Conversation,
      { id },
      { recordJson: (stored.recordJson ?? "").replace("Samenvatting", "Vervalst") },
    );
    const verified = await server.gql(VERIFY, { id }, await loginAs(server, school.staff.marieke));
    expect(verified.data?.verifyRecord).toMatchObject({
      isLocked: true,
      isIntact: false,
      signaturesMatch: false,
    });
  });

  it("records the paper form as three signatures and locks", async () => {
    const { id, tokens } = await endedConversation("Op papier getekend.");
    const paper = await server.gql(MOVE("recordPaperSignatures"), { id }, tokens.bpv_begeleider);
    expect(paper.errors).toBeUndefined();
    expect(paper.data?.recordPaperSignatures.status).toBe("signed");
    const { signatures } = await recordOf(id, await loginAs(server, school.staff.marieke));
    expect(signatures.map((s: { signature: { method: string } }) => s.signature.method)).toEqual([
      "paper",
      "paper",
      "paper",
    ]);
  });

  it("exports the signed record as JSON and CSV, over GraphQL and as downloads, audit-logged", async () => {
    const { id, tokens } = await endedConversation('Een samenvatting, met "aanhalingstekens".');
    const marieke = await loginAs(server, school.staff.marieke);
    const EXPORT = "query($id: ID!) { conversationExport(conversationId: $id) { hash json csv } }";
    expect(codeOf(await server.gql(EXPORT, { id }, marieke))).toBe("CONFLICT");
    await server.gql(MOVE("recordPaperSignatures"), { id }, tokens.bpv_begeleider);

    const exported = (await server.gql(EXPORT, { id }, marieke)).data?.conversationExport;
    const locked = await recordOf(id, marieke);
    expect(exported.json).toBe(locked.record.json);
    expect(exported.hash).toBe(locked.record.hash);
    expect(exported.csv).toContain('summary,"Een samenvatting, met ""aanhalingstekens""."');
    expect(exported.csv).toContain("conclusion.value,op_schema");
    expect(exported.csv).toContain("participants.1.role,student");

    const download = await fetch(`${server.url}/export/conversations/${id}.csv`, {
      headers: { authorization: `Bearer ${marieke}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toMatch(/text\/csv/);
    expect(await download.text()).toBe(exported.csv);
    const json = await fetch(`${server.url}/export/conversations/${id}.json`, {
      headers: { authorization: `Bearer ${marieke}` },
    });
    expect(await json.text()).toBe(exported.json);
    expect((await fetch(`${server.url}/export/conversations/${id}.json`)).status).toBe(401);
    const exports = await server.services.dataSource.manager.count(AuditEntry, {
      where: { subjectId: id, action: "record.exported" },
    });
    expect(exports).toBe(3);
  });

  it("prints the gespreksformulier as a PDF holding the record's content", async () => {
    const { id, tokens } = await endedConversation("Ik ben trots op de nieuwe zoekfunctie.");
    const marieke = await loginAs(server, school.staff.marieke);
    const draft = await fetch(`${server.url}/export/conversations/${id}.pdf`, {
      headers: { authorization: `Bearer ${marieke}` },
    });
    expect(draft.status).toBe(200);
    expect(await pdfText(new Uint8Array(await draft.arrayBuffer()))).toContain("CONCEPT");

    await server.gql(MOVE("recordPaperSignatures"), { id }, tokens.bpv_begeleider);
    const response = await fetch(`${server.url}/export/conversations/${id}.pdf`, {
      headers: { authorization: `Bearer ${marieke}` },
    });
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const text = await pdfText(new Uint8Array(await response.arrayBuffer()));
    for (const expected of [
      "Gespreksformulier BPV",
      "Lotte de Boer",
      "Ik ben trots op de nieuwe zoekfunctie.",
      "Oordeel BPV-begeleider: bevestigd: Ik loop op schema (op de nominale lijn)",
      "Toelichting: Loopt op schema",
      "Papier, ondertekend; vastgelegd op",
    ]) {
      expect(text, expected).toContain(expected);
    }
    // Each phase with the time it took beside the planned time, never the planned time alone.
    expect(text).toMatch(/Inleiding (< 1|\d+) min \(gepland 5\)/);
    expect(text).toMatch(/Kern gesprek (< 1|\d+) min \(gepland 30\)/);
    expect(text).toMatch(/Kern (< 1|\d+) min \(gepland 30\)/);
    expect(text).not.toContain("(30 min)");
    expect(text).not.toContain("CONCEPT");
    const { record } = await recordOf(id, marieke);
    expect(text).toContain(record.hash);
  });

  it("refuses signing before the end, by a reader, or the paper form by anyone but the begeleider", async () => {
    const conversation = await planConversation(server.services, school.students.sanne.placementId);
    const tokens = await participantTokens(server, conversation);
    const id = conversation.id;
    const { record } = await recordOf(id, tokens.student);
    const early = await server.gql(SIGN, { id, hash: record.hash }, tokens.student);
    expect(codeOf(early)).toBe("CONFLICT");
    expect(early.errors?.[0]?.extensions?.reason).toBe("not_ended");
    const ahmed = await loginAs(server, school.staff.ahmed);
    expect(codeOf(await server.gql(SIGN, { id, hash: record.hash }, ahmed))).toBe("FORBIDDEN");
    expect(codeOf(await server.gql(MOVE("recordPaperSignatures"), { id }, tokens.student))).toBe(
      "FORBIDDEN",
    );
    expect(codeOf(await server.gql(SIGN, { id, hash: "x" }, tokens.student))).toBe(
      "BAD_USER_INPUT",
    );
  });
});

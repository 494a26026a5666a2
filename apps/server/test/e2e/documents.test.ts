import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pdfText } from "@driehoek/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyRetention } from "../../src/modules/retention/retention.js";
import { DAY } from "../support/clock.js";
import { testDatabases } from "../support/database.js";
import { buildSchool, loginAs, type TestSchool } from "../support/factories.js";
import { codeOf, startTestServer, type TestServer } from "../support/server.js";
import { conversationSteps, download, SAMPLE_FILES, upload } from "./document-files.js";

const MAX_BYTES = 64 * 1024;
const DOCUMENTS = `query($id: ID!) { conversation(id: $id) {
  status documents { id kind fileName mimeType size sha256 uploaderRole downloadPath uploadedBy { name } }
  record { hash json isLocked } } }`;
const REMOVE = `mutation($id: ID!, $doc: ID!) { removeDocument(conversationId: $id, documentId: $doc) { id } }`;
const SIGN_ON_PAPER = `mutation($id: ID!, $doc: ID!) {
  signOnPaper(conversationId: $id, documentId: $doc) { status recordHash } }`;
const VERIFY = `query($id: ID!) { verifyRecord(conversationId: $id) { isLocked isIntact signaturesMatch } }`;
const CHANGED = `subscription($id: ID!) { conversationChanged(conversationId: $id) { kinds } }`;

describe.each(testDatabases())("documents on %s", (kind) => {
  let server: TestServer;
  let school: TestSchool;

  beforeAll(async () => {
    server = await startTestServer(kind, { config: { documentMaxBytes: MAX_BYTES } });
    school = await buildSchool(server.services);
  });
  afterAll(() => server?.close());

  /** The signed scan of the paper route's conversation, to find on disk later. */
  let lockedScanHash = "";

  const documentsOf = async (id: string, token: string) => {
    const result = await server.gql(DOCUMENTS, { id }, token);
    expect(result.errors).toBeUndefined();
    return result.data?.conversation;
  };
  const stored = () => {
    const dir = path.join(server.services.config.dataDir, "documents");
    return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
  };
  const { planned, ended } = conversationSteps(
    () => server,
    () => school,
  );

  it("attaches every accepted type, lists it for the others, and downloads it as an attachment", async () => {
    const { id, tokens } = await planned();
    const watcher = server.subscribe(CHANGED, { id }, tokens.praktijkopleider);
    await server.waitForListeners(id, 1);
    for (const file of SAMPLE_FILES) {
      server.clock.advance(1000);
      const answer = await upload(server, id, file, tokens.student);
      expect(answer.status, file.name).toBe(201);
      expect(answer.body.document?.mimeType).toBe(file.mime);
    }
    const event = await watcher.take();
    expect(event.kind === "next" && event.result.data?.conversationChanged.kinds).toContain(
      "DOCUMENTS",
    );
    await watcher.dispose();

    const seen = await documentsOf(id, tokens.praktijkopleider);
    expect(seen.documents.map((d: { fileName: string }) => d.fileName)).toEqual(
      SAMPLE_FILES.map((f) => f.name),
    );
    const pdf = seen.documents[0];
    expect(pdf).toMatchObject({
      kind: "portfolio",
      uploaderRole: "student",
      size: SAMPLE_FILES[0]?.bytes.length,
    });
    expect(pdf.sha256).toBe(
      createHash("sha256")
        .update(SAMPLE_FILES[0]?.bytes ?? "")
        .digest("hex"),
    );
    expect(pdf.uploadedBy.name).toBeTruthy();

    const response = await download(server, pdf.downloadPath, tokens.bpv_begeleider);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="portfolio.pdf"/,
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-type")).toMatch(/^application\/pdf/);
    expect(
      Buffer.from(await response.arrayBuffer()).equals(SAMPLE_FILES[0]?.bytes ?? Buffer.alloc(0)),
    ).toBe(true);
    // Staff responsible for the placement may download too (their access is logged).
    expect((await download(server, pdf.downloadPath, await loginToken("ahmed"))).status).toBe(200);

    const record = JSON.parse(seen.record.json);
    expect(record.documents).toHaveLength(SAMPLE_FILES.length);
    expect(record.documents[0]).toEqual({
      fileName: "portfolio.pdf",
      kind: "portfolio",
      uploaderRole: "student",
      sha256: pdf.sha256,
    });
  });

  const loginToken = (who: "ahmed" | "joost") => loginAs(server, school.staff[who]);

  it("refuses a wrong type, a name that lies, a file too big and an unknown kind, and stores nothing", async () => {
    const { id, tokens } = await planned();
    const before = stored();
    const text = await upload(
      server,
      id,
      { name: "virus.exe", kind: "overig", bytes: Buffer.from("MZ\x90\x00 not a document") },
      tokens.student,
    );
    expect(text.status).toBe(400);
    expect(text.body.errors?.[0]?.extensions.reason).toBe("unsupported_type");
    expect(text.body.errors?.[0]?.message).toMatch(/niet geaccepteerd/);

    const png = SAMPLE_FILES[1]?.bytes ?? Buffer.alloc(0);
    const lying = await upload(
      server,
      id,
      { name: "portfolio.pdf", kind: "portfolio", bytes: png },
      tokens.student,
    );
    expect(lying.body.errors?.[0]?.extensions.reason).toBe("type_mismatch");

    const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(MAX_BYTES)]);
    const tooBig = await upload(
      server,
      id,
      { name: "groot.pdf", kind: "portfolio", bytes: big },
      tokens.student,
    );
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.errors?.[0]?.extensions.reason).toBe("too_large");
    expect(tooBig.body.errors?.[0]?.message).toMatch(/groter dan/);

    const pdf = SAMPLE_FILES[0]?.bytes ?? Buffer.alloc(0);
    const badKind = await upload(
      server,
      id,
      { name: "a.pdf", kind: "getekend", bytes: pdf },
      tokens.student,
    );
    expect(badKind.status).toBe(400);
    const empty = await upload(
      server,
      id,
      { name: "a.pdf", kind: "overig", bytes: Buffer.alloc(0) },
      tokens.student,
    );
    expect(empty.body.errors?.[0]?.extensions.reason).toBe("empty");

    expect((await documentsOf(id, tokens.student)).documents).toEqual([]);
    expect(stored()).toEqual(before);
  });

  it("keeps others out: another conversation's participant, no token, and removal by someone else", async () => {
    const { id, tokens } = await planned();
    const other = await planned("daan");
    const file = SAMPLE_FILES[0] ?? { name: "", kind: "", bytes: Buffer.alloc(0) };
    const outsider = await upload(server, id, file, other.tokens.student);
    expect(outsider.status).toBe(403);
    expect((await upload(server, id, file, undefined)).status).toBe(401);

    const mine = await upload(server, id, file, tokens.student);
    const docId = mine.body.document?.id ?? "";
    const downloadPath = `/api/conversations/${id}/documents/${docId}`;
    expect((await download(server, downloadPath, other.tokens.student)).status).toBe(403);
    expect((await download(server, downloadPath, await loginToken("joost"))).status).toBe(403);
    // A document id under another conversation's path is not found there.
    expect(
      (
        await download(
          server,
          `/api/conversations/${other.id}/documents/${docId}`,
          other.tokens.student,
        )
      ).status,
    ).toBe(404);

    expect(codeOf(await server.gql(REMOVE, { id, doc: docId }, tokens.praktijkopleider))).toBe(
      "FORBIDDEN",
    );
    expect(stored()).toContain(mine.body.document?.sha256);
    expect((await server.gql(REMOVE, { id, doc: docId }, tokens.student)).errors).toBeUndefined();
    expect((await documentsOf(id, tokens.student)).documents).toEqual([]);
    expect((await download(server, downloadPath, tokens.student)).status).toBe(404);
  });

  it("paper route: the begeleider's signed scan locks the record, bound into its hash", async () => {
    const early = await planned();
    const scan = {
      name: "formulier-getekend.pdf",
      bytes: Buffer.from(`%PDF-1.4\n% getekend ${randomUUID()}\n%%EOF\n`),
    };
    const beforeEnd = await upload(
      server,
      early.id,
      scan,
      early.tokens.bpv_begeleider,
      "signed-form",
    );
    expect(beforeEnd.status).toBe(409);
    expect(beforeEnd.body.errors?.[0]?.extensions.reason).toBe("not_ended");

    const { id, tokens } = await ended();
    const attached = await upload(server, id, SAMPLE_FILES[4] ?? scan, tokens.student);
    expect(attached.status).toBe(201);
    expect((await upload(server, id, scan, tokens.student, "signed-form")).status).toBe(403);
    const office = await upload(
      server,
      id,
      SAMPLE_FILES[4] ?? scan,
      tokens.bpv_begeleider,
      "signed-form",
    );
    expect(office.body.errors?.[0]?.extensions.reason).toBe("unsupported_type");

    const unsigned = (await documentsOf(id, tokens.bpv_begeleider)).record;
    const form = await upload(server, id, scan, tokens.bpv_begeleider, "signed-form");
    expect(form.status).toBe(201);
    const formId = form.body.document?.id ?? "";
    expect(codeOf(await server.gql(SIGN_ON_PAPER, { id, doc: formId }, tokens.student))).toBe(
      "FORBIDDEN",
    );
    const attachedId = attached.body.document?.id ?? "";
    expect(
      codeOf(await server.gql(SIGN_ON_PAPER, { id, doc: attachedId }, tokens.bpv_begeleider)),
    ).toBe("BAD_USER_INPUT");

    const signed = await server.gql(SIGN_ON_PAPER, { id, doc: formId }, tokens.bpv_begeleider);
    expect(signed.errors).toBeUndefined();
    expect(signed.data?.signOnPaper.status).toBe("signed");

    const after = await documentsOf(id, tokens.student);
    expect(after.record.isLocked).toBe(true);
    const record = JSON.parse(after.record.json);
    const scanHash = createHash("sha256").update(scan.bytes).digest("hex");
    lockedScanHash = scanHash;
    expect(record.signedForm).toEqual({
      documentId: formId,
      fileName: scan.name,
      sha256: scanHash,
    });
    expect(record.documents.map((d: { fileName: string }) => d.fileName)).toEqual([
      SAMPLE_FILES[4]?.name,
    ]);
    // The hash is the record without the scan plus the scan's SHA-256: another scan, another hash.
    const withScan = (sha256: string) =>
      createHash("sha256")
        .update(
          JSON.stringify({
            ...JSON.parse(unsigned.json),
            signedForm: { ...record.signedForm, sha256 },
          }),
        )
        .digest("hex");
    expect(after.record.hash).toBe(withScan(scanHash));
    expect(after.record.hash).not.toBe(withScan("0".repeat(64)));
    expect(after.record.hash).not.toBe(unsigned.hash);
    expect(signed.data?.signOnPaper.recordHash).toBe(after.record.hash);
    expect((await server.gql(VERIFY, { id }, tokens.bpv_begeleider)).data?.verifyRecord).toEqual({
      isLocked: true,
      isIntact: true,
      signaturesMatch: true,
    });

    // Locked: no more uploads, no removal, no second paper sign-off.
    const late = await upload(server, id, SAMPLE_FILES[0] ?? scan, tokens.student);
    expect(late.status).toBe(409);
    expect(late.body.errors?.[0]?.extensions.reason).toBe("already_signed");
    expect(codeOf(await server.gql(REMOVE, { id, doc: attachedId }, tokens.student))).toBe(
      "CONFLICT",
    );
    expect(
      codeOf(await server.gql(SIGN_ON_PAPER, { id, doc: formId }, tokens.bpv_begeleider)),
    ).toBe("CONFLICT");
    const scanDownload = await download(
      server,
      `/api/conversations/${id}/documents/${formId}`,
      tokens.praktijkopleider,
    );
    expect(Buffer.from(await scanDownload.arrayBuffer()).equals(scan.bytes)).toBe(true);

    const pdf = await download(server, `/export/conversations/${id}.pdf`, tokens.student);
    const printed = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(printed).toContain("Ondertekend op papier (scan)");
    expect(printed).toContain(SAMPLE_FILES[4]?.name);
  });

  it("retention removes an old conversation's documents from disk too, keeping files still in use", async () => {
    const portfolio = createHash("sha256")
      .update(SAMPLE_FILES[0]?.bytes ?? "")
      .digest("hex");
    expect(stored()).toEqual(expect.arrayContaining([lockedScanHash, portfolio]));
    server.clock.advance(3 * DAY);
    await applyRetention(server.services, { conversationDays: 1, auditDays: 3650 }, false);
    expect(stored()).not.toContain(lockedScanHash);
    // The first test's conversation is still planned: its files stay.
    expect(stored()).toContain(portfolio);
  });
});

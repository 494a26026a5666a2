import { expect } from "vitest";
import { participantTokens } from "../support/collab-fixtures.js";
import { planConversation, type TestSchool } from "../support/factories.js";
import type { TestServer } from "../support/server.js";

/** A ZIP archive's local file entries (stored, not compressed): what Office files are made of. */
function zipOf(entries: [name: string, content: string][]): Buffer {
  const parts = entries.map(([name, content]) => {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(content.length, 18);
    header.writeUInt32LE(content.length, 22);
    header.writeUInt16LE(name.length, 26);
    return Buffer.concat([header, Buffer.from(name, "latin1"), Buffer.from(content, "latin1")]);
  });
  return Buffer.concat(parts);
}

const officeXml = (part: string) =>
  zipOf([
    ["[Content_Types].xml", "<Types/>"],
    ["_rels/.rels", "<Relationships/>"],
    [part, "<x/>"],
  ]);

/** One small file of every accepted type, as a person would pick it, with its MIME type. */
export const SAMPLE_FILES: { name: string; kind: string; mime: string; bytes: Buffer }[] = [
  {
    name: "portfolio.pdf",
    kind: "portfolio",
    mime: "application/pdf",
    bytes: Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"),
  },
  {
    name: "bewijskaart.png",
    kind: "bewijskaart",
    mime: "image/png",
    bytes: Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex"),
  },
  {
    name: "foto werkplek.JPG",
    kind: "overig",
    mime: "image/jpeg",
    bytes: Buffer.from("ffd8ffe000104a46494600010100000100010000ffd9", "hex"),
  },
  {
    name: "scherm.webp",
    kind: "overig",
    mime: "image/webp",
    bytes: Buffer.concat([Buffer.from("RIFF\x1a\x00\x00\x00WEBPVP8 ", "latin1"), Buffer.alloc(14)]),
  },
  {
    name: "voortgangsoverzicht.docx",
    kind: "voortgangsoverzicht",
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    bytes: officeXml("word/document.xml"),
  },
  {
    name: "uren.xlsx",
    kind: "voortgangsoverzicht",
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    bytes: officeXml("xl/workbook.xml"),
  },
  {
    name: "presentatie.pptx",
    kind: "portfolio",
    mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    bytes: officeXml("ppt/presentation.xml"),
  },
  {
    name: "verslag.odt",
    kind: "portfolio",
    mime: "application/vnd.oasis.opendocument.text",
    bytes: zipOf([
      ["mimetype", "application/vnd.oasis.opendocument.text"],
      ["content.xml", "<office:document-content/>"],
    ]),
  },
];

/** What an upload answered. */
export interface UploadAnswer {
  status: number;
  body: {
    document?: { id: string; sha256: string; mimeType: string; fileName: string };
    errors?: { message: string; extensions: { code: string; reason?: string } }[];
  };
}

/** Uploads `bytes` as the raw body to a document route of the conversation. */
export async function upload(
  server: TestServer,
  conversationId: string,
  file: { name: string; kind?: string; bytes: Buffer },
  token?: string,
  route: "documents" | "signed-form" = "documents",
): Promise<UploadAnswer> {
  const query = new URLSearchParams({ name: file.name, ...(file.kind ? { kind: file.kind } : {}) });
  const response = await fetch(
    `${server.url}/api/conversations/${conversationId}/${route}?${query}`,
    {
      method: "POST",
      headers: {
        "Content-Type": "application/octet-stream",
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: new Uint8Array(file.bytes),
    },
  );
  return { status: response.status, body: (await response.json()) as UploadAnswer["body"] };
}

/** Downloads a document with `token`. */
export function download(server: TestServer, path: string, token: string): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
}

const MOVE = (name: string) => `mutation($id: ID!) { ${name}(conversationId: $id) { status } }`;

/** The student's statement, which comes first. */
export const STATE_CONCLUSION = `mutation($id: ID!) {
  setStudentConclusion(conversationId: $id, conclusion: op_schema) { id } }`;

/** The begeleider's conclusion, needed before the end. */
export const CONCLUDE = `mutation($id: ID!) {
  setConclusion(conversationId: $id, conclusion: op_schema) { id } }`;

/** Planning a conversation of a student's placement, moving it on, and holding it to its end. */
export function conversationSteps(server: () => TestServer, school: () => TestSchool) {
  const planned = async (student: keyof TestSchool["students"] = "sanne") => {
    const conversation = await planConversation(
      server().services,
      school().students[student].placementId,
    );
    return { id: conversation.id, tokens: await participantTokens(server(), conversation) };
  };
  const move = async (id: string, token: string, ...steps: string[]) => {
    for (const step of steps)
      expect((await server().gql(MOVE(step), { id }, token)).errors).toBeUndefined();
  };
  const ended = async () => {
    const c = await planned();
    await move(c.id, c.tokens.bpv_begeleider, "startConversation", "advancePhase", "advancePhase");
    const stated = await server().gql(STATE_CONCLUSION, { id: c.id }, c.tokens.student);
    expect(stated.errors).toBeUndefined();
    const concluded = await server().gql(CONCLUDE, { id: c.id }, c.tokens.bpv_begeleider);
    expect(concluded.errors).toBeUndefined();
    await move(c.id, c.tokens.bpv_begeleider, "endConversation");
    return c;
  };
  return { planned, move, ended };
}

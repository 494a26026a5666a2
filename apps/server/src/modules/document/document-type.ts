/** A file type a conversation accepts, recognised by its content. */
export interface DocumentType {
  mimeType: string;
  /** File name endings that belong to this type (lower case, without the dot). */
  extensions: readonly string[];
}

const PDF: DocumentType = { mimeType: "application/pdf", extensions: ["pdf"] };
const PNG: DocumentType = { mimeType: "image/png", extensions: ["png"] };
const JPEG: DocumentType = { mimeType: "image/jpeg", extensions: ["jpg", "jpeg"] };
const WEBP: DocumentType = { mimeType: "image/webp", extensions: ["webp"] };
const DOCX: DocumentType = {
  mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  extensions: ["docx"],
};
const XLSX: DocumentType = {
  mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  extensions: ["xlsx"],
};
const PPTX: DocumentType = {
  mimeType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  extensions: ["pptx"],
};
const ODT: DocumentType = {
  mimeType: "application/vnd.oasis.opendocument.text",
  extensions: ["odt"],
};

/** Every type a document may have: PDF, images and Office files. */
export const DOCUMENT_TYPES = [PDF, PNG, JPEG, WEBP, DOCX, XLSX, PPTX, ODT] as const;

/** The types the signed scan of the paper form may have: PDF and images. */
export const SCAN_TYPES: readonly DocumentType[] = [PDF, PNG, JPEG, WEBP];

const startsWith = (bytes: Buffer, prefix: number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** Which Office file a ZIP archive is, by the entries it names (Office files are ZIPs). */
function officeType(bytes: Buffer): DocumentType | null {
  // An OpenDocument file stores its type uncompressed as the first entry, "mimetype".
  if (bytes.subarray(30, 38).toString("latin1") === "mimetype") {
    const declared = bytes.subarray(38, 38 + ODT.mimeType.length).toString("latin1");
    return declared === ODT.mimeType ? ODT : null;
  }
  const names = bytes.toString("latin1");
  if (!names.includes("[Content_Types].xml")) return null;
  if (names.includes("word/document.xml")) return DOCX;
  if (names.includes("xl/workbook.xml")) return XLSX;
  if (names.includes("ppt/presentation.xml")) return PPTX;
  return null;
}

/** The type of a file by its first bytes (magic numbers), or null when it is none we accept. */
export function detectDocumentType(bytes: Buffer): DocumentType | null {
  if (startsWith(bytes, ascii("%PDF-"))) return PDF;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return WEBP;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeType(bytes);
  return null;
}

/**
 * A file name safe to store and to send back in Content-Disposition: the last path part,
 * without control characters, quotes or slashes, at most 120 characters, keeping its ending.
 */
export function sanitizeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const printable = [...base.normalize("NFC")].filter((c) => c >= " " && c !== "\u007f").join("");
  const cleaned = printable
    .replace(/["<>:|?*;]/g, "")
    .replace(/\s+/g, " ")
    .replace(/^[.\s]+/, "")
    .trim();
  if (cleaned.length <= 120) return cleaned || "document";
  const dot = cleaned.lastIndexOf(".");
  const ending = dot > 0 && cleaned.length - dot <= 6 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, 120 - ending.length) + ending;
}

/** The lower-case ending of a file name, without the dot ("" when it has none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

import { type ConversationRecord, schoolDate } from "@driehoek/domain";

/**
 * The PDF's file name as people find it in their downloads: "BPV-gesprek Sanne Jansen
 * 2026-12-03.pdf", the date being the conversation's date in the school's calendar.
 */
export function recordFilename(record: ConversationRecord): string {
  const name = [...record.student.name]
    // Characters no file system accepts, and control characters.
    .map((c) => (/[\\/:*?"<>|]/.test(c) || c.charCodeAt(0) < 32 || c === "\u007f" ? " " : c))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
  return `BPV-gesprek ${name || "student"} ${schoolDate(new Date(record.scheduledAt))}.pdf`;
}

/** The file name in plain ASCII, for clients that do not read `filename*`: "Zoë" becomes "Zoe". */
function asciiFallback(filename: string): string {
  return filename
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
}

/**
 * A Content-Disposition header for a download: the ASCII `filename` for old clients and the
 * exact UTF-8 name in `filename*` (RFC 6266 / RFC 5987) for names with "ë" or "ö".
 */
export function attachmentDisposition(filename: string): string {
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFallback(filename)}"; filename*=UTF-8''${encoded}`;
}

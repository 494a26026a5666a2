import type { ConversationRecord } from "@driehoek/domain";
import {
  AGREEMENT_STATUS_LABELS,
  type AgreementStatus,
  CONCLUSION_LABELS,
  type Conclusion,
  GUIDE,
  isConclusion,
  POK_PROBLEM_LABELS,
  type PokProblem,
  ROLE_LABELS,
  type Role,
  SCHOOL_TIME_ZONE,
} from "@driehoek/domain";
import PDFDocument from "pdfkit";
import { documentBlocks, signedFormLine } from "../document/record-pdf-blocks.js";

/** A signature as printed on the form. */
export interface PrintedSignature {
  role: string;
  name: string;
  method: string;
  signedAt: Date;
  contentHash: string;
}

const MODE = { in_person: "Fysiek", online: "Digitaal" } as Record<string, string>;
const dateNl = (iso: string) =>
  new Date(iso).toLocaleString("nl-NL", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: SCHOOL_TIME_ZONE,
  });
const roleNl = (role: string) => ROLE_LABELS[role as Role]?.nl ?? role;
const conclusionNl = (c: string | null) =>
  c && isConclusion(c)
    ? `${CONCLUSION_LABELS[c as Conclusion].title.nl} ${CONCLUSION_LABELS[c as Conclusion].detail.nl}`
    : "—";

/**
 * The gespreksformulier BPV as a PDF, following the school guide's structure: who, when, how,
 * the POK check, per phase the notes (with the review of last time's agreements), the student's
 * summary, the conclusion, the new agreements, particulars and the signatures.
 */
export function renderRecordPdf(
  record: ConversationRecord,
  signatures: PrintedSignature[],
  isLocked: boolean,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    info: { Title: "Gespreksformulier BPV", Author: "Driehoek" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) =>
    doc.on("end", () => resolve(Buffer.concat(chunks))),
  );

  const heading = (text: string, size = 13) =>
    doc.moveDown(0.6).font("Helvetica-Bold").fontSize(size).text(text).moveDown(0.2);
  const line = (label: string, value: string) =>
    doc
      .font("Helvetica-Bold")
      .fontSize(10)
      .text(`${label}: `, { continued: true })
      .font("Helvetica")
      .text(value || "—");
  const para = (text: string) =>
    doc
      .font("Helvetica")
      .fontSize(10)
      .text(text || "—");

  doc.font("Helvetica-Bold").fontSize(18).text("Gespreksformulier BPV");
  if (!isLocked)
    doc
      .font("Helvetica-Oblique")
      .fontSize(10)
      .fillColor("#b00020")
      .text("CONCEPT — nog niet door alle drie ondertekend")
      .fillColor("black");
  doc.moveDown(0.5);
  line(
    "Student",
    `${record.student.name} (${record.student.studentNumber}, cohort ${record.student.cohort})`,
  );
  line(
    "Opleiding",
    `${record.programme.name}, crebo ${record.programme.crebo}, niveau ${record.programme.level}`,
  );
  line("Leerbedrijf", `${record.company.name}, ${record.company.city}`);
  line("Datum", dateNl(record.scheduledAt));
  line("Vorm", MODE[record.mode] ?? record.mode);
  for (const p of record.participants) line(roleNl(p.role), p.name);

  heading("Controle POK");
  line("POK", record.pok.number);
  para(
    record.pok.isValid
      ? `Geldig op ${record.pok.checkedOn}.`
      : `Niet geldig op ${record.pok.checkedOn}: ${record.pok.problems.map((p) => POK_PROBLEM_LABELS[p as PokProblem]?.nl ?? p).join(" ")}`,
  );

  const notes = new Map(record.notes.map((n) => [n.section, n.text]));
  for (const phase of GUIDE) {
    heading(`${phase.title.nl} (${phase.plannedMinutes} min)`, 14);
    for (const section of phase.sections) {
      doc.font("Helvetica-Bold").fontSize(11).text(section.title.nl);
      if (section.key === "afspraken-vorige") {
        if (record.review.length === 0) para("Geen afspraken van de vorige keer.");
        for (const r of record.review) {
          para(
            `• ${r.text} — ${AGREEMENT_STATUS_LABELS[r.status as AgreementStatus]?.nl ?? r.status}${r.needed ? `. Nodig: ${r.needed}` : ""}`,
          );
        }
      }
      if (section.key === "samenvatten") para(record.summary);
      if (section.key === "conclusie") {
        line("Conclusie", conclusionNl(record.conclusion.value));
        if (record.conclusion.motivation) line("Toelichting", record.conclusion.motivation);
        if (record.conclusion.studentValue)
          line("Volgens de student", conclusionNl(record.conclusion.studentValue));
        if (record.conclusion.studentMotivation)
          line("Toelichting student", record.conclusion.studentMotivation);
      }
      if (section.key === "nieuwe-afspraken") {
        if (record.agreements.length === 0) para("Geen nieuwe afspraken.");
        record.agreements.forEach((a, i) => {
          doc
            .font("Helvetica-Bold")
            .fontSize(10)
            .text(`${i + 1}. ${a.text}`);
          para(
            [
              `Wie: ${a.owner ? roleNl(a.owner) : "—"}`,
              `Wanneer: ${a.dueDate ?? "—"}`,
              `Hoe weten we het: ${a.measure || "—"}`,
              `Eerste stap: ${a.firstStep || "—"}`,
              a.werkproces ? `Werkproces: ${a.werkproces}` : "",
            ]
              .filter(Boolean)
              .join("   "),
          );
        });
      }
      const note = notes.get(section.key);
      if (note) para(note);
      doc.moveDown(0.3);
    }
  }

  heading("Bijzonderheden");
  if (record.particulars.length === 0) para("Geen.");
  for (const p of record.particulars) para(`• ${p.text}`);

  for (const block of documentBlocks(record)) {
    heading(block.title);
    for (const text of block.lines) para(text);
  }

  heading("Ondertekening");
  const scanned = signedFormLine(record);
  if (scanned) para(scanned);
  if (signatures.length === 0) para("Nog niet ondertekend.");
  for (const s of signatures) {
    para(
      `${roleNl(s.role)}: ${s.name} — ${s.method === "paper" ? "papieren formulier ondertekend" : "digitaal akkoord"} op ${dateNl(s.signedAt.toISOString())}`,
    );
  }
  doc
    .moveDown(0.5)
    .font("Helvetica")
    .fontSize(8)
    .fillColor("#555")
    .text(`Controlecode (SHA-256 van het verslag): ${signatures[0]?.contentHash ?? "—"}`);
  doc.end();
  return done;
}

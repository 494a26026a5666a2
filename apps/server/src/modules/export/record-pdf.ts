import { PRAKTIJKOPLEIDER_GOALS_KEY } from "@driehoek/collab";
import type { ConversationRecord } from "@driehoek/domain";
import {
  AGREEMENT_STATUS_LABELS,
  type AgreementStatus,
  CONCLUSION_LABELS,
  type Conclusion,
  GOALS_SECTION_KEY,
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

const MODE = { in_person: "Op locatie", online: "Online" } as Record<string, string>;

/** A calendar date ('YYYY-MM-DD') as the screen says it in full: "15 december 2026". */
export function dateNl(isoDate: string): string {
  return new Intl.DateTimeFormat("nl-NL", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${isoDate.slice(0, 10)}T12:00:00.000Z`));
}

/** A moment in the school's time zone: "15 december 2026 14:03". */
export function momentNl(moment: Date): string {
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat("nl-NL", { ...options, timeZone: SCHOOL_TIME_ZONE }).format(moment);
  return `${part({ day: "numeric", month: "long", year: "numeric" })} ${part({
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  })}`;
}
const roleNl = (role: string) => ROLE_LABELS[role as Role]?.nl ?? role;
const conclusionNl = (c: string | null) =>
  c && isConclusion(c)
    ? `${CONCLUSION_LABELS[c as Conclusion].title.nl} ${CONCLUSION_LABELS[c as Conclusion].detail.nl}`
    : "—";

/**
 * The gespreksformulier BPV as a PDF, following the school guide's structure: who, when, how,
 * the POK check, per phase the notes (with the review of last time's agreements), the student's
 * summary, the conclusion, the new agreements, particulars and the signature block: each of the
 * three with name, role and the moment of their akkoord, and the record's hash.
 */
export function renderRecordPdf(
  record: ConversationRecord,
  signatures: PrintedSignature[],
  isLocked: boolean,
  recordHash: string,
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
  line("Datum", momentNl(new Date(record.scheduledAt)));
  line("Vorm", MODE[record.mode] ?? record.mode);
  // The student is named above; the others who took part follow.
  for (const p of record.participants) if (p.role !== "student") line(roleNl(p.role), p.name);

  heading("Controle POK");
  line("POK", record.pok.number);
  para(
    record.pok.isValid
      ? `Geldig op ${dateNl(record.pok.checkedOn)}.`
      : `Niet geldig op ${dateNl(record.pok.checkedOn)}: ${record.pok.problems.map((p) => POK_PROBLEM_LABELS[p as PokProblem]?.nl ?? p).join(" ")}`,
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
        // The student states it first; the begeleider confirms it or judges otherwise, with why.
        const { value, motivation, studentValue, studentMotivation } = record.conclusion;
        line("Conclusie van de student", conclusionNl(studentValue));
        if (studentMotivation) line("Toelichting student", studentMotivation);
        line(
          "Oordeel BPV-begeleider",
          !value
            ? "—"
            : value === studentValue
              ? `bevestigd: ${conclusionNl(value)}`
              : `anders: ${conclusionNl(value)}`,
        );
        if (motivation) line("Toelichting", motivation);
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
              `Wanneer: ${a.dueDate ? dateNl(a.dueDate) : "—"}`,
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
      const goals = section.key === GOALS_SECTION_KEY ? notes.get(PRAKTIJKOPLEIDER_GOALS_KEY) : "";
      if (goals) para(`Gespreksdoelen van de praktijkopleider: ${goals}`);
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

  // The signature block stays together: a new page when it would start at the foot of this one.
  const blockHeight = 60 + record.participants.length * 30;
  if (doc.y + blockHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
  heading("Ondertekening");
  const scanned = signedFormLine(record);
  if (scanned) para(scanned);
  for (const p of record.participants) {
    const given = signatures.find((s) => s.role === p.role);
    doc
      .font("Helvetica-Bold")
      .fontSize(10)
      .text(`${roleNl(p.role)}: ${p.name}`);
    para(
      given
        ? `${given.method === "paper" ? "papieren formulier ondertekend" : "digitaal akkoord"} op ${momentNl(given.signedAt)}`
        : "Nog geen akkoord.",
    );
  }
  doc
    .moveDown(0.5)
    .font("Helvetica")
    .fontSize(8)
    .fillColor("#555")
    .text(`Controlecode (SHA-256 van het verslag): ${recordHash}`);
  doc.end();
  return done;
}

import {
  type ConversationRecord,
  conversationModeLabel,
  conversationTimes,
  fillLabel,
  formatLongDate,
  formatLongMoment,
  formatSpentTime,
  GUIDE,
  PHASE_NAMES,
  type PhaseTime,
  POK_PROBLEM_LABELS,
  type PokProblem,
  SCHOOL_NAME,
  totalTime,
} from "@driehoek/domain";
import { documentBlocks, signedFormLine } from "../document/record-pdf-blocks.js";
import { writeTalk } from "../talk/talk-pdf.js";
import { PDF_COLORS, PdfWriter } from "./pdf-writer.js";
import { roleNl, writeSectionBody } from "./record-pdf-sections.js";

/** A signature as printed on the form. */
export interface PrintedSignature {
  role: string;
  name: string;
  method: string;
  signedAt: Date;
  contentHash: string;
}

const NL = "nl" as const;
const label = (key: Parameters<typeof fillLabel>[0], values?: Record<string, string | number>) =>
  fillLabel(key, NL, values);

/** A calendar date ('YYYY-MM-DD') as the screen says it in full: "15 december 2026". */
export const dateNl = (isoDate: string): string => formatLongDate(isoDate, NL);

/** A moment in the school's time zone: "15 december 2026 14:03". */
export const momentNl = (moment: Date): string => formatLongMoment(moment, NL);

/** The record's time per phase and section, or null for a record without times. */
function timesOf(record: ConversationRecord, now: Date): PhaseTime[] | null {
  if (!record.times) return null;
  return conversationTimes(
    { phasePeriods: record.times.phases, sectionPeriods: record.times.sections },
    record.endedAt ? new Date(record.endedAt) : now,
  );
}

/**
 * The gespreksformulier BPV as a PDF, in the words and date format of the record on screen:
 * the school's name in every page's header; a first page with who, when, how, the POK check
 * and the time per phase; then a page per phase of the guide with its sections and the time
 * each took; the signature table (role, name, moment of each akkoord) with the record's hash in
 * Archivering; and the particulars.
 */
export async function renderRecordPdf(
  record: ConversationRecord,
  signatures: PrintedSignature[],
  isLocked: boolean,
  recordHash: string,
  now: Date = new Date(),
): Promise<Buffer> {
  const pdf = await PdfWriter.open(`${label("title")} — ${record.student.name}`);
  const scheduled = formatLongMoment(record.scheduledAt, NL);
  const times = timesOf(record, now);

  pdf.title(
    label("title"),
    `${label("conversationOf", { name: record.student.name })}, ${scheduled}`,
  );
  if (!isLocked) pdf.badge(label("concept").toUpperCase(), PDF_COLORS.error);
  pdf.facts([
    [
      label("student"),
      label("studentValue", {
        name: record.student.name,
        number: record.student.studentNumber,
        cohort: record.student.cohort,
      }),
    ],
    [
      label("programme"),
      label("programmeValue", {
        name: record.programme.name,
        crebo: record.programme.crebo,
        level: record.programme.level,
      }),
    ],
    [label("company"), label("companyValue", record.company)],
    [label("date"), scheduled],
    [label("mode"), conversationModeLabel(record.mode, NL)],
    [
      label("participants"),
      record.participants.map((p) => `${roleNl(p.role)}: ${p.name}`).join("\n"),
    ],
  ]);

  pdf.heading(label("pok"));
  pdf.facts([
    [label("pokNumber"), record.pok.number],
    [
      "",
      record.pok.isValid
        ? label("pokValid", { date: dateNl(record.pok.checkedOn) })
        : `${label("pokInvalid", { date: dateNl(record.pok.checkedOn) })} ${record.pok.problems
            .map((p) => POK_PROBLEM_LABELS[p as PokProblem]?.nl ?? p)
            .join(" ")}`,
    ],
  ]);

  if (times) writeTimes(pdf, times);
  writeTalk(pdf, record);

  GUIDE.forEach((phase, index) => {
    // Inleiding follows the first page's facts when it fits; Kern and Afronden get a page each.
    if (index > 0 || pdf.room < 260) pdf.newPage();
    else pdf.space(14);
    const phaseTime = times?.[index];
    pdf.phaseHeading(phase.title.nl, phaseTime ? formatSpentTime(phaseTime, NL) : null);
    phase.sections.forEach((section, s) => {
      const sectionTime = phaseTime?.sections[s];
      pdf.sectionHeading(section.title.nl, sectionTime ? formatSpentTime(sectionTime, NL) : null);
      writeSectionBody(pdf, record, section, () =>
        writeSignatures(pdf, record, signatures, recordHash),
      );
      pdf.space(8);
    });
  });

  pdf.heading(label("particulars"));
  if (record.particulars.length === 0) pdf.para(label("particularsEmpty"), { muted: true });
  for (const p of record.particulars) pdf.para(`• ${p.text}`);
  for (const block of documentBlocks(record)) {
    pdf.heading(block.title);
    for (const text of block.lines) pdf.para(text);
  }

  const footer = `${record.student.name} · ${label("title")} · ${formatLongDate(record.scheduledAt, NL)}`;
  return pdf.finish(SCHOOL_NAME, label("title"), footer, (n, total) => label("page", { n, total }));
}

/** "Tijdsverloop": each phase's time beside the planned, with a bar, and the total. */
function writeTimes(pdf: PdfWriter, times: PhaseTime[]): void {
  pdf.heading(label("times"));
  const total = totalTime(times);
  const scale = Math.max(
    total.plannedMinutes,
    ...times.map((t) => Math.max(t.plannedMinutes, (t.actualMs ?? 0) / 60_000)),
  );
  const rows = [
    ...times.map((t) => ({ text: formatSpentTime(t, NL, PHASE_NAMES[t.phase].nl), time: t })),
    { text: formatSpentTime(total, NL, label("total")), time: total },
  ];
  const barX = pdf.left + 230;
  const barWidth = pdf.width - 230;
  for (const row of rows) {
    pdf.keep(18);
    const y = pdf.doc.y;
    const isTotal = row.time === total;
    pdf.doc
      .font(isTotal ? "Helvetica-Bold" : "Helvetica")
      .fontSize(10.5)
      .fillColor(PDF_COLORS.ink);
    pdf.doc.text(row.text, pdf.left, y, { width: 220, lineBreak: false });
    pdf.bar(
      barX,
      y + 2.5,
      barWidth,
      row.time.actualMs === null ? null : row.time.actualMs / 60_000 / scale,
      row.time.plannedMinutes / scale,
    );
    pdf.doc.x = pdf.left;
    pdf.doc.y = y + 18;
  }
}

/** The signature table — role, name, the moment of each akkoord — and the record's hash. */
function writeSignatures(
  pdf: PdfWriter,
  record: ConversationRecord,
  signatures: PrintedSignature[],
  recordHash: string,
): void {
  pdf.keep(100 + record.participants.length * 40);
  pdf.space(2);
  pdf.strong(label("signatures"));
  const scanned = signedFormLine(record);
  if (scanned) pdf.para(scanned);
  pdf.table(
    [
      { header: label("role"), share: 0.2 },
      { header: label("name"), share: 0.24 },
      { header: label("agreement"), share: 0.34 },
      { header: label("signature"), share: 0.22 },
    ],
    record.participants.map((p) => {
      const given = signatures.find((s) => s.role === p.role);
      const when = given ? momentNl(given.signedAt) : "";
      return [
        roleNl(p.role),
        p.name,
        !given
          ? label("notSigned")
          : given.method === "paper"
            ? label("paper", { date: when })
            : label("digital", { date: when }),
        "",
      ];
    }),
    26,
  );
  pdf.small(`${label("hash")}:`, "bold");
  pdf.small(recordHash || "—", "mono");
}

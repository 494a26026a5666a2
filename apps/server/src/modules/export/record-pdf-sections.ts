import { PRAKTIJKOPLEIDER_GOALS_KEY } from "@driehoek/collab";
import {
  AGREEMENT_STATUS_LABELS,
  type AgreementStatus,
  ARCHIVING_SECTION_KEY,
  CONCLUSION_LABELS,
  CONCLUSION_SECTION_KEY,
  type ConversationRecord,
  fillLabel,
  formatLongDate,
  GOALS_SECTION_KEY,
  type GuideSection,
  isConclusion,
  NEW_AGREEMENTS_SECTION_KEY,
  PREVIOUS_AGREEMENTS_SECTION_KEY,
  ROLE_LABELS,
  type Role,
  SUMMARY_SECTION_KEY,
} from "@driehoek/domain";
import type { PdfWriter } from "./pdf-writer.js";

const NL = "nl" as const;
const label = (key: Parameters<typeof fillLabel>[0], values?: Record<string, string | number>) =>
  fillLabel(key, NL, values);

/** A role as the screen names it: "BPV-begeleider". */
export const roleNl = (role: string) => ROLE_LABELS[role as Role]?.nl ?? role;

/** A conclusion in the guide's words: "Ik loop op schema (op de nominale lijn)". */
function conclusionNl(value: string | null): string | null {
  if (!value || !isConclusion(value)) return null;
  return `${CONCLUSION_LABELS[value].title.nl} ${CONCLUSION_LABELS[value].detail.nl}`;
}

const noteOf = (record: ConversationRecord, key: string) =>
  record.notes.find((n) => n.section === key)?.text.trim() ?? "";

/** What the record holds for one section of the guide, in the words of the record on screen. */
export function writeSectionBody(
  pdf: PdfWriter,
  record: ConversationRecord,
  section: GuideSection,
  archiving: () => void,
): void {
  let wrote = true;
  switch (section.key) {
    case PREVIOUS_AGREEMENTS_SECTION_KEY:
      if (record.review.length === 0) pdf.para(label("reviewEmpty"), { muted: true });
      record.review.forEach((r, i) => {
        const status = AGREEMENT_STATUS_LABELS[r.status as AgreementStatus]?.nl ?? r.status;
        pdf.para(
          `${i + 1}. ${r.text} — ${status}${r.needed ? `. ${label("needed")} ${r.needed}` : ""}`,
          { indent: 4 },
        );
      });
      break;
    case SUMMARY_SECTION_KEY:
      if (record.summary.trim()) pdf.para(record.summary);
      else pdf.para(label("summaryEmpty"), { muted: true });
      break;
    case CONCLUSION_SECTION_KEY:
      writeConclusion(pdf, record);
      break;
    case NEW_AGREEMENTS_SECTION_KEY:
      writeAgreements(pdf, record);
      break;
    case ARCHIVING_SECTION_KEY:
      archiving();
      break;
    default:
      wrote = false;
  }
  const note = noteOf(record, section.key);
  if (note) pdf.labelled(label("notes"), note);
  const goals = section.key === GOALS_SECTION_KEY ? noteOf(record, PRAKTIJKOPLEIDER_GOALS_KEY) : "";
  if (goals) pdf.labelled(label("praktijkopleiderGoals"), goals);
  if (!wrote && !note && !goals) pdf.para(label("nothing"), { muted: true });
}

/** The student states the conclusion first; the begeleider confirms it or judges otherwise. */
function writeConclusion(pdf: PdfWriter, record: ConversationRecord): void {
  const { value, motivation, studentValue, studentMotivation } = record.conclusion;
  const none = label("noConclusion");
  pdf.labelled(label("studentView"), conclusionNl(studentValue) ?? none);
  if (studentMotivation) pdf.labelled(label("studentMotivation"), studentMotivation);
  const judged = conclusionNl(value);
  pdf.labelled(
    label("conclusion"),
    !judged ? none : `${value === studentValue ? label("confirmed") : label("differs")}: ${judged}`,
  );
  if (motivation) pdf.labelled(label("motivation"), motivation);
}

function writeAgreements(pdf: PdfWriter, record: ConversationRecord): void {
  if (record.agreements.length === 0) pdf.para(label("agreementsEmpty"), { muted: true });
  record.agreements.forEach((a, i) => {
    pdf.keep(80);
    pdf.strong(`${i + 1}. ${a.text || "—"}`);
    pdf.labelled(label("owner"), a.owner ? roleNl(a.owner) : "—", 14);
    pdf.labelled(label("due"), a.dueDate ? formatLongDate(a.dueDate, NL) : "—", 14);
    pdf.labelled(label("measure"), a.measure || "—", 14);
    pdf.labelled(label("firstStep"), a.firstStep || "—", 14);
    if (a.werkproces) pdf.labelled(label("werkproces"), a.werkproces, 14);
    pdf.space(4);
  });
}

import { type ConversationRecord, PHASE_NAMES, type PhaseKey } from "@driehoek/domain";
import type { PdfWriter } from "../export/pdf-writer.js";
import { roleNl } from "../export/record-pdf-sections.js";
import type { RecordWithTalk } from "./talk-record.js";

const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)} %`);
const minutes = (ms: number) => (ms < 60_000 ? "< 1 min" : `${Math.round(ms / 60_000)} min`);

/**
 * "Wie was aan het woord": the student's share overall and per phase beside the guide's mark,
 * and each role's speaking time. Nothing when the meter was not used.
 */
export function writeTalk(pdf: PdfWriter, record: ConversationRecord): void {
  const talk = (record as RecordWithTalk).talk;
  if (!talk) return;
  pdf.heading("Wie was aan het woord");
  pdf.facts([
    ["Student aan het woord", `${percent(talk.studentShare)} (leidraad: ca. 70 %)`],
    ...talk.phases.map(
      (p) =>
        [
          PHASE_NAMES[p.phase as PhaseKey]?.nl ?? p.phase,
          `student ${percent(p.studentShare)}`,
        ] as const,
    ),
    [
      "Spreektijd",
      talk.totals
        .filter((t) => t.ms > 0)
        .map((t) => `${roleNl(t.role)}: ${minutes(t.ms)}`)
        .join("\n"),
    ],
  ]);
  pdf.para("Gemeten op de eigen apparaten; er is geen geluid opgeslagen of verstuurd.", {
    muted: true,
  });
}

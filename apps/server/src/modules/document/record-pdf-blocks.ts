import type { ConversationRecord } from "@driehoek/domain";

const KIND_NL: Record<string, string> = {
  portfolio: "Portfolio",
  voortgangsoverzicht: "Voortgangsoverzicht",
  bewijskaart: "Bewijskaart",
  overig: "Overig",
};

const ROLE_NL: Record<string, string> = {
  student: "student",
  praktijkopleider: "praktijkopleider",
  bpv_begeleider: "BPV-begeleider",
};

/** The three states of a werkproces at a placement, in the guide's words. */
export const WERKPROCES_STATE_NL: Record<string, string> = {
  kan_hier: "kan ik hier uitvoeren",
  nog_niet: "nog niet",
  kan_hier_niet: "kan hier niet",
};

/** The printed form's blocks for the attached documents and the marked werkprocessen. */
export function documentBlocks(record: ConversationRecord): { title: string; lines: string[] }[] {
  const blocks: { title: string; lines: string[] }[] = [];
  const documents = record.documents ?? [];
  if (documents.length > 0) {
    blocks.push({
      title: "Documenten",
      lines: documents.map(
        (d) =>
          `• ${KIND_NL[d.kind] ?? d.kind}: ${d.fileName} (van ${ROLE_NL[d.uploaderRole] ?? d.uploaderRole}; SHA-256 ${d.sha256})`,
      ),
    });
  }
  const werkprocessen = record.werkprocessen ?? [];
  if (werkprocessen.length > 0) {
    blocks.push({
      title: "Werkprocessen op deze werkplek",
      lines: werkprocessen.map(
        (w) => `• ${w.code} ${w.title}: ${WERKPROCES_STATE_NL[w.state] ?? w.state}`,
      ),
    });
  }
  return blocks;
}

/** The sign-off line of the paper route, or null when the record was not locked by a scan. */
export function signedFormLine(record: ConversationRecord): string | null {
  const form = record.signedForm;
  if (!form) return null;
  return `Ondertekend op papier (scan): ${form.fileName} (SHA-256 ${form.sha256})`;
}

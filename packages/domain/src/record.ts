/** The schema name and version of the gespreksformulier's record. */
export const RECORD_SCHEMA = "driehoek.record/1";

/**
 * The gespreksformulier as data: everything the three sign for. Built with a fixed key order
 * and fixed list orders, so the same record always serialises to the same bytes and hash.
 */
export interface ConversationRecord {
  schema: typeof RECORD_SCHEMA;
  conversationId: string;
  scheduledAt: string;
  mode: string;
  startedAt: string | null;
  endedAt: string | null;
  student: { name: string; studentNumber: string; cohort: string };
  programme: { crebo: string; name: string; level: number };
  company: { name: string; city: string };
  participants: { role: string; name: string }[];
  pok: { number: string; isValid: boolean; problems: string[]; checkedOn: string };
  review: { agreementId: string; text: string; status: string; needed: string | null }[];
  notes: { section: string; text: string }[];
  summary: string;
  conclusion: {
    value: string | null;
    motivation: string | null;
    studentValue: string | null;
    studentMotivation: string | null;
  };
  agreements: {
    id: string;
    text: string;
    owner: string | null;
    dueDate: string | null;
    measure: string;
    firstStep: string;
    werkproces: string | null;
  }[];
  particulars: { text: string }[];
  /** Documents attached to the conversation (portfolio, voortgangsoverzicht, bewijskaarten). */
  documents?: { fileName: string; kind: string; uploaderRole: string; sha256: string }[];
  /** The placement's marked werkprocessen as they stood at the end of the conversation. */
  werkprocessen?: { code: string; title: string; state: string }[];
  /** Paper route: the signed scan of the paper form that locked the record. */
  signedForm?: { documentId: string; fileName: string; sha256: string };
  /**
   * Time as it was spent: when each phase and each section started and ended (ISO moments; a
   * part revisited has several periods). Absent in records of conversations held before
   * sections were timed.
   */
  times?: {
    phases: { phase: string; startedAt: string; endedAt: string | null }[];
    sections: { phase: string; section: string; startedAt: string; endedAt: string | null }[];
  };
}

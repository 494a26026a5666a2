/**
 * Test factories for the staff page: a small school of placements and report rows in the
 * shapes the server answers with. Used by the tests beside this file only.
 */
import { conclusionScore } from "@driehoek/domain";
import type {
  ConclusionPointRow,
  OverdueAgreementRow,
  OverdueConversationRow,
  ParticularRow,
  PokIssueRow,
  ReportPlacement,
} from "../../graphql/report";

const SD = { id: "prog-sd", crebo: "25998", name: "Software developer" };
const VIG = { id: "prog-vig", crebo: "25655", name: "Verzorgende-IG" };
const MARIEKE = { id: "p-marieke", name: "Marieke de Vries" };
const JOOST = { id: "p-joost", name: "Joost Bakker" };

/** A placement of `name`, with conversations `c-<key>-1`, `c-<key>-2`, … on the given dates. */
export function placement(
  key: string,
  name: string,
  options: {
    programme?: "sd" | "vig";
    cohort?: string;
    begeleider?: "marieke" | "joost";
    conversationDates?: string[];
  } = {},
): ReportPlacement {
  return {
    id: `pl-${key}`,
    companyName: `Bedrijf ${name}`,
    student: { id: `person-${key}`, name },
    enrolment: { id: `st-${key}`, cohort: options.cohort ?? "2025-2026" },
    programme: options.programme === "vig" ? VIG : SD,
    begeleider: options.begeleider === "joost" ? JOOST : MARIEKE,
    conversations: (options.conversationDates ?? []).map((date, i) => ({
      id: `c-${key}-${i + 1}`,
      scheduledAt: `${date}T10:00:00.000Z`,
      status: "signed" as const,
    })),
  };
}

/** Four students: two software developers of Marieke, two Verzorgende-IG (one of Joost). */
export const SCHOOL: ReportPlacement[] = [
  placement("sanne", "Sanne Jansen", { conversationDates: ["2025-10-01", "2026-03-02"] }),
  placement("daan", "Daan Visser", { conversationDates: ["2025-11-10"] }),
  placement("lotte", "Lotte de Boer", {
    programme: "vig",
    cohort: "2026-2027",
    conversationDates: ["2026-01-15"],
  }),
  placement("youssef", "Youssef Benali", {
    programme: "vig",
    cohort: "2024-2025",
    begeleider: "joost",
  }),
];

/** A placement behind the frequency rule. */
export function overdue(key: string, name: string, missed = 1): OverdueConversationRow {
  return {
    studentName: name,
    placement: { id: `pl-${key}` },
    frequency: {
      periodStart: "2025-08-01",
      periodEnd: "2026-07-31",
      required: 2,
      held: 2 - missed,
      missed,
      nextDueDate: "2026-01-30",
    },
  };
}

/** An invalid POK (or one ending soon when `expiresSoon`). */
export function pokIssue(key: string, name: string, expiresSoon = false): PokIssueRow {
  return {
    studentName: name,
    placement: { id: `pl-${key}` },
    isValid: expiresSoon,
    problems: expiresSoon ? [] : ["missing_company_signature"],
    expiresSoon,
    pokEndDate: "2026-04-01",
  };
}

/** The conclusion of conversation `c-<key>-<n>`. */
export function point(
  key: string,
  name: string,
  n: number,
  date: string,
  conclusion: ConclusionPointRow["conclusion"],
  studentConclusion: ConclusionPointRow["studentConclusion"] = conclusion,
): ConclusionPointRow {
  const score = conclusionScore(conclusion);
  return {
    conversationId: `c-${key}-${n}`,
    placementId: `pl-${key}`,
    studentId: `st-${key}`,
    studentName: name,
    date,
    conclusion,
    score,
    studentConclusion,
  };
}

/** An open agreement of conversation `c-<key>-1`, `days` past its due date. */
export function overdueAgreement(key: string, name: string, days: number): OverdueAgreementRow {
  return {
    studentName: name,
    daysOverdue: days,
    placementId: `pl-${key}`,
    agreement: {
      id: `a-${key}-${days}`,
      conversationId: `c-${key}-1`,
      text: `${name} rondt het werkproces af`,
      owner: "student",
      dueDate: "2026-02-01",
      status: "open",
    },
  };
}

/** A particular flagged in conversation `c-<key>-1`. */
export function particular(
  id: string,
  key: string,
  name: string,
  text: string,
  handledAt: string | null = null,
): ParticularRow {
  return {
    id,
    text,
    createdAt: "2026-03-02T11:00:00.000Z",
    handledAt,
    createdBy: { id: "p-marieke", name: "Marieke de Vries" },
    conversation: {
      id: `c-${key}-1`,
      placement: { id: `pl-${key}`, student: { id: `person-${key}`, name } },
    },
  };
}

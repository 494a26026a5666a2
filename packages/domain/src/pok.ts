import { addDays, ageOn, assertIsoDate } from "./dates.js";
import type { LocalizedText } from "./i18n.js";

/** The facts about a POK (praktijkovereenkomst, the placement contract) that decide its validity. */
export interface PokFacts {
  /** Administrative status; a terminated POK is never valid again. */
  status: "draft" | "active" | "terminated";
  /** First day the POK covers. */
  startDate: string;
  /** Last day the POK covers, inclusive. */
  endDate: string;
  /** When the student signed, or null. */
  studentSignedAt: string | null;
  /** When the school signed, or null. */
  schoolSignedAt: string | null;
  /** When the company (leerbedrijf) signed, or null. */
  companySignedAt: string | null;
  /** When a parent or guardian signed, or null; needed only for a minor student. */
  parentSignedAt: string | null;
  /** The student's date of birth, or null when the school does not know it. */
  studentBirthDate: string | null;
  /** Whether SBB recognises the company as leerbedrijf for the POK's programme. */
  companyRecognised: boolean;
}

/** Every reason a POK can be invalid, in the order they are reported. */
export const POK_PROBLEMS = [
  "terminated",
  "missing_student_signature",
  "missing_school_signature",
  "missing_company_signature",
  "missing_parent_signature",
  "not_started",
  "expired",
  "company_not_recognised",
] as const;

/** One reason a POK is invalid; see `POK_PROBLEMS`. */
export type PokProblem = (typeof POK_PROBLEMS)[number];

/** The outcome of a POK check. */
export interface PokCheck {
  /** Whether the POK is valid today: no problems. */
  isValid: boolean;
  /** Every problem found, in `POK_PROBLEMS` order. */
  problems: PokProblem[];
}

/** One sentence per problem, shown to the supervisor and in the record's particulars. */
export const POK_PROBLEM_LABELS: Record<PokProblem, LocalizedText> = {
  terminated: {
    nl: "De POK is beëindigd.",
    en: "The placement agreement (POK) has been terminated.",
  },
  missing_student_signature: {
    nl: "De POK is nog niet ondertekend door de student.",
    en: "The placement agreement (POK) has not yet been signed by the student.",
  },
  missing_school_signature: {
    nl: "De POK is nog niet ondertekend door de school.",
    en: "The placement agreement (POK) has not yet been signed by the school.",
  },
  missing_company_signature: {
    nl: "De POK is nog niet ondertekend door het leerbedrijf.",
    en: "The placement agreement (POK) has not yet been signed by the company.",
  },
  missing_parent_signature: {
    nl: "De student was bij de start van de POK minderjarig; de POK is nog niet ondertekend door een ouder of verzorger.",
    en: "The student was under 18 when the placement agreement (POK) started; it has not yet been signed by a parent or guardian.",
  },
  not_started: {
    nl: "De POK is nog niet ingegaan.",
    en: "The placement agreement (POK) has not started yet.",
  },
  expired: {
    nl: "De einddatum van de POK is verstreken.",
    en: "The placement agreement (POK) has passed its end date.",
  },
  company_not_recognised: {
    nl: "Het leerbedrijf is niet (meer) erkend door SBB voor deze opleiding.",
    en: "The company is not (or no longer) recognised by SBB for this programme.",
  },
};

/** Age below which a parent or guardian must also sign (Dutch age of majority). */
export const AGE_OF_MAJORITY = 18;

/**
 * Whether a parent or guardian must sign: the student was under 18 on the POK's start date.
 * With an unknown birth date it is not required, as the school cannot tell.
 */
export function requiresParentSignature(pok: PokFacts): boolean {
  if (pok.studentBirthDate === null) return false;
  return ageOn(pok.studentBirthDate, pok.startDate) < AGE_OF_MAJORITY;
}

/**
 * Every reason the POK is not valid on `today`. A POK is valid when it is not terminated, every
 * required party signed (student, school, company, and a parent for a student under 18 at the
 * start), `today` lies within its start and end date (both inclusive), and SBB recognises the
 * company. A "draft" status is not a problem of its own: the missing signatures it implies are.
 */
export function checkPok(pok: PokFacts, today: string): PokCheck {
  assertIsoDate(pok.startDate, "startDate");
  assertIsoDate(pok.endDate, "endDate");
  assertIsoDate(today, "today");
  const found: Record<PokProblem, boolean> = {
    terminated: pok.status === "terminated",
    missing_student_signature: pok.studentSignedAt === null,
    missing_school_signature: pok.schoolSignedAt === null,
    missing_company_signature: pok.companySignedAt === null,
    missing_parent_signature: requiresParentSignature(pok) && pok.parentSignedAt === null,
    not_started: today < pok.startDate,
    expired: today > pok.endDate,
    company_not_recognised: !pok.companyRecognised,
  };
  const problems = POK_PROBLEMS.filter((problem) => found[problem]);
  return { isValid: problems.length === 0, problems };
}

/**
 * Whether the POK's end date falls within the next `days` days (today included), so the
 * supervisor can arrange an extension in time. False once it has already expired: that is
 * `checkPok`'s "expired".
 */
export function pokExpiresWithin(pok: PokFacts, today: string, days: number): boolean {
  assertIsoDate(pok.endDate, "endDate");
  return pok.endDate >= today && pok.endDate <= addDays(today, days);
}

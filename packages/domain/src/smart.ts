import { addMonths, assertIsoDate, isIsoDate } from "./dates.js";
import type { LocalizedText } from "./i18n.js";
import type { ParticipantRole } from "./roles.js";

/** The five SMART criteria, in order. */
export const SMART_LETTERS = ["S", "M", "A", "R", "T"] as const;

/** One SMART criterion. */
export type SmartLetter = (typeof SMART_LETTERS)[number];

/** Display names of the SMART criteria. */
export const SMART_LABELS: Record<SmartLetter, LocalizedText> = {
  S: { nl: "Specifiek", en: "Specific" },
  M: { nl: "Meetbaar", en: "Measurable" },
  A: { nl: "Acceptabel", en: "Acceptable" },
  R: { nl: "Realistisch", en: "Realistic" },
  T: { nl: "Tijdgebonden", en: "Time-bound" },
};

/** An agreement as it is being written, before it is saved. */
export interface AgreementDraft {
  /** What will be done. */
  text: string;
  /** Who does it, or null when not chosen yet. */
  owner: ParticipantRole | null;
  /** By when, as 'YYYY-MM-DD', or null. */
  dueDate: string | null;
  /** How we will know it succeeded ("hoe weten we dat het gelukt is"). */
  measure: string;
  /** The first concrete step. */
  firstStep: string;
  /** The linked werkproces code (e.g. "B1-K1-W1") where it fits; optional, not part of SMART. */
  werkproces: string | null;
}

/** The outcome of a SMART check. */
export interface SmartCheck {
  /** Whether all five criteria are met. */
  isComplete: boolean;
  /** The unmet criteria, in S-M-A-R-T order. */
  missing: SmartLetter[];
  /** One hint per unmet criterion saying what to add, in the same order. */
  hints: { letter: SmartLetter; message: LocalizedText }[];
}

/** The fewest words an agreement's text needs to say specifically what will be done. */
export const SMART_MIN_WORDS = 4;

/** How far ahead a due date may lie and still be realistic for the next conversation(s). */
export const SMART_MAX_MONTHS_AHEAD = 12;

/**
 * Checks an agreement against SMART, judged on `today`:
 * - S (specifiek): the text has at least 4 words.
 * - M (meetbaar): how we will know it succeeded is filled in.
 * - A (acceptabel): an owner is chosen — someone accepted doing it.
 * - R (realistisch): a first step is filled in, and the due date (if any) is at most 12 months
 *   ahead — further than that is not a plan for the coming period.
 * - T (tijdgebonden): the due date is a valid date after today.
 */
export function checkSmart(draft: AgreementDraft, today: string): SmartCheck {
  assertIsoDate(today, "today");
  const hints: { letter: SmartLetter; message: LocalizedText }[] = [];
  if (countWords(draft.text) < SMART_MIN_WORDS) hints.push({ letter: "S", message: HINTS.S });
  if (draft.measure.trim() === "") hints.push({ letter: "M", message: HINTS.M });
  if (draft.owner === null) hints.push({ letter: "A", message: HINTS.A });

  // An unparsable date counts as no date: T reports it, R does not judge it.
  const dueDate = draft.dueDate !== null && isIsoDate(draft.dueDate) ? draft.dueDate : null;
  const isTooFarAhead = dueDate !== null && dueDate > addMonths(today, SMART_MAX_MONTHS_AHEAD);
  if (draft.firstStep.trim() === "") hints.push({ letter: "R", message: HINTS.R });
  else if (isTooFarAhead) hints.push({ letter: "R", message: HINTS.R_TOO_FAR });

  if (dueDate === null) hints.push({ letter: "T", message: HINTS.T });
  else if (dueDate <= today) hints.push({ letter: "T", message: HINTS.T_PAST });

  const missing = hints.map((hint) => hint.letter);
  return { isComplete: missing.length === 0, missing, hints };
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => word !== "").length;
}

const HINTS = {
  S: {
    nl: "Beschrijf concreet wat er gedaan wordt (minstens vier woorden).",
    en: "Describe concretely what will be done (at least four words).",
  },
  M: {
    nl: "Vul in hoe we weten dat het gelukt is.",
    en: "Fill in how we will know it has succeeded.",
  },
  A: {
    nl: "Kies wie de afspraak uitvoert.",
    en: "Choose who carries out the agreement.",
  },
  R: {
    nl: "Vul de eerste stap in.",
    en: "Fill in the first step.",
  },
  R_TOO_FAR: {
    nl: "Kies een datum binnen twaalf maanden; verder weg is niet realistisch.",
    en: "Choose a date within twelve months; further ahead is not realistic.",
  },
  T: {
    nl: "Kies een datum waarop het klaar is.",
    en: "Choose a date by which it is done.",
  },
  T_PAST: {
    nl: "Kies een datum na vandaag.",
    en: "Choose a date after today.",
  },
} satisfies Record<string, LocalizedText>;

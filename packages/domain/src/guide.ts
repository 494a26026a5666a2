import { AFRONDEN } from "./guide-afronden.js";
import { INLEIDING } from "./guide-inleiding.js";
import { KERN } from "./guide-kern.js";
import { type GuidePhase, type GuideSection, PHASE_KEYS, type PhaseKey } from "./guide-types.js";

export {
  EXAMPLE_QUESTIONS_LABEL,
  type GuidePhase,
  type GuideSection,
  PHASE_KEYS,
  type PhaseKey,
} from "./guide-types.js";

/**
 * The school's guide (leidraad) for the BPV conversation as data: Inleiding (5 min), Kern
 * (30 min) and Afronden (5 min), each with its sections in the guide's order.
 */
export const GUIDE: readonly GuidePhase[] = [INLEIDING, KERN, AFRONDEN];

/** Key of the Inleiding section "Gespreksdoel aanvullen": its notes are the student's goals. */
export const GOALS_SECTION_KEY = "gespreksdoel";
/** Key of the Kern section that reviews the previous conversation's agreements. */
export const PREVIOUS_AGREEMENTS_SECTION_KEY = "afspraken-vorige";
/** Key of the Afronden section where the student summarises the conversation. */
export const SUMMARY_SECTION_KEY = "samenvatten";
/** Key of the Afronden section where the conclusion against the nominal line is chosen. */
export const CONCLUSION_SECTION_KEY = "conclusie";
/** Key of the Afronden section where the new SMART agreements are made. */
export const NEW_AGREEMENTS_SECTION_KEY = "nieuwe-afspraken";
/** Key of the Afronden section about signing and archiving the record. */
export const ARCHIVING_SECTION_KEY = "archivering";

/** Every section key of the guide, in the order the conversation runs through them. */
export const SECTION_KEYS: readonly string[] = GUIDE.flatMap((phase) =>
  phase.sections.map((section) => section.key),
);

/** Whether `value` names a phase; use it to narrow untrusted input such as a GraphQL argument. */
export function isPhaseKey(value: string): value is PhaseKey {
  return (PHASE_KEYS as readonly string[]).includes(value);
}

/** The phase with `key`. */
export function getPhase(key: PhaseKey): GuidePhase {
  const phase = GUIDE.find((p) => p.key === key);
  // Unreachable while GUIDE holds every PhaseKey; the guide test guards that.
  if (!phase) throw new Error(`Unknown phase: ${key}`);
  return phase;
}

/** The section with `sectionKey` and the phase it belongs to, or undefined for an unknown key. */
export function findSection(
  sectionKey: string,
): { phase: GuidePhase; section: GuideSection } | undefined {
  for (const phase of GUIDE) {
    const section = phase.sections.find((s) => s.key === sectionKey);
    if (section) return { phase, section };
  }
  return undefined;
}

import type { LocalizedText } from "./i18n.js";

/** The three phases of the conversation, in the order they are held. */
export const PHASE_KEYS = ["inleiding", "kern", "afronden"] as const;

/** One phase of the conversation: `inleiding`, `kern` or `afronden`. */
export type PhaseKey = (typeof PHASE_KEYS)[number];

/**
 * One section (row) of the school's guide: a topic the conversation covers.
 *
 * Dutch texts are verbatim from the guide, typos included; only line breaks, bullets and the
 * labels "Doel:" / "Tip:" are dropped. A title broken over several lines in the guide is joined
 * with a space, or without one after a "/" or "-" that ends a line ("Sociaal-/communicatieve").
 */
export interface GuideSection {
  /** Stable kebab-case id, unique across the guide; stored in records, so never rename one. */
  key: string;
  /** The section's heading. */
  title: LocalizedText;
  /**
   * What the section is for: its own "Doel:" when the guide gives one, else the goal of the part
   * of the phase it stands in.
   */
  goal: LocalizedText;
  /** The guide's tip for the supervisor, if any. */
  tip: LocalizedText | null;
  /**
   * How the guide labels the list below: "Voorbeeldvragen", "Voorbeeldvragen/-opmerkingen", or
   * null when the list has no label (Archivering's steps) or there is no list.
   */
  exampleQuestionsLabel: LocalizedText | null;
  /**
   * The guide's example questions (or remarks) in order. For Archivering these are its four
   * steps. Empty for Welkom (the guide has none) and for Conclusie, whose three options are not
   * questions but a choice: see `CONCLUSIONS` and `CONCLUSION_LABELS`.
   */
  exampleQuestions: readonly LocalizedText[];
}

/** One phase of the guide with its planned duration and sections in the guide's order. */
export interface GuidePhase {
  /** Stable id of the phase. */
  key: PhaseKey;
  /** The phase's heading ("Inleiding", "Kern gesprek", "Afronden"). */
  title: LocalizedText;
  /** Minutes the guide plans for this phase. */
  plannedMinutes: number;
  /**
   * The "Doel:" on the phase's heading. Kern has a second goal for its later sections; those
   * sections carry it as their `goal`.
   */
  goal: LocalizedText;
  /** The phase's sections, in the guide's order. */
  sections: readonly GuideSection[];
}

/** The guide's usual label above a section's list: "Voorbeeldvragen:" (colon dropped). */
export const EXAMPLE_QUESTIONS_LABEL: LocalizedText = {
  nl: "Voorbeeldvragen",
  en: "Example questions",
};

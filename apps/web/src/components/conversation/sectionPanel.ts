import {
  ARCHIVING_SECTION_KEY,
  NEW_AGREEMENTS_SECTION_KEY,
  PREVIOUS_AGREEMENTS_SECTION_KEY,
  SUMMARY_SECTION_KEY,
} from "@driehoek/domain";

/** The parts of the live page, in the order a phone shows them as tabs. */
export const WORKSPACE_PANELS = ["guide", "summary", "agreements", "review", "notes"] as const;

/** One part of the live page. */
export type WorkspacePanel = (typeof WORKSPACE_PANELS)[number];

/** The parts a phone shows behind its bottom navigation: at most four. */
export const PHONE_TABS = ["guide", "summary", "agreements", "notes"] as const;

/** One tab of a phone's bottom navigation. */
export type PhoneTab = (typeof PHONE_TABS)[number];

/**
 * The phone tab a part of the page lives in: last time's agreements (the review) sit with the
 * new ones under "Afspraken", the sign-off area with the guide.
 */
export function tabForTarget(target: SectionTarget): PhoneTab {
  if (target === "review") return "agreements";
  if (target === "signoff") return "guide";
  return target;
}

/** Where the page goes when the conversation reaches a section: a part, or the sign-off area. */
export type SectionTarget = WorkspacePanel | "signoff";

/** The id of the element around the sign-off area, which Archivering scrolls into view. */
export const SIGNOFF_AREA_ID = "signoff-area";

/** How long a person's own choice of tab wins over following the conversation. */
export const OWN_CHOICE_MS = 60_000;

const TARGETS: Readonly<Record<string, SectionTarget>> = {
  [PREVIOUS_AGREEMENTS_SECTION_KEY]: "review",
  [SUMMARY_SECTION_KEY]: "summary",
  [NEW_AGREEMENTS_SECTION_KEY]: "agreements",
  [ARCHIVING_SECTION_KEY]: "signoff",
};

/**
 * The part of the page that comes forward when the conversation enters `sectionKey`: the review
 * at "Afspraken vorige bijeenkomst", the summary at "Gesprek kort samenvatten", the agreements
 * at "Nieuwe afspraken maken", the sign-off area at Archivering, and the guide (with its notes)
 * at every other section.
 */
export function panelForSection(sectionKey: string): SectionTarget {
  return TARGETS[sectionKey] ?? "guide";
}

/**
 * Whether the page follows the conversation now: not while the person's own choice of a tab,
 * made at `choseAt` (ms), is less than a minute old.
 */
export function followsConversation(choseAt: number | null, now: number): boolean {
  return choseAt === null || now - choseAt >= OWN_CHOICE_MS;
}

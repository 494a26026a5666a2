import { GUIDE } from "./guide.js";
import type { GuidePhase, PhaseKey } from "./guide-types.js";
import type { Locale, LocalizedText } from "./i18n.js";

/**
 * Time as it was spent: the minutes the guide plans per phase and per section, the time a
 * conversation actually spent in each (from the periods the server records at every move), and
 * one way of saying it — "Kern 27 min (gepland 30)" — for the live screen, the record and the PDF.
 */

/** The phase's name as people say it while talking: "Kern", not "Kern gesprek". */
export const PHASE_NAMES: Record<PhaseKey, LocalizedText> = {
  inleiding: { nl: "Inleiding", en: "Introduction" },
  kern: { nl: "Kern", en: "Core" },
  afronden: { nl: "Afronden", en: "Closing" },
};

/**
 * The planned minutes of each section of `phase`. The guide plans whole phases only (Inleiding
 * 5, Kern 30, Afronden 5 minutes), so the rule is ours (decision 0009):
 *
 * - a phase's minutes are shared EVENLY over its sections, in whole minutes;
 * - the minutes left over go one each to the sections with the most example questions in the
 *   guide (its own measure of how much there is to talk about), the earlier section first when
 *   two have as many.
 *
 * The parts add up to the phase. Kern: 5 minutes for each of its six sections. Inleiding:
 * Gespreksdoel aanvullen 2, Procesafspraken 2, Welkom 1. Afronden: Nieuwe afspraken maken 2, the
 * other three 1 each.
 */
export function plannedSectionMinutes(phase: GuidePhase): Record<string, number> {
  const count = phase.sections.length;
  const base = Math.floor(phase.plannedMinutes / count);
  let left = phase.plannedMinutes - base * count;
  const byWeight = phase.sections
    .map((section, index) => ({ key: section.key, index, weight: section.exampleQuestions.length }))
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  const minutes: Record<string, number> = {};
  for (const section of phase.sections) minutes[section.key] = base;
  for (const { key } of byWeight) {
    if (left === 0) break;
    minutes[key] = (minutes[key] ?? 0) + 1;
    left -= 1;
  }
  return minutes;
}

/** Planned minutes per section key, for the whole guide. */
export const PLANNED_SECTION_MINUTES: Readonly<Record<string, number>> = Object.freeze(
  Object.assign({}, ...GUIDE.map(plannedSectionMinutes)),
);

/** A stretch of time in a phase or section: ISO text or Date; `endedAt` null while it runs. */
export interface TimePeriod {
  startedAt: string | Date;
  endedAt: string | Date | null;
}

/** A period of one phase, as the server records it (`Conversation.phasePeriods`). */
export interface PhaseTimePeriod extends TimePeriod {
  phase: string;
}

/** A period of one section, as the server records it (`Conversation.sectionPeriods`). */
export interface SectionTimePeriod extends TimePeriod {
  phase: string;
  section: string;
}

const toMs = (moment: string | Date) =>
  typeof moment === "string" ? Date.parse(moment) : moment.getTime();

/**
 * Milliseconds spent in `periods` together (a phase or section revisited has several). A period
 * still running counts up to `now`. Null when there is no period at all: never reached.
 */
export function spentMs(periods: readonly TimePeriod[], now: Date = new Date()): number | null {
  if (periods.length === 0) return null;
  let total = 0;
  for (const period of periods) {
    const end = period.endedAt === null ? now.getTime() : toMs(period.endedAt);
    const length = end - toMs(period.startedAt);
    if (Number.isFinite(length) && length > 0) total += length;
  }
  return total;
}

/** Planned and spent time of one part of the conversation. */
export interface SpentTime {
  /** Minutes the guide (or decision 0009, for a section) plans. */
  plannedMinutes: number;
  /** Milliseconds actually spent; null when the part was never reached. */
  actualMs: number | null;
}

/** One section's time within its phase. */
export interface SectionTime extends SpentTime {
  section: string;
}

/** One phase's time with its sections in the guide's order. */
export interface PhaseTime extends SpentTime {
  phase: PhaseKey;
  sections: SectionTime[];
}

/**
 * The conversation's time per phase and per section in the guide's order, from its recorded
 * periods. Running periods count up to `now` (the live screen passes its ticking clock).
 */
export function conversationTimes(
  periods: {
    phasePeriods: readonly PhaseTimePeriod[];
    sectionPeriods: readonly SectionTimePeriod[];
  },
  now: Date = new Date(),
): PhaseTime[] {
  return GUIDE.map((phase) => ({
    phase: phase.key,
    plannedMinutes: phase.plannedMinutes,
    actualMs: spentMs(
      periods.phasePeriods.filter((p) => p.phase === phase.key),
      now,
    ),
    sections: phase.sections.map((section) => ({
      section: section.key,
      plannedMinutes: PLANNED_SECTION_MINUTES[section.key] ?? 0,
      actualMs: spentMs(
        periods.sectionPeriods.filter((p) => p.section === section.key),
        now,
      ),
    })),
  }));
}

/** The whole conversation's planned and spent time (the sum of its phases). */
export function totalTime(phases: readonly PhaseTime[]): SpentTime {
  const reached = phases.filter((p) => p.actualMs !== null);
  return {
    plannedMinutes: phases.reduce((sum, p) => sum + p.plannedMinutes, 0),
    actualMs: reached.length ? reached.reduce((sum, p) => sum + (p.actualMs ?? 0), 0) : null,
  };
}

const WORDS: Record<Locale, { planned: string; lessThanMinute: string }> = {
  nl: { planned: "gepland", lessThanMinute: "< 1 min" },
  en: { planned: "planned", lessThanMinute: "< 1 min" },
};

/** A spent duration in whole minutes: "27 min", "< 1 min" under a minute, "—" when never reached. */
export function formatDuration(actualMs: number | null, locale: Locale): string {
  if (actualMs === null) return "—";
  if (actualMs < 60_000) return WORDS[locale].lessThanMinute;
  return `${Math.round(actualMs / 60_000)} min`;
}

/**
 * THE way time is said, on the screen, in the record and in the PDF:
 * "Kern 27 min (gepland 30)" with a label, "27 min (gepland 30)" without; English
 * "Kern 27 min (planned 30)". Under a minute "< 1 min"; never reached "—".
 */
export function formatSpentTime(time: SpentTime, locale: Locale, label?: string): string {
  const spent = `${formatDuration(time.actualMs, locale)} (${WORDS[locale].planned} ${time.plannedMinutes})`;
  return label ? `${label} ${spent}` : spent;
}

/** Whether more time was spent than planned (rounded as shown), e.g. to mark it on the screen. */
export function isOverPlanned(time: SpentTime): boolean {
  return time.actualMs !== null && Math.round(time.actualMs / 60_000) > time.plannedMinutes;
}

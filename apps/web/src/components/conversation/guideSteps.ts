import { type PhaseTime, PLANNED_SECTION_MINUTES, type SpentTime } from "@driehoek/domain";
import type { StepperItem } from "../ui/UiStepper.vue";

/** The parts of the guide these helpers need: phases in order, each with its sections. */
export interface StepPhase {
  key: string;
  title: string;
  plannedMinutes: number;
  sections: readonly { key: string; title: string }[];
}

/**
 * One move of the one who leads: to a section of the current phase, or a whole phase on (the
 * server then starts at its first section) or back.
 */
export type Step =
  | { kind: "section"; key: string; title: string }
  | { kind: "phase"; direction: "next" | "previous"; title: string };

function locate(phases: readonly StepPhase[], sectionKey: string | null) {
  const phaseIndex = phases.findIndex((p) => p.sections.some((s) => s.key === sectionKey));
  const phase = phases[phaseIndex];
  const sectionIndex = phase ? phase.sections.findIndex((s) => s.key === sectionKey) : -1;
  return { phaseIndex, phase, sectionIndex };
}

/**
 * Where "Volgende onderdeel" goes from `sectionKey`: the next section of the phase, or at its
 * last section the next phase; null at the very end (or when the section is unknown).
 */
export function nextStep(phases: readonly StepPhase[], sectionKey: string | null): Step | null {
  const { phaseIndex, phase, sectionIndex } = locate(phases, sectionKey);
  if (!phase) return null;
  const section = phase.sections[sectionIndex + 1];
  if (section) return { kind: "section", key: section.key, title: section.title };
  const following = phases[phaseIndex + 1];
  return following ? { kind: "phase", direction: "next", title: following.title } : null;
}

/**
 * Where "Vorig onderdeel" goes from `sectionKey`: the section before it in the phase, or at
 * its first section the phase before; null at the very start.
 */
export function previousStep(phases: readonly StepPhase[], sectionKey: string | null): Step | null {
  const { phaseIndex, phase, sectionIndex } = locate(phases, sectionKey);
  if (!phase) return null;
  const section = phase.sections[sectionIndex - 1];
  if (section) return { kind: "section", key: section.key, title: section.title };
  const before = phases[phaseIndex - 1];
  return before ? { kind: "phase", direction: "previous", title: before.title } : null;
}

/** Planned and spent time per phase or section key (from the server's periods, when known). */
export type StepTimes = Readonly<Record<string, SpentTime>>;

/** The domain's phase times keyed by phase and section, for the stepper. */
export function stepTimes(phases: readonly PhaseTime[]): StepTimes {
  const times: Record<string, SpentTime> = {};
  for (const phase of phases) {
    times[phase.phase] = phase;
    for (const section of phase.sections) times[section.section] = section;
  }
  return times;
}

/** How a step's time reads: "5 min" planned, or "8 min (gepland 5)" once it was reached. */
export interface TimeTexts {
  planned: (minutes: number) => string;
  spent: (time: SpentTime) => string;
}

function timeText(
  texts: TimeTexts,
  time: SpentTime | undefined,
  plannedMinutes: number | undefined,
): string | undefined {
  if (time && time.actualMs !== null) return texts.spent(time);
  const planned = time?.plannedMinutes ?? plannedMinutes;
  return planned ? texts.planned(planned) : undefined;
}

/**
 * The guide as a stepper: each phase with its sections, marked done, current or upcoming from
 * where the conversation is (`currentPhase`, `currentSection`; both null before the start).
 * After the end (`isOver`) every step is done. Each phase and section shows its planned minutes
 * (Kern's shared over its sections, decision 0009) and, once reached, the time really spent.
 */
export function guideStepperItems(
  phases: readonly StepPhase[],
  where: { currentPhase: string | null; currentSection: string | null; isOver: boolean },
  texts: TimeTexts,
  times: StepTimes = {},
): StepperItem[] {
  const current = phases.findIndex((p) => p.key === where.currentPhase);
  return phases.map((phase, index) => {
    const state: StepperItem["state"] =
      where.isOver || (current >= 0 && index < current)
        ? "done"
        : index === current
          ? "current"
          : "upcoming";
    const sectionIndex = phase.sections.findIndex((s) => s.key === where.currentSection);
    return {
      key: phase.key,
      label: phase.title,
      state,
      time: timeText(texts, times[phase.key], phase.plannedMinutes),
      attrs: { "data-phase": phase.key },
      children: phase.sections.map((section, i) => {
        return {
          key: section.key,
          label: section.title,
          state:
            state !== "current"
              ? state
              : i < sectionIndex
                ? "done"
                : i === sectionIndex
                  ? "current"
                  : "upcoming",
          time: timeText(texts, times[section.key], PLANNED_SECTION_MINUTES[section.key]),
          attrs: { "data-section": section.key },
          labelClass: "section-button",
        };
      }),
    };
  });
}

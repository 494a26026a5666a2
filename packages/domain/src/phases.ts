import { GUIDE, getPhase } from "./guide.js";
import type { GuidePhase, PhaseKey } from "./guide-types.js";

/**
 * Where a live conversation is: the phase and the section everyone is looking at. The supervisor
 * moves it; every participant sees the same position.
 *
 * All moves below return a new position, or null when the move is not allowed. A position whose
 * section does not belong to its phase is treated as invalid: section moves from it return null.
 */
export interface GuidePosition {
  /** The current phase. */
  phase: PhaseKey;
  /** Key of the current section; always a section of `phase`. */
  section: string;
}

/** Where every conversation starts: Inleiding, its first section (Welkom). */
export function startPosition(): GuidePosition {
  return firstSectionOf(GUIDE[0] as GuidePhase);
}

/** The first section of the next phase, or null from Afronden (phases run in order). */
export function nextPhasePosition(p: GuidePosition): GuidePosition | null {
  const index = phaseIndex(p.phase);
  const next = index >= 0 ? GUIDE[index + 1] : undefined;
  return next ? firstSectionOf(next) : null;
}

/** The first section of the previous phase, or null from Inleiding. */
export function previousPhasePosition(p: GuidePosition): GuidePosition | null {
  const index = phaseIndex(p.phase);
  const previous = index > 0 ? GUIDE[index - 1] : undefined;
  return previous ? firstSectionOf(previous) : null;
}

/**
 * Jump to `sectionKey` within the current phase. Sections of other phases are refused (null):
 * changing phase is a deliberate step of its own, so a click on a section cannot skip a phase.
 */
export function sectionPosition(p: GuidePosition, sectionKey: string): GuidePosition | null {
  if (phaseIndex(p.phase) < 0) return null;
  const phase = getPhase(p.phase);
  return phase.sections.some((s) => s.key === sectionKey)
    ? { phase: phase.key, section: sectionKey }
    : null;
}

/**
 * The next section in guide order, crossing into the next phase after a phase's last section;
 * null after Archivering (the very end) or from an invalid position.
 */
export function nextSectionPosition(p: GuidePosition): GuidePosition | null {
  const index = sectionIndex(p);
  if (index < 0) return null;
  const next = getPhase(p.phase).sections[index + 1];
  return next ? { phase: p.phase, section: next.key } : nextPhasePosition(p);
}

function phaseIndex(phase: PhaseKey): number {
  return GUIDE.findIndex((p) => p.key === phase);
}

function sectionIndex(p: GuidePosition): number {
  if (phaseIndex(p.phase) < 0) return -1;
  return getPhase(p.phase).sections.findIndex((s) => s.key === p.section);
}

function firstSectionOf(phase: GuidePhase): GuidePosition {
  const first = phase.sections[0];
  // Unreachable: every phase of the guide has sections; the guide test guards that.
  if (!first) throw new Error(`Phase ${phase.key} has no sections`);
  return { phase: phase.key, section: first.key };
}

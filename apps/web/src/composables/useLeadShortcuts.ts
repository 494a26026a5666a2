import { type MaybeRefOrGetter, onScopeDispose, toValue } from "vue";

/** The moves the keyboard shortcuts make. */
export interface LeadMoves {
  nextSection: () => void;
  previousSection: () => void;
  nextPhase: () => void;
  previousPhase: () => void;
}

/** The shortcuts as `aria-keyshortcuts` writes them. */
export const LEAD_SHORTCUTS = {
  nextSection: "Alt+ArrowRight",
  previousSection: "Alt+ArrowLeft",
  nextPhase: "Alt+Shift+ArrowRight",
  previousPhase: "Alt+Shift+ArrowLeft",
} as const satisfies Record<keyof LeadMoves, string>;

/** The shortcuts as a person reads them in a tooltip. */
export const LEAD_SHORTCUT_TEXT = {
  nextSection: "Alt+→",
  previousSection: "Alt+←",
  nextPhase: "Alt+Shift+→",
  previousPhase: "Alt+Shift+←",
} as const satisfies Record<keyof LeadMoves, string>;

/** Whether the key goes to something the person is typing in (a field, an editor, a select). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']"))
    return true;
  return target instanceof HTMLElement && target.isContentEditable;
}

/** Which move a key press asks for, or null. */
export function moveForKey(event: KeyboardEvent): keyof LeadMoves | null {
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  if (event.key === "ArrowRight") return event.shiftKey ? "nextPhase" : "nextSection";
  if (event.key === "ArrowLeft") return event.shiftKey ? "previousPhase" : "previousSection";
  return null;
}

/**
 * Alt+→ / Alt+← move the conversation a section on or back, with Shift a whole phase, while
 * `enabled` (the one who leads, live). Never while typing in a field: there the keys are the
 * field's own.
 */
export function useLeadShortcuts(moves: LeadMoves, enabled: MaybeRefOrGetter<boolean>): void {
  function onKeydown(event: KeyboardEvent): void {
    if (!toValue(enabled) || event.defaultPrevented || event.repeat) return;
    const move = moveForKey(event);
    if (!move || isTyping(event.target)) return;
    // Alt+← is also the browser's "back": the conversation must not be left by accident.
    event.preventDefault();
    moves[move]();
  }
  globalThis.addEventListener?.("keydown", onKeydown);
  onScopeDispose(() => globalThis.removeEventListener?.("keydown", onKeydown));
}

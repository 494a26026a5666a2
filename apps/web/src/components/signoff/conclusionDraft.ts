import type { Conclusion } from "@driehoek/domain";

/** A conclusion as typed, before the server stored it. */
export interface ConclusionDraft {
  conclusion: Conclusion;
  motivation: string | null;
}

const PREFIX = "driehoek.conclusion.";

/** The key under which one person's conclusion of one conversation waits on this device. */
export function conclusionDraftKey(conversationId: string, who: string): string {
  return `${PREFIX}${conversationId}.${who}`;
}

/** Keeps an unsaved conclusion on this device (a reload or a lost connection keeps it). */
export function writeDraft(key: string, draft: ConclusionDraft): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the draft stays in memory and is retried from there.
  }
}

/** The unsaved conclusion kept on this device, if any. */
export function readDraft(key: string): ConclusionDraft | null {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    if (!raw) return null;
    const draft = JSON.parse(raw) as Partial<ConclusionDraft>;
    return typeof draft.conclusion === "string"
      ? { conclusion: draft.conclusion, motivation: draft.motivation ?? null }
      : null;
  } catch {
    return null;
  }
}

/** Forgets the kept conclusion once the server stored it. */
export function clearDraft(key: string): void {
  try {
    globalThis.localStorage?.removeItem(key);
  } catch {
    // Nothing to forget.
  }
}

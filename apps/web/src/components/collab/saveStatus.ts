import { type InjectionKey, inject, provide } from "vue";
import type { CollabStatus } from "../../composables/useCollabDoc";

/** What a SaveStatus shows: the collaboration states, and those of a field that saves alone. */
export type SaveState =
  | "connecting"
  | "saved"
  | "saving"
  | "offline"
  | "failed"
  | "closed"
  | "readOnly"
  | "idle";

/** The live document's save state, as the page knows it. */
export interface CollabSaveSource {
  status: CollabStatus;
  isSaved: boolean;
  isReadOnly?: boolean;
  isClosed?: boolean;
}

const SAVE_SOURCE: InjectionKey<() => CollabSaveSource> = Symbol("collab-save-source");

/**
 * The page that opens the live document offers its save state to every editor below it, so an
 * editor places `<SaveStatus compact />` next to its field without passing the state along.
 * Call once in the page: `provideSaveSource(() => ({ status, isSaved, isReadOnly, isClosed }))`.
 */
export function provideSaveSource(source: () => CollabSaveSource): void {
  provide(SAVE_SOURCE, source);
}

/** The save state offered by the page, if any. */
export function injectSaveSource(): (() => CollabSaveSource) | null {
  return inject(SAVE_SOURCE, null);
}

/** The one state to show for the live document. "Opgeslagen" only once the server stored it. */
export function collabSaveState(source: CollabSaveSource): SaveState {
  if (source.isClosed) return "closed";
  if (source.status === "offline") return "offline";
  if (source.status === "connecting") return "connecting";
  if (source.isReadOnly) return "readOnly";
  return source.isSaved ? "saved" : "saving";
}

import type * as Y from "yjs";

/** One step of a Y.Text change, as `YTextEvent.delta` lists them. */
export type TextDelta = readonly { insert?: unknown; delete?: number; retain?: number }[];

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The smallest single replacement that turns `previous` into `next`: keep the common start and
 * end, replace what lies between. Never splits a surrogate pair, so an emoji stays one character
 * in the shared text.
 */
export function diffStrings(
  previous: string,
  next: string,
): { index: number; remove: number; insert: string } {
  const shortest = Math.min(previous.length, next.length);
  let start = 0;
  while (start < shortest && previous.charCodeAt(start) === next.charCodeAt(start)) start++;
  if (start > 0 && isHighSurrogate(previous.charCodeAt(start - 1))) start--;

  let end = 0;
  const maxEnd = shortest - start;
  while (
    end < maxEnd &&
    previous.charCodeAt(previous.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
  ) {
    end++;
  }
  if (end > 0 && isLowSurrogate(previous.charCodeAt(previous.length - end))) end--;

  return {
    index: start,
    remove: previous.length - start - end,
    insert: next.slice(start, next.length - end),
  };
}

/**
 * Brings `text` to `next` with the smallest edit, so that what others type elsewhere in the same
 * text at the same time survives. `origin` marks the transaction as this field's own.
 */
export function applyTextDiff(text: Y.Text, next: string, origin?: unknown): void {
  const previous = text.toString();
  if (previous === next) return;
  const { index, remove, insert } = diffStrings(previous, next);
  const apply = () => {
    if (remove > 0) text.delete(index, remove);
    if (insert !== "") text.insert(index, insert);
  };
  if (text.doc) text.doc.transact(apply, origin);
  else apply();
}

/**
 * Where a position in the text ends up after a change: moved on by text inserted before it, back
 * by text deleted before it. Text inserted exactly at the position goes after it, so a remote
 * insertion at the cursor does not drag the cursor along.
 */
export function mapIndexThroughDelta(delta: TextDelta, index: number): number {
  let cursor = 0; // position in the old text
  let shift = 0;
  for (const op of delta) {
    if (cursor > index) break;
    if (op.retain !== undefined) {
      cursor += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === "string" ? op.insert.length : 1;
      if (cursor < index) shift += length;
    } else if (op.delete !== undefined) {
      const end = cursor + op.delete;
      if (end <= index) shift -= op.delete;
      else if (cursor < index) shift -= index - cursor;
      cursor = end;
    }
  }
  return Math.max(0, index + shift);
}

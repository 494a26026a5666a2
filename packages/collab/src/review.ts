import type { AgreementStatus } from "@driehoek/domain";
import * as Y from "yjs";
import { reviewOf } from "./document.js";

/** One previous agreement under review: its status and, if not done, what is needed. */
export interface ReviewItem {
  agreementId: string;
  /** The agreement's text as it was agreed (read-only copy for display). */
  text: string;
  status: AgreementStatus;
  needed: string;
}

/**
 * Reads the review as plain data, in the order the agreements were seeded. An entry that is not
 * a map (old data written before the server checked updates) is skipped and handed to
 * `onUnreadable`, so one bad entry never hides the others.
 */
export function readReview(
  doc: Y.Doc,
  onUnreadable: (agreementId: string) => void = () => {},
): ReviewItem[] {
  const items: (ReviewItem & { position: number })[] = [];
  reviewOf(doc).forEach((entry: unknown, agreementId) => {
    if (!(entry instanceof Y.Map)) {
      onUnreadable(agreementId);
      return;
    }
    const needed = entry.get("needed");
    items.push({
      agreementId,
      text: String(entry.get("text") ?? ""),
      status: (entry.get("status") ?? "open") as AgreementStatus,
      needed: needed instanceof Y.Text ? needed.toString() : "",
      position: Number(entry.get("position") ?? 0),
    });
  });
  return items.sort((a, b) => a.position - b.position).map(({ position: _, ...item }) => item);
}

/** Sets the review status of one previous agreement. */
export function setReviewStatus(doc: Y.Doc, agreementId: string, status: AgreementStatus): void {
  const entry: unknown = reviewOf(doc).get(agreementId);
  if (entry instanceof Y.Map) entry.set("status", status);
}

/** The "what is needed" text of one reviewed agreement. */
export function reviewNeededText(doc: Y.Doc, agreementId: string): Y.Text | undefined {
  const entry: unknown = reviewOf(doc).get(agreementId);
  const value = entry instanceof Y.Map ? entry.get("needed") : undefined;
  return value instanceof Y.Text ? value : undefined;
}

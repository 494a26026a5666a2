import { describe, expect, it } from "vitest";
import {
  CONVERSATION_STATUS_LABELS,
  CONVERSATION_STATUSES,
  canTransition,
  HELD_STATUSES,
  isAwaitingSignatures,
  isHeld,
  isLive,
  isLocked,
  isPlanned,
  isRecordOpen,
} from "./conversation-status.js";

describe("conversation status", () => {
  it("runs planned → live → ended → signed", () => {
    expect(CONVERSATION_STATUSES).toEqual(["planned", "live", "ended", "signed"]);
    expect(canTransition("planned", "live")).toBe(true);
    expect(canTransition("live", "ended")).toBe(true);
    expect(canTransition("ended", "signed")).toBe(true);
  });

  it("allows no other move: no skipping, no going back, no standing still", () => {
    const allowed = new Set(["planned>live", "live>ended", "ended>signed"]);
    for (const from of CONVERSATION_STATUSES) {
      for (const to of CONVERSATION_STATUSES) {
        expect(canTransition(from, to), `${from} → ${to}`).toBe(allowed.has(`${from}>${to}`));
      }
    }
    expect(canTransition("ended", "live")).toBe(false);
    expect(canTransition("signed", "ended")).toBe(false);
    expect(canTransition("planned", "ended")).toBe(false);
  });

  it("locks the record only once signed", () => {
    expect(CONVERSATION_STATUSES.filter(isLocked)).toEqual(["signed"]);
  });

  it("counts ended and signed conversations as held", () => {
    expect(CONVERSATION_STATUSES.filter(isHeld)).toEqual(["ended", "signed"]);
    expect(HELD_STATUSES).toEqual(["ended", "signed"]);
  });

  it("answers each question about a status for exactly the statuses it names", () => {
    expect(CONVERSATION_STATUSES.filter(isPlanned)).toEqual(["planned"]);
    expect(CONVERSATION_STATUSES.filter(isLive)).toEqual(["live"]);
    expect(CONVERSATION_STATUSES.filter(isAwaitingSignatures)).toEqual(["ended"]);
    expect(CONVERSATION_STATUSES.filter(isRecordOpen)).toEqual(["live", "ended"]);
  });

  it("labels each status in Dutch and English", () => {
    expect(CONVERSATION_STATUS_LABELS.signed).toEqual({ nl: "Ondertekend", en: "Signed" });
    expect(Object.keys(CONVERSATION_STATUS_LABELS).sort()).toEqual(
      [...CONVERSATION_STATUSES].sort(),
    );
  });
});

import { describe, expect, it } from "vitest";
import { frequencyState, inviteState, windowMonths } from "./placementStatus";
import { invite, placement, planned } from "./planningFixtures";

describe("frequencyState", () => {
  it("says planned when a conversation is planned, even when the placement is overdue", () => {
    const p = placement({
      isOverdue: true,
      conversations: [planned("c1", "2026-03-30T10:00:00Z")],
    });
    expect(frequencyState(p)).toEqual({ kind: "planned", at: "2026-03-30T10:00:00Z" });
  });

  it("says overdue, due or done from the frequency fields", () => {
    expect(frequencyState(placement({ isOverdue: true, missed: 1 })).kind).toBe("overdue");
    expect(frequencyState(placement({ nextDueDate: "2026-04-01" }))).toEqual({
      kind: "due",
      dueDate: "2026-04-01",
      window: { start: "2025-08-01", end: "2026-07-31" },
    });
    // The missed windows have ended: the next due date is another window's, so not shown.
    expect(
      frequencyState(placement({ isOverdue: true, missed: 2, nextDueDate: "2026-07-31" })),
    ).toEqual({ kind: "overdue", missed: 2, dueDate: null });
    expect(frequencyState(placement({ nextDueDate: null, held: 2 }))).toEqual({
      kind: "done",
      held: 2,
      required: 2,
    });
  });
});

describe("windowMonths", () => {
  it("names a window by its months, with the year once or on both sides of a new year", () => {
    expect(windowMonths({ start: "2027-02-01", end: "2027-07-31" }, "nl")).toBe("feb–jul 2027");
    expect(windowMonths({ start: "2026-08-01", end: "2027-01-31" }, "nl")).toBe(
      "aug 2026–jan 2027",
    );
    expect(windowMonths({ start: "2027-02-01", end: "2027-07-31" }, "en")).toBe("Feb–Jul 2027");
  });
});

describe("inviteState", () => {
  it("ranks revoked over opened over the mail's status", () => {
    expect(inviteState(invite("i1", { revokedAt: "2026-03-01T00:00:00Z", lastUsedAt: "x" }))).toBe(
      "revoked",
    );
    expect(inviteState(invite("i1", { lastUsedAt: "2026-03-01T00:00:00Z" }))).toBe("opened");
    expect(inviteState(invite("i1", { mail: "sent" }))).toBe("sent");
    expect(inviteState(invite("i1", { mail: "failed" }))).toBe("failed");
    expect(inviteState(invite("i1", { mail: null }))).toBe("notSent");
  });
});

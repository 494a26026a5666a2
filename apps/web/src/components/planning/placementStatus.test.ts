import { describe, expect, it } from "vitest";
import { frequencyState, inviteState, windowMonths } from "./placementStatus";
import { invite, placement, planned } from "./planningFixtures";

/** The tests' today: early March 2026, while the fixture's placement runs. */
const TODAY = "2026-03-02";

describe("frequencyState", () => {
  it("says planned when a conversation is planned, even when the placement is overdue", () => {
    const p = placement({
      isOverdue: true,
      conversations: [planned("c1", "2026-03-30T10:00:00Z")],
    });
    expect(frequencyState(p, TODAY)).toEqual({ kind: "planned", at: "2026-03-30T10:00:00Z" });
  });

  it("says overdue, due or done from the frequency fields", () => {
    expect(frequencyState(placement({ isOverdue: true, missed: 1 }), TODAY).kind).toBe("overdue");
    expect(frequencyState(placement({ nextDueDate: "2026-04-01" }), TODAY)).toEqual({
      kind: "due",
      dueDate: "2026-04-01",
      window: { start: "2025-08-01", end: "2026-07-31" },
    });
    // The missed windows have ended: the next due date is another window's, so not shown.
    expect(
      frequencyState(placement({ isOverdue: true, missed: 2, nextDueDate: "2026-07-31" }), TODAY),
    ).toEqual({ kind: "overdue", missed: 2, dueDate: null });
    expect(frequencyState(placement({ nextDueDate: null, held: 2 }), TODAY)).toEqual({
      kind: "done",
      held: 2,
      required: 2,
    });
  });
});

describe("frequencyState of a placement that has ended", () => {
  it("says it ended, with the conversations held of those the rule asked, whatever is planned", () => {
    const ended = placement({
      endDate: "2025-07-24",
      required: 3,
      held: 0,
      missed: 3,
      nextDueDate: null,
      conversations: [planned("c1", "2025-06-30T10:00:00Z")],
    });
    expect(frequencyState(ended, TODAY)).toEqual({
      kind: "ended",
      endDate: "2025-07-24",
      held: 0,
      required: 3,
      tone: "short",
    });
    // Still overdue within a year of its end; every window covered is done.
    expect(
      frequencyState(placement({ endDate: "2026-02-27", isOverdue: true }), TODAY),
    ).toMatchObject({ kind: "ended", tone: "overdue" });
    expect(frequencyState(placement({ endDate: "2026-02-27", held: 2 }), TODAY)).toMatchObject({
      kind: "ended",
      tone: "done",
    });
    // Its last day itself is not after it.
    expect(frequencyState(placement({ endDate: TODAY }), TODAY).kind).toBe("due");
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
    // Without an address it cannot be mailed at all, whatever was sent before.
    expect(inviteState(invite("i1", { mail: null, hasEmail: false }))).toBe("noEmail");
    expect(inviteState(invite("i1", { hasEmail: false, lastUsedAt: "x" }))).toBe("opened");
  });
});

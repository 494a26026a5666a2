import { describe, expect, it } from "vitest";
import { frequencyState, inviteState } from "./placementStatus";
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
    });
    expect(frequencyState(placement({ nextDueDate: null, held: 2 }))).toEqual({
      kind: "done",
      held: 2,
      required: 2,
    });
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

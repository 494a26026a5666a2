import { describe, expect, it } from "vitest";
import { groupConversations } from "./groupConversations";

/** A conversation at a moment given in UTC. */
const at = (iso: string) => ({ id: iso, scheduledAt: new Date(iso).toISOString() }) as const;

describe("groupConversations", () => {
  const now = new Date("2026-03-10T11:00:00Z"); // 10 March 2026, noon in the Netherlands

  it("puts today first, then upcoming soonest first, then past most recent first", () => {
    const list = [
      at("2026-03-01T09:00:00Z"),
      at("2026-03-20T09:00:00Z"),
      at("2026-03-10T14:00:00Z"),
      at("2026-03-09T09:00:00Z"),
      at("2026-03-12T09:00:00Z"),
      at("2026-03-10T07:00:00Z"),
    ];
    const groups = groupConversations(list, now);
    expect(groups.today.map((c) => c.id)).toEqual(["2026-03-10T07:00:00Z", "2026-03-10T14:00:00Z"]);
    expect(groups.upcoming.map((c) => c.id)).toEqual([
      "2026-03-12T09:00:00Z",
      "2026-03-20T09:00:00Z",
    ]);
    expect(groups.past.map((c) => c.id)).toEqual(["2026-03-09T09:00:00Z", "2026-03-01T09:00:00Z"]);
  });

  it("goes by the school's day: 00:30 Dutch time is today, 23:30 Dutch time yesterday is past", () => {
    // 23:30 UTC on 9 March is 00:30 on 10 March in the Netherlands (UTC+1 in winter).
    const groups = groupConversations(
      [at("2026-03-09T23:30:00Z"), at("2026-03-09T22:30:00Z")],
      new Date("2026-03-09T23:45:00Z"),
    );
    expect(groups.today.map((c) => c.id)).toEqual(["2026-03-09T23:30:00Z"]);
    expect(groups.past.map((c) => c.id)).toEqual(["2026-03-09T22:30:00Z"]);
  });
});

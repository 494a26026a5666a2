import { describe, expect, it } from "vitest";
import { groupConversations } from "./groupConversations";

const at = (y: number, m: number, d: number, h = 10) =>
  ({ id: `${y}-${m}-${d}-${h}`, scheduledAt: new Date(y, m - 1, d, h).toISOString() }) as const;

describe("groupConversations", () => {
  const now = new Date(2026, 2, 10, 12); // 10 March 2026, noon local time

  it("puts today first, then upcoming soonest first, then past most recent first", () => {
    const list = [
      at(2026, 3, 1),
      at(2026, 3, 20),
      at(2026, 3, 10, 15),
      at(2026, 3, 9),
      at(2026, 3, 12),
      at(2026, 3, 10, 8),
    ];
    const groups = groupConversations(list, now);
    expect(groups.today.map((c) => c.id)).toEqual(["2026-3-10-8", "2026-3-10-15"]);
    expect(groups.upcoming.map((c) => c.id)).toEqual(["2026-3-12-10", "2026-3-20-10"]);
    expect(groups.past.map((c) => c.id)).toEqual(["2026-3-9-10", "2026-3-1-10"]);
  });

  it("counts a conversation earlier today as today, not past", () => {
    expect(groupConversations([at(2026, 3, 10, 0)], now).today).toHaveLength(1);
  });
});

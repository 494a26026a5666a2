import { describe, expect, it } from "vitest";
import { plannedAfter, schoolMomentOf, schoolTimeOf } from "./nextConversation";

describe("planning the next conversation", () => {
  const conversations = [
    { id: "held", status: "signed" as const, scheduledAt: "2026-03-03T09:00:00.000Z" },
    { id: "later", status: "planned" as const, scheduledAt: "2026-09-20T09:00:00.000Z" },
    { id: "sooner", status: "planned" as const, scheduledAt: "2026-06-10T09:00:00.000Z" },
    { id: "earlier", status: "planned" as const, scheduledAt: "2026-01-10T09:00:00.000Z" },
  ];

  it("finds the soonest conversation planned after this one, not one before it", () => {
    expect(plannedAfter(conversations, "2026-03-03T09:00:00.000Z")?.id).toBe("sooner");
    expect(plannedAfter(conversations, "2026-10-01T09:00:00.000Z")).toBeUndefined();
  });

  it("turns the date and time the begeleider picked into that moment on the school's clock", () => {
    // 14:30 in Amsterdam in summer is 12:30 UTC, whatever the device's own time zone.
    expect(schoolMomentOf("2026-06-10", "14:30")).toBe("2026-06-10T12:30:00.000Z");
    expect(schoolTimeOf("2026-06-10T12:30:00.000Z")).toBe("14:30");
    expect(schoolTimeOf("2026-03-03T09:00:00.000Z")).toBe("10:00");
    expect(schoolMomentOf("10-06-2026", "14:30")).toBeNull();
    expect(schoolMomentOf("2026-06-10", "")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { clipToLimit, LIMITS } from "./limits.js";

describe("LIMITS", () => {
  it("gives every field a positive whole number of characters", () => {
    for (const [field, max] of Object.entries(LIMITS)) {
      expect(Number.isInteger(max) && max > 0, field).toBe(true);
    }
  });

  it("keeps a value of exactly the limit and cuts one longer to the limit", () => {
    const max = LIMITS.agreementMeasure;
    expect(clipToLimit("agreementMeasure", "m".repeat(max))).toHaveLength(max);
    expect(clipToLimit("agreementMeasure", "m".repeat(max + 1))).toBe("m".repeat(max));
    expect(clipToLimit("reviewNeeded", "")).toBe("");
  });
});

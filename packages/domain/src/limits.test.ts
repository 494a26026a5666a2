import { describe, expect, it } from "vitest";
import { isWithinLimit, LIMITS } from "./limits.js";

describe("LIMITS", () => {
  it("has the agreed limits", () => {
    expect(LIMITS).toEqual({
      name: 200,
      email: 254,
      password: 200,
      shortText: 500,
      agreementText: 2000,
      note: 20000,
      summary: 100000,
      token: 512,
      id: 64,
    });
  });

  it("accepts a value of exactly the limit and refuses one longer", () => {
    expect(isWithinLimit("name", "a".repeat(200))).toBe(true);
    expect(isWithinLimit("name", "a".repeat(201))).toBe(false);
    expect(isWithinLimit("id", "")).toBe(true);
  });
});

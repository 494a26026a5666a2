import { CombinedGraphQLErrors } from "@apollo/client";
import { describe, expect, it } from "vitest";
import { conflictReason, FRESH_CHANGE_MS, mustReadAgain } from "./signing";

describe("mustReadAgain", () => {
  const now = 1_000_000;

  it("lets an akkoord through for the record on screen, read for a while", () => {
    expect(mustReadAgain("h1", "h1", null, now)).toBe(false);
    expect(mustReadAgain("h1", "h1", now - FRESH_CHANGE_MS, now)).toBe(false);
  });

  it("stops it when the server's record is another one", () => {
    expect(mustReadAgain("h1", "h2", null, now)).toBe(true);
    expect(mustReadAgain("h1", undefined, null, now)).toBe(true);
  });

  it("stops it when the record on screen changed a moment ago", () => {
    expect(mustReadAgain("h1", "h1", now - 500, now)).toBe(true);
  });
});

describe("conflictReason", () => {
  it("reads the reason of a refused request", () => {
    const error = new CombinedGraphQLErrors({
      errors: [{ message: "changed", extensions: { code: "CONFLICT", reason: "content_changed" } }],
    });
    expect(conflictReason(error)).toBe("content_changed");
    expect(conflictReason(new TypeError("offline"))).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { hasSigned, isPending, isVoided, SIGNATURE_STATES } from "./signature-state.js";

describe("signature state", () => {
  it("names each of the three states by exactly one question", () => {
    expect(SIGNATURE_STATES.filter(hasSigned)).toEqual(["signed"]);
    expect(SIGNATURE_STATES.filter(isVoided)).toEqual(["voided"]);
    expect(SIGNATURE_STATES.filter(isPending)).toEqual(["pending"]);
  });
});

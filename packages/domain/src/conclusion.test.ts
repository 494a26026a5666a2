import { describe, expect, it } from "vitest";
import { CONCLUSION_LABELS, CONCLUSIONS, conclusionScore, isConclusion } from "./conclusion.js";

describe("conclusions", () => {
  it("has the guide's three options, worded exactly as the guide", () => {
    expect(CONCLUSIONS).toEqual(["voor", "op_schema", "achter"]);
    expect(CONCLUSION_LABELS.voor.title.nl).toBe("Ik loop voor");
    expect(CONCLUSION_LABELS.voor.detail.nl).toBe("(boven de nominale lijn)");
    expect(CONCLUSION_LABELS.op_schema.title.nl).toBe("Ik loop op schema");
    expect(CONCLUSION_LABELS.op_schema.detail.nl).toBe("(op de nominale lijn)");
    expect(CONCLUSION_LABELS.achter.title.nl).toBe("Ik loop achter");
    expect(CONCLUSION_LABELS.achter.detail.nl).toBe("(onder de nominale lijn)");
    expect(CONCLUSION_LABELS.achter.title.en).toBe("I am behind");
  });

  it("scores ahead above, on schedule on and behind below the nominal line", () => {
    expect(CONCLUSIONS.map(conclusionScore)).toEqual([1, 0, -1]);
  });

  it("recognises conclusion keys", () => {
    expect(isConclusion("op_schema")).toBe(true);
    expect(isConclusion("op schema")).toBe(false);
  });
});

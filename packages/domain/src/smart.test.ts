import { describe, expect, it } from "vitest";
import { type AgreementDraft, checkSmart, SMART_LABELS, SMART_LETTERS } from "./smart.js";

const TODAY = "2026-10-01";

/** A complete SMART agreement. */
const complete = (overrides: Partial<AgreementDraft> = {}): AgreementDraft => ({
  text: "Zelfstandig een klantgesprek voeren over de offerte",
  owner: "student",
  dueDate: "2026-12-01",
  measure: "De praktijkopleider heeft twee gesprekken bijgewoond en is tevreden",
  firstStep: "Met de praktijkopleider een gesprek voorbereiden",
  werkproces: "B1-K1-W2",
  ...overrides,
});

describe("checkSmart", () => {
  it("accepts an agreement that meets all five criteria", () => {
    expect(checkSmart(complete(), TODAY)).toEqual({ isComplete: true, missing: [], hints: [] });
  });

  it("does not require a linked werkproces", () => {
    expect(checkSmart(complete({ werkproces: null }), TODAY).isComplete).toBe(true);
  });

  it("reports every letter for an empty draft, in S-M-A-R-T order", () => {
    const empty: AgreementDraft = {
      text: "",
      owner: null,
      dueDate: null,
      measure: "",
      firstStep: "",
      werkproces: null,
    };
    const check = checkSmart(empty, TODAY);
    expect(check.isComplete).toBe(false);
    expect(check.missing).toEqual(["S", "M", "A", "R", "T"]);
    expect(check.hints.map((h) => h.letter)).toEqual(check.missing);
    for (const hint of check.hints) {
      expect(hint.message.nl.length).toBeGreaterThan(0);
      expect(hint.message.en.length).toBeGreaterThan(0);
    }
  });

  it("S: needs at least four words", () => {
    expect(checkSmart(complete({ text: "Beter communiceren" }), TODAY).missing).toEqual(["S"]);
    expect(checkSmart(complete({ text: "  Beter   met   klanten  " }), TODAY).missing).toEqual([
      "S",
    ]);
    expect(checkSmart(complete({ text: "Beter communiceren met klanten" }), TODAY).missing).toEqual(
      [],
    );
  });

  it("M: needs how we will know it succeeded", () => {
    expect(checkSmart(complete({ measure: "   " }), TODAY).missing).toEqual(["M"]);
  });

  it("A: needs someone who does it", () => {
    expect(checkSmart(complete({ owner: null }), TODAY).missing).toEqual(["A"]);
    expect(checkSmart(complete({ owner: "praktijkopleider" }), TODAY).missing).toEqual([]);
  });

  it("R: needs a first step", () => {
    const check = checkSmart(complete({ firstStep: "" }), TODAY);
    expect(check.missing).toEqual(["R"]);
    expect(check.hints[0]?.message.nl).toBe("Vul de eerste stap in.");
  });

  it("R: refuses a due date more than twelve months ahead", () => {
    expect(checkSmart(complete({ dueDate: "2027-10-01" }), TODAY).missing).toEqual([]);
    const tooFar = checkSmart(complete({ dueDate: "2027-10-02" }), TODAY);
    expect(tooFar.missing).toEqual(["R"]);
    expect(tooFar.hints[0]?.message.en).toMatch(/twelve months/);
  });

  it("T: needs a due date", () => {
    const check = checkSmart(complete({ dueDate: null }), TODAY);
    expect(check.missing).toEqual(["T"]);
  });

  it("T: needs the due date to be after today", () => {
    expect(checkSmart(complete({ dueDate: TODAY }), TODAY).missing).toEqual(["T"]);
    expect(checkSmart(complete({ dueDate: "2026-09-30" }), TODAY).missing).toEqual(["T"]);
    expect(checkSmart(complete({ dueDate: "2026-10-02" }), TODAY).missing).toEqual([]);
  });

  it("T: treats an invalid date as no date", () => {
    expect(checkSmart(complete({ dueDate: "2026-11-31" }), TODAY).missing).toEqual(["T"]);
    expect(checkSmart(complete({ dueDate: "1-12-2026" }), TODAY).missing).toEqual(["T"]);
  });

  it("refuses an invalid today", () => {
    expect(() => checkSmart(complete(), "2026-02-30")).toThrow(RangeError);
  });
});

describe("SMART_LABELS", () => {
  it("names the five criteria in Dutch and English", () => {
    expect(SMART_LETTERS.map((l) => SMART_LABELS[l].nl)).toEqual([
      "Specifiek",
      "Meetbaar",
      "Acceptabel",
      "Realistisch",
      "Tijdgebonden",
    ]);
    expect(SMART_LETTERS.map((l) => SMART_LABELS[l].en)).toEqual([
      "Specific",
      "Measurable",
      "Acceptable",
      "Realistic",
      "Time-bound",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import {
  checkPok,
  POK_PROBLEM_LABELS,
  POK_PROBLEMS,
  type PokFacts,
  pokExpiresWithin,
  requiresParentSignature,
} from "./pok.js";

/** A valid, fully signed POK for an adult student, 1 Sep 2026 – 30 Jun 2027. */
const validPok = (overrides: Partial<PokFacts> = {}): PokFacts => ({
  status: "active",
  startDate: "2026-09-01",
  endDate: "2027-06-30",
  studentSignedAt: "2026-08-20T10:00:00Z",
  schoolSignedAt: "2026-08-21T10:00:00Z",
  companySignedAt: "2026-08-22T10:00:00Z",
  parentSignedAt: null,
  studentBirthDate: "2006-05-12",
  companyRecognised: true,
  ...overrides,
});

describe("checkPok", () => {
  it("accepts a signed, current POK with a recognised company", () => {
    expect(checkPok(validPok(), "2026-10-01")).toEqual({ isValid: true, problems: [] });
    expect(checkPok(validPok(), "2026-10-01").isValid).toBe(true);
  });

  it("is valid on its first and last day", () => {
    expect(checkPok(validPok(), "2026-09-01").isValid).toBe(true);
    expect(checkPok(validPok(), "2027-06-30").isValid).toBe(true);
  });

  it("is not valid before it starts or after it ends", () => {
    expect(checkPok(validPok(), "2026-08-31").problems).toEqual(["not_started"]);
    expect(checkPok(validPok(), "2027-07-01").problems).toEqual(["expired"]);
  });

  it("reports each missing signature", () => {
    expect(checkPok(validPok({ studentSignedAt: null }), "2026-10-01").problems).toEqual([
      "missing_student_signature",
    ]);
    expect(checkPok(validPok({ schoolSignedAt: null }), "2026-10-01").problems).toEqual([
      "missing_school_signature",
    ]);
    expect(checkPok(validPok({ companySignedAt: null }), "2026-10-01").problems).toEqual([
      "missing_company_signature",
    ]);
  });

  it("reports a terminated POK even when everything else is in order", () => {
    const check = checkPok(validPok({ status: "terminated" }), "2026-10-01");
    expect(check).toEqual({ isValid: false, problems: ["terminated"] });
  });

  it("reports a company SBB does not recognise", () => {
    expect(checkPok(validPok({ companyRecognised: false }), "2026-10-01").problems).toEqual([
      "company_not_recognised",
    ]);
  });

  it("reports every problem at once, in a fixed order", () => {
    const unsigned = validPok({
      status: "draft",
      studentSignedAt: null,
      schoolSignedAt: null,
      companySignedAt: null,
      studentBirthDate: "2010-01-01",
      companyRecognised: false,
    });
    expect(checkPok(unsigned, "2026-08-01").problems).toEqual([
      "missing_student_signature",
      "missing_school_signature",
      "missing_company_signature",
      "missing_parent_signature",
      "not_started",
      "company_not_recognised",
    ]);
  });

  it("does not treat a draft status as a problem of its own", () => {
    expect(checkPok(validPok({ status: "draft" }), "2026-10-01").problems).toEqual([]);
  });

  it("refuses invalid dates", () => {
    expect(() => checkPok(validPok({ endDate: "2027-02-30" }), "2026-10-01")).toThrow(/endDate/);
    expect(() => checkPok(validPok(), "01-10-2026")).toThrow(/today/);
  });
});

describe("parent signature", () => {
  it("is required for a student under 18 on the POK's start date", () => {
    const minor = validPok({ studentBirthDate: "2008-09-02" }); // turns 18 the day after start
    expect(requiresParentSignature(minor)).toBe(true);
    expect(checkPok(minor, "2026-10-01").problems).toEqual(["missing_parent_signature"]);
    expect(
      checkPok({ ...minor, parentSignedAt: "2026-08-25T09:00:00Z" }, "2026-10-01").isValid,
    ).toBe(true);
  });

  it("stays required after the student turns 18: the start date decides", () => {
    const minor = validPok({ studentBirthDate: "2008-10-01" });
    expect(checkPok(minor, "2027-03-01").problems).toEqual(["missing_parent_signature"]);
  });

  it("is not required for a student turning 18 on the start date", () => {
    expect(requiresParentSignature(validPok({ studentBirthDate: "2008-09-01" }))).toBe(false);
  });

  it("is not required when the birth date is unknown", () => {
    const unknown = validPok({ studentBirthDate: null });
    expect(requiresParentSignature(unknown)).toBe(false);
    expect(checkPok(unknown, "2026-10-01").isValid).toBe(true);
  });
});

describe("pokExpiresWithin", () => {
  it("is true when the end date falls within the coming days, today and the last day included", () => {
    expect(pokExpiresWithin(validPok(), "2027-06-01", 30)).toBe(true);
    expect(pokExpiresWithin(validPok(), "2027-05-31", 30)).toBe(true);
    expect(pokExpiresWithin(validPok(), "2027-06-30", 0)).toBe(true);
  });

  it("is false when the end date is further away", () => {
    expect(pokExpiresWithin(validPok(), "2027-05-30", 30)).toBe(false);
    expect(pokExpiresWithin(validPok(), "2026-10-01", 30)).toBe(false);
  });

  it("is false once the POK has already expired", () => {
    expect(pokExpiresWithin(validPok(), "2027-07-01", 30)).toBe(false);
  });
});

describe("POK_PROBLEM_LABELS", () => {
  it("explains every problem in a Dutch and an English sentence", () => {
    for (const problem of POK_PROBLEMS) {
      const label = POK_PROBLEM_LABELS[problem];
      expect(label.nl, problem).toMatch(/^[A-Z].*\.$/);
      expect(label.en, problem).toMatch(/^[A-Z].*\.$/);
    }
    expect(POK_PROBLEM_LABELS.missing_company_signature.nl).toBe(
      "De POK is nog niet ondertekend door het leerbedrijf.",
    );
  });
});

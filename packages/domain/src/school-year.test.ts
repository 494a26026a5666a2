import { describe, expect, it } from "vitest";
import { schoolYearOf, schoolYearStarting } from "./school-year.js";

describe("schoolYearOf", () => {
  it("runs from 1 August to 31 July", () => {
    expect(schoolYearOf("2026-09-15")).toEqual({
      start: "2026-08-01",
      end: "2027-07-31",
      label: "2026-2027",
    });
    expect(schoolYearOf("2027-03-01").label).toBe("2026-2027");
  });

  it("switches exactly between 31 July and 1 August", () => {
    expect(schoolYearOf("2027-07-31").label).toBe("2026-2027");
    expect(schoolYearOf("2027-08-01").label).toBe("2027-2028");
    expect(schoolYearOf("2027-01-01").label).toBe("2026-2027");
    expect(schoolYearOf("2026-12-31").label).toBe("2026-2027");
  });

  it("refuses an invalid date", () => {
    expect(() => schoolYearOf("2026-02-30")).toThrow(RangeError);
  });

  it("builds a school year from its first calendar year", () => {
    expect(schoolYearStarting(2030)).toEqual({
      start: "2030-08-01",
      end: "2031-07-31",
      label: "2030-2031",
    });
  });
});

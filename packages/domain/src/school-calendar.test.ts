import { describe, expect, it } from "vitest";
import {
  calendarLookup,
  dayOfWeek,
  defaultSchoolCalendar,
  isSchoolDay,
  type SchoolCalendar,
  schoolDaysIn,
  validateSchoolCalendar,
} from "./school-calendar.js";

describe("defaultSchoolCalendar", () => {
  it("has two leerwerkperiodes, August–January and February–July", () => {
    expect(defaultSchoolCalendar(2026).periods).toEqual([
      { start: "2026-08-01", end: "2027-01-31" },
      { start: "2027-02-01", end: "2027-07-31" },
    ]);
    expect(defaultSchoolCalendar(2028).periods[1]).toEqual({
      start: "2029-02-01",
      end: "2029-07-31",
    });
  });

  it("names the holidays of 2026-2027 and is itself valid for every year", () => {
    const names = defaultSchoolCalendar(2026).holidays.map((h) => h.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "Herfstvakantie",
        "Kerstvakantie",
        "Voorjaarsvakantie",
        "Meivakantie",
        "Zomervakantie",
      ]),
    );
    for (const year of [2025, 2026, 2027, 2030]) {
      expect(validateSchoolCalendar(defaultSchoolCalendar(year))).toEqual([]);
    }
  });
});

describe("school days", () => {
  it("are weekdays outside the holidays", () => {
    expect(dayOfWeek("2027-02-01")).toBe(1);
    expect(isSchoolDay("2027-02-01")).toBe(true);
    expect(isSchoolDay("2027-02-06")).toBe(false); // Saturday
    expect(isSchoolDay("2026-12-23")).toBe(false); // Kerstvakantie
    expect(isSchoolDay("2027-01-04")).toBe(true);
    expect(schoolDaysIn({ start: "2027-01-18", end: "2027-01-31" })).toBe(10);
    expect(schoolDaysIn({ start: "2027-01-31", end: "2027-01-18" })).toBe(0);
  });

  it("follow a stored calendar's holidays", () => {
    const own = { ...defaultSchoolCalendar(2026), holidays: [] };
    expect(isSchoolDay("2026-12-23", calendarLookup([own]))).toBe(true);
    expect(isSchoolDay("2027-12-23", calendarLookup([own]))).toBe(false);
  });
});

describe("validateSchoolCalendar", () => {
  const base = defaultSchoolCalendar(2026);
  const codes = (calendar: SchoolCalendar) => validateSchoolCalendar(calendar).map((p) => p.code);

  it("accepts four contiguous leerwerkperiodes", () => {
    const four = {
      ...base,
      periods: [
        { start: "2026-08-01", end: "2026-10-31" },
        { start: "2026-11-01", end: "2027-01-31" },
        { start: "2027-02-01", end: "2027-04-30" },
        { start: "2027-05-01", end: "2027-07-31" },
      ],
    };
    expect(validateSchoolCalendar(four)).toEqual([]);
  });

  it("names every problem", () => {
    expect(codes({ ...base, schoolYear: 1 })).toEqual(["schoolYear"]);
    expect(codes({ ...base, periods: [] })).toEqual(["periodCount"]);
    expect(
      codes({
        ...base,
        periods: [
          { start: "2026-08-01", end: "2027-01-30" },
          { start: "2027-02-01", end: "2027-07-31" },
        ],
      }),
    ).toEqual(["periodsNotContiguous"]);
    expect(
      codes({
        ...base,
        periods: [
          { start: "2026-09-01", end: "2027-01-31" },
          { start: "2027-02-01", end: "2027-08-31" },
        ],
      }),
    ).toEqual(["periodsOutsideYear"]);
    expect(codes({ ...base, periods: [{ start: "2026-08-01", end: "2027-02-30" }] })).toEqual([
      "periodDate",
    ]);
    expect(codes({ ...base, periods: [{ start: "2027-07-31", end: "2026-08-01" }] })).toEqual([
      "periodOrder",
    ]);
    expect(
      codes({
        ...base,
        holidays: [
          { name: " ", start: "2026-10-17", end: "2026-10-25" },
          { name: "Herfst", start: "2026-10-25", end: "2026-10-17" },
          { name: "Zomer", start: "2027-07-17", end: "2027-08-29" },
          { name: "Kerst", start: "2026-12-19", end: "nope" },
        ],
      }),
    ).toEqual(["holidayName", "holidayOrder", "holidayOutsideYear", "holidayDate"]);
    expect(validateSchoolCalendar({ ...base, periods: [] })[0]?.message).toMatch(
      /leerwerkperiodes/,
    );
  });
});

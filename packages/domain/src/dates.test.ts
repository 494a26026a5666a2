import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  ageOn,
  assertIsoDate,
  daysBetween,
  isIsoDate,
  maxDate,
  minDate,
  SCHOOL_TIME_ZONE,
  schoolClock,
  schoolDate,
  schoolMoment,
  schoolToday,
} from "./dates.js";

describe("isIsoDate", () => {
  it("accepts real calendar dates in strict YYYY-MM-DD form", () => {
    expect(isIsoDate("2026-09-01")).toBe(true);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-12-31")).toBe(true);
    expect(isIsoDate("0001-01-01")).toBe(true);
  });

  it("rejects dates that do not exist", () => {
    expect(isIsoDate("2026-02-30")).toBe(false);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2100-02-29")).toBe(false);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("2026-00-10")).toBe(false);
    expect(isIsoDate("2026-04-31")).toBe(false);
    expect(isIsoDate("2026-01-00")).toBe(false);
  });

  it("rejects other formats", () => {
    for (const value of [
      "2026-9-1",
      "26-09-01",
      "01-09-2026",
      "2026/09/01",
      "2026-09-01T00:00:00Z",
      " 2026-09-01",
      "2026-09-01\n",
      "",
      "yesterday",
    ]) {
      expect(isIsoDate(value), value).toBe(false);
    }
  });

  it("assertIsoDate names the field it rejects", () => {
    expect(() => assertIsoDate("2026-02-30", "dueDate")).toThrow(/dueDate/);
    expect(() => assertIsoDate("2026-02-28", "dueDate")).not.toThrow();
  });
});

describe("addDays", () => {
  it("crosses months, years and leap days", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-09-01", 0)).toBe("2026-09-01");
  });

  it("is not shifted by daylight saving time changes", () => {
    // Europe/Amsterdam switches on 2026-03-29 and 2026-10-25.
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addDays("2026-10-24", 2)).toBe("2026-10-26");
  });

  it("refuses invalid dates and fractional days", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => addDays("2026-02-01", 1.5)).toThrow(RangeError);
  });
});

describe("addMonths", () => {
  it("clamps to the last day of a shorter month", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-08-31", 12)).toBe("2027-08-31");
    expect(addMonths("2028-02-29", 12)).toBe("2029-02-28");
    expect(addMonths("2026-03-15", -3)).toBe("2025-12-15");
  });
});

describe("daysBetween", () => {
  it("counts days from a to b, negative when b is earlier", () => {
    expect(daysBetween("2026-09-01", "2026-09-01")).toBe(0);
    expect(daysBetween("2026-09-01", "2026-09-02")).toBe(1);
    expect(daysBetween("2026-09-02", "2026-09-01")).toBe(-1);
    expect(daysBetween("2026-08-01", "2027-07-31")).toBe(364);
    expect(daysBetween("2027-08-01", "2028-07-31")).toBe(365);
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
  });
});

describe("schoolToday / schoolDate", () => {
  it("is the date in the Netherlands, where UTC still says yesterday", () => {
    expect(SCHOOL_TIME_ZONE).toBe("Europe/Amsterdam");
    // Winter (UTC+1): 00:30 on 10 March in the Netherlands is 23:30 on the 9th in UTC.
    expect(schoolToday(new Date("2026-03-09T23:30:00Z"))).toBe("2026-03-10");
    expect(schoolToday(new Date("2026-03-10T00:30:00+01:00"))).toBe("2026-03-10");
    // Summer (UTC+2): 00:30 on 1 July is 22:30 on 30 June in UTC.
    expect(schoolToday(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(schoolToday(new Date("2026-07-01T00:30:00+02:00"))).toBe("2026-07-01");
  });

  it("turns at midnight Dutch time, across both clock changes", () => {
    expect(schoolDate(new Date("2026-03-09T22:59:59.999Z"))).toBe("2026-03-09");
    expect(schoolDate(new Date("2026-03-09T23:00:00.000Z"))).toBe("2026-03-10");
    // The night summer time starts (29 March) and the night it ends (25 October).
    expect(schoolDate(new Date("2026-03-29T21:59:59Z"))).toBe("2026-03-29");
    expect(schoolDate(new Date("2026-03-29T22:00:00Z"))).toBe("2026-03-30");
    expect(schoolDate(new Date("2026-10-25T22:59:59Z"))).toBe("2026-10-25");
    expect(schoolDate(new Date("2026-10-25T23:00:00Z"))).toBe("2026-10-26");
    expect(schoolDate(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
  });

  it("reads the clock when given no moment", () => {
    expect(schoolToday()).toBe(schoolDate(new Date()));
  });

  it("refuses an invalid Date", () => {
    expect(() => schoolDate(new Date("nonsense"))).toThrow(RangeError);
  });
});

describe("schoolClock / schoolMoment", () => {
  it("reads a moment on Amsterdam's clock, in winter and in summer", () => {
    expect(schoolClock(new Date("2026-03-10T13:30:00Z"))).toEqual({
      date: "2026-03-10",
      time: "14:30",
    });
    expect(schoolClock(new Date("2026-06-10T12:30:00Z"))).toEqual({
      date: "2026-06-10",
      time: "14:30",
    });
    expect(schoolClock(new Date("2026-12-31T23:05:00Z"))).toEqual({
      date: "2027-01-01",
      time: "00:05",
    });
  });

  it("finds the moment Amsterdam's clock shows a date and time", () => {
    expect(schoolMoment("2026-03-10", "14:30")?.toISOString()).toBe("2026-03-10T13:30:00.000Z");
    expect(schoolMoment("2026-06-10", "14:30")?.toISOString()).toBe("2026-06-10T12:30:00.000Z");
    expect(schoolMoment("2027-01-01", "00:05")?.toISOString()).toBe("2026-12-31T23:05:00.000Z");
    expect(schoolMoment("2026-03-10", "14:30:00")?.toISOString()).toBe("2026-03-10T13:30:00.000Z");
  });

  it("reads back what it was given, every half hour of a year", () => {
    for (
      let t = Date.parse("2026-01-01T00:00:00Z");
      t < Date.parse("2027-01-01T00:00:00Z");
      t += 1_800_000
    ) {
      const { date, time } = schoolClock(new Date(t));
      const back = schoolMoment(date, time) as Date;
      expect(schoolClock(back)).toEqual({ date, time });
    }
  });

  it("takes the hour after a skipped time and the first of a repeated one", () => {
    // 29 March 2026: 02:00 becomes 03:00; 25 October 2026: 03:00 becomes 02:00 again.
    expect(schoolMoment("2026-03-29", "02:30")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(schoolMoment("2026-10-25", "02:30")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(schoolMoment("2026-10-25", "03:30")?.toISOString()).toBe("2026-10-25T02:30:00.000Z");
  });

  it("refuses what is not a date and a time", () => {
    expect(schoolMoment("10-03-2026", "14:30")).toBeNull();
    expect(schoolMoment("2026-02-30", "14:30")).toBeNull();
    expect(schoolMoment("2026-03-10", "24:00")).toBeNull();
    expect(schoolMoment("2026-03-10", "9:30")).toBeNull();
    expect(schoolMoment("2026-03-10", "14:30:15")).toBeNull();
    expect(schoolMoment("2026-03-10", "")).toBeNull();
    expect(() => schoolClock(new Date("nonsense"))).toThrow(RangeError);
  });
});

describe("ageOn", () => {
  it("counts completed years, turning a year older on the birthday itself", () => {
    expect(ageOn("2008-09-01", "2026-08-31")).toBe(17);
    expect(ageOn("2008-09-01", "2026-09-01")).toBe(18);
    expect(ageOn("2008-09-01", "2026-12-31")).toBe(18);
    expect(ageOn("2008-12-31", "2026-01-01")).toBe(17);
  });

  it("has someone born on 29 February turn older on 1 March in common years", () => {
    expect(ageOn("2008-02-29", "2026-02-28")).toBe(17);
    expect(ageOn("2008-02-29", "2026-03-01")).toBe(18);
    expect(ageOn("2008-02-29", "2028-02-29")).toBe(20);
  });
});

describe("minDate / maxDate", () => {
  it("picks the earlier and later date", () => {
    expect(minDate("2026-09-01", "2026-08-31")).toBe("2026-08-31");
    expect(maxDate("2026-09-01", "2026-08-31")).toBe("2026-09-01");
  });
});

import { describe, expect, it } from "vitest";
import {
  type FrequencyInput,
  frequencyStatus,
  isShorterThanSchoolYear,
  proposeNextConversationDate,
} from "./frequency.js";

/** A two-year placement: 1 Sep 2026 – 30 Jun 2028. Its first period is 1 Sep 2026 – 31 Jul 2027. */
const twoYears = (today: string, heldDates: string[] = []): FrequencyInput => ({
  placementStart: "2026-09-01",
  placementEnd: "2028-06-30",
  heldDates,
  today,
});

/** A short placement (one leerwerkperiode): 1 Feb – 30 Jun 2026. */
const short = (today: string, heldDates: string[] = []): FrequencyInput => ({
  placementStart: "2026-02-01",
  placementEnd: "2026-06-30",
  heldDates,
  today,
});

describe("frequencyStatus — placements of a school year or longer", () => {
  it("requires 2 conversations in the school year, due halfway and at its end", () => {
    const status = frequencyStatus({
      placementStart: "2026-08-01",
      placementEnd: "2027-07-31",
      heldDates: [],
      today: "2026-09-15",
    });
    expect(status).toEqual({
      periodStart: "2026-08-01",
      periodEnd: "2027-07-31",
      required: 2,
      held: 0,
      dueDates: ["2027-01-30", "2027-07-31"],
      missed: 0,
      isOverdue: false,
      nextDueDate: "2027-01-30",
    });
  });

  it("limits the period to the part of the school year the placement covers", () => {
    const status = frequencyStatus(twoYears("2026-10-01"));
    expect(status.periodStart).toBe("2026-09-01");
    expect(status.periodEnd).toBe("2027-07-31");
    expect(status.dueDates).toEqual(["2027-02-15", "2027-07-31"]);
  });

  it("is overdue once the first due date has passed without a conversation", () => {
    const status = frequencyStatus(twoYears("2027-03-01"));
    expect(status.missed).toBe(1);
    expect(status.isOverdue).toBe(true);
    expect(status.nextDueDate).toBe("2027-02-15");
  });

  it("is not overdue on the due date itself, only the day after", () => {
    expect(frequencyStatus(twoYears("2027-02-15")).isOverdue).toBe(false);
    expect(frequencyStatus(twoYears("2027-02-16")).isOverdue).toBe(true);
  });

  it("counts a conversation held exactly on the due date", () => {
    const status = frequencyStatus(twoYears("2027-03-01", ["2027-02-15"]));
    expect(status.held).toBe(1);
    expect(status.missed).toBe(0);
    expect(status.nextDueDate).toBe("2027-07-31");
  });

  it("lets a late conversation make up for a missed one", () => {
    const status = frequencyStatus(twoYears("2027-04-01", ["2027-03-20"]));
    expect(status.missed).toBe(0);
    expect(status.isOverdue).toBe(false);
  });

  it("counts the period's last due date as missed only once the placement has ended", () => {
    // On 31 July the period's last due date is today: not missed yet. A day later a new school
    // year starts with a new period, so only an ended placement can have missed both.
    const lastDay = frequencyStatus({
      placementStart: "2025-08-01",
      placementEnd: "2027-07-31",
      heldDates: [],
      today: "2026-07-31",
    });
    expect(lastDay.periodEnd).toBe("2026-07-31");
    expect(lastDay.missed).toBe(1);
    const ended = frequencyStatus(twoYears("2028-07-01"));
    expect(ended.missed).toBe(2);
    expect(ended.nextDueDate).toBe("2028-01-15");
  });

  it("covers the first due date with one conversation and the second with two", () => {
    const oneHeld = frequencyStatus({
      placementStart: "2025-08-01",
      placementEnd: "2027-12-31",
      heldDates: ["2026-01-10"],
      today: "2026-07-31",
    });
    expect(oneHeld.missed).toBe(0);
    expect(oneHeld.nextDueDate).toBe("2026-07-31");
    const twoHeldEarly = frequencyStatus(twoYears("2027-07-31", ["2026-09-10", "2026-09-20"]));
    expect(twoHeldEarly.held).toBe(2);
    expect(twoHeldEarly.nextDueDate).toBeNull();
  });

  it("does not count conversations held before the period (previous school year)", () => {
    const status = frequencyStatus(twoYears("2027-09-01", ["2026-11-01", "2027-02-01"]));
    expect(status.periodStart).toBe("2027-08-01");
    expect(status.periodEnd).toBe("2028-06-30");
    expect(status.held).toBe(0);
    expect(status.dueDates).toEqual(["2028-01-15", "2028-06-30"]);
  });

  it("switches period exactly at the school-year boundary", () => {
    const held = ["2026-11-01", "2027-02-01"];
    const lastDay = frequencyStatus(twoYears("2027-07-31", held));
    expect(lastDay.periodEnd).toBe("2027-07-31");
    expect(lastDay.held).toBe(2);
    expect(lastDay.nextDueDate).toBeNull();
    const firstDay = frequencyStatus(twoYears("2027-08-01", held));
    expect(firstDay.periodStart).toBe("2027-08-01");
    expect(firstDay.held).toBe(0);
    expect(firstDay.missed).toBe(0);
  });

  it("judges a placement that has not started on its first school year, nothing overdue", () => {
    const status = frequencyStatus(twoYears("2026-06-01"));
    expect(status.periodStart).toBe("2026-09-01");
    expect(status.periodEnd).toBe("2027-07-31");
    expect(status.missed).toBe(0);
    expect(status.nextDueDate).toBe("2027-02-15");
  });

  it("judges an ended placement on its last period, keeping what was missed", () => {
    const status = frequencyStatus(twoYears("2028-09-01", ["2028-03-01"]));
    expect(status.periodStart).toBe("2027-08-01");
    expect(status.periodEnd).toBe("2028-06-30");
    expect(status.held).toBe(1);
    expect(status.missed).toBe(1);
    expect(status.isOverdue).toBe(true);
  });

  it("requires only 1 in a part of a school year shorter than half a year", () => {
    // A year's placement from 1 Sep 2025 ends on 31 Aug 2026: August alone is its last period.
    const status = frequencyStatus({
      placementStart: "2025-09-01",
      placementEnd: "2026-08-31",
      heldDates: [],
      today: "2026-08-10",
    });
    expect(status.periodStart).toBe("2026-08-01");
    expect(status.periodEnd).toBe("2026-08-31");
    expect(status.required).toBe(1);
    expect(status.dueDates).toEqual(["2026-08-31"]);
  });

  it("requires 2 in a part of at least half a school year", () => {
    // 1 Feb – 31 Jul 2027 is 181 days of a 365-day school year: under half.
    const february = frequencyStatus({
      placementStart: "2027-02-01",
      placementEnd: "2028-06-30",
      heldDates: [],
      today: "2027-03-01",
    });
    expect(february.required).toBe(1);
    // 1 Jan – 31 Jul 2027 is 212 days: over half.
    const january = frequencyStatus({
      placementStart: "2027-01-01",
      placementEnd: "2028-06-30",
      heldDates: [],
      today: "2027-03-01",
    });
    expect(january.required).toBe(2);
  });
});

describe("frequencyStatus — placements shorter than a school year", () => {
  it("requires 1 conversation over the whole placement, due on its last day", () => {
    expect(frequencyStatus(short("2026-03-01"))).toEqual({
      periodStart: "2026-02-01",
      periodEnd: "2026-06-30",
      required: 1,
      held: 0,
      dueDates: ["2026-06-30"],
      missed: 0,
      isOverdue: false,
      nextDueDate: "2026-06-30",
    });
  });

  it("is covered by one conversation during the placement", () => {
    const status = frequencyStatus(short("2026-07-15", ["2026-05-01"]));
    expect(status.held).toBe(1);
    expect(status.isOverdue).toBe(false);
    expect(status.nextDueDate).toBeNull();
  });

  it("is overdue after the placement ended without a conversation", () => {
    const status = frequencyStatus(short("2026-07-01"));
    expect(status.missed).toBe(1);
    expect(status.isOverdue).toBe(true);
  });

  it("ignores conversations outside the placement", () => {
    expect(frequencyStatus(short("2026-03-01", ["2026-01-31", "2026-07-01"])).held).toBe(0);
  });

  it("spans the school-year boundary as one period", () => {
    const status = frequencyStatus({
      placementStart: "2026-06-01",
      placementEnd: "2026-10-31",
      heldDates: ["2026-09-10"],
      today: "2026-09-15",
    });
    expect(status.periodStart).toBe("2026-06-01");
    expect(status.periodEnd).toBe("2026-10-31");
    expect(status.held).toBe(1);
  });

  it("treats a placement one day short of a year as short", () => {
    expect(isShorterThanSchoolYear("2026-09-01", "2027-08-30")).toBe(true);
    expect(isShorterThanSchoolYear("2026-09-01", "2027-08-31")).toBe(false);
    expect(isShorterThanSchoolYear("2026-08-01", "2027-07-31")).toBe(false);
    // A typical BOL placement from September to June is shorter than a school year.
    expect(isShorterThanSchoolYear("2026-09-01", "2027-06-30")).toBe(true);
  });
});

describe("frequencyStatus — invalid input", () => {
  it("refuses invalid dates and a placement ending before it starts", () => {
    expect(() => frequencyStatus(short("2026-02-30"))).toThrow(/today/);
    expect(() => frequencyStatus(short("2026-03-01", ["2026-13-01"]))).toThrow(/heldDates\[0\]/);
    expect(() =>
      frequencyStatus({
        placementStart: "2026-09-01",
        placementEnd: "2026-08-31",
        heldDates: [],
        today: "2026-09-01",
      }),
    ).toThrow(RangeError);
  });
});

describe("proposeNextConversationDate", () => {
  it("proposes the first uncovered due date", () => {
    expect(proposeNextConversationDate(twoYears("2026-10-01"))).toBe("2027-02-15");
    expect(proposeNextConversationDate(twoYears("2027-03-01", ["2027-01-10"]))).toBe("2027-07-31");
  });

  it("proposes today when a due date has already passed, never a date in the past", () => {
    expect(proposeNextConversationDate(twoYears("2027-03-01"))).toBe("2027-03-01");
  });

  it("proposes the next period's first due date when this period is covered", () => {
    expect(proposeNextConversationDate(twoYears("2027-03-01", ["2026-11-01", "2027-02-01"]))).toBe(
      "2028-01-15",
    );
  });

  it("proposes the first due date for a placement that has not started", () => {
    expect(proposeNextConversationDate(twoYears("2026-06-01"))).toBe("2027-02-15");
  });

  it("proposes nothing when all is covered and the placement ends with the period", () => {
    expect(proposeNextConversationDate(short("2026-05-02", ["2026-05-01"]))).toBeNull();
  });

  it("proposes nothing after the placement ended, even with a conversation missed", () => {
    expect(proposeNextConversationDate(short("2026-07-01"))).toBeNull();
  });

  it("proposes the last day itself on a placement's last day", () => {
    expect(proposeNextConversationDate(short("2026-06-30"))).toBe("2026-06-30");
  });
});

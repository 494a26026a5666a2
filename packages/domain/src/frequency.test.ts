import { describe, expect, it } from "vitest";
import { addDays } from "./dates.js";
import {
  type FrequencyStatus,
  frequencyStatus,
  isShorterThanSchoolYear,
  proposeNextConversationDate,
} from "./frequency.js";
import { defaultSchoolCalendar, isSchoolDay, type SchoolCalendar } from "./school-calendar.js";

/** 2026-2027 with four leerwerkperiodes instead of two. */
const fourPeriods: SchoolCalendar = {
  ...defaultSchoolCalendar(2026),
  periods: [
    { start: "2026-08-01", end: "2026-10-31" },
    { start: "2026-11-01", end: "2027-01-31" },
    { start: "2027-02-01", end: "2027-04-30" },
    { start: "2027-05-01", end: "2027-07-31" },
  ],
};

interface Case {
  name: string;
  placement: [start: string, end: string];
  held?: string[];
  today: string;
  calendars?: SchoolCalendar[];
  /** The windows as "start..end", with " held" when covered and " missed" when missed. */
  windows?: string[];
  expected: Partial<FrequencyStatus>;
}

const BOL = ["2026-09-01", "2027-06-30"] as [string, string];
const BBL = ["2026-08-01", "2028-07-31"] as [string, string];

const cases: Case[] = [
  {
    name: "BOL, nothing held, judged on 1 Feb: the Aug–Jan window is missed",
    placement: BOL,
    today: "2027-02-01",
    windows: ["2026-09-01..2027-01-31 missed", "2027-02-01..2027-06-30"],
    expected: { missed: 1, isOverdue: true, nextDueDate: "2027-06-30", proposedDate: "2027-05-11" },
  },
  {
    name: "BOL, held in October: on track, next due in Feb–Jun",
    placement: BOL,
    held: ["2026-10-15"],
    today: "2027-02-01",
    expected: {
      missed: 0,
      isOverdue: false,
      periodStart: "2027-02-01",
      periodEnd: "2027-06-30",
      nextDueDate: "2027-06-30",
    },
  },
  {
    name: "BOL, two held in one window count once: Feb–Jun missed",
    placement: BOL,
    held: ["2026-10-15", "2026-11-20"],
    today: "2027-07-01",
    windows: ["2026-09-01..2027-01-31 held", "2027-02-01..2027-06-30 missed"],
    expected: { held: 1, missed: 1, isOverdue: true, nextDueDate: null, proposedDate: null },
  },
  {
    name: "short stage, nothing held, the day after it ended",
    placement: ["2027-02-08", "2027-04-16"],
    today: "2027-04-17",
    windows: ["2027-02-08..2027-04-16 missed"],
    expected: { required: 1, missed: 1, isOverdue: true, isCurrent: true },
  },
  {
    name: "BBL of two years, held in November, judged on 1 August: Feb–Jul missed across 1 August",
    placement: BBL,
    held: ["2026-11-01"],
    today: "2027-08-01",
    windows: [
      "2026-08-01..2027-01-31 held",
      "2027-02-01..2027-07-31 missed",
      "2027-08-01..2028-01-31",
      "2028-02-01..2028-07-31",
    ],
    expected: { missed: 1, isOverdue: true, nextDueDate: "2028-01-31", proposedDate: "2027-12-01" },
  },
  {
    name: "ended more than a school year ago: history, not current, not overdue",
    placement: ["2026-09-01", "2027-01-29"],
    today: "2028-09-01",
    expected: { missed: 1, isCurrent: false, isOverdue: false, proposedDate: null },
  },
  {
    name: "four leerwerkperiodes: a shorter placement needs one in each",
    placement: BOL,
    held: ["2026-10-15"],
    today: "2027-02-01",
    calendars: [fourPeriods],
    windows: [
      "2026-09-01..2026-10-31 held",
      "2026-11-01..2027-01-31 missed",
      "2027-02-01..2027-04-30",
      "2027-05-01..2027-06-30",
    ],
    expected: { required: 4, missed: 1, nextDueDate: "2027-04-30", proposedDate: "2027-04-01" },
  },
  {
    name: "four leerwerkperiodes: a long placement still needs two a year, split at the middle boundary",
    placement: BBL,
    today: "2026-08-01",
    calendars: [fourPeriods],
    windows: [
      "2026-08-01..2027-01-31",
      "2027-02-01..2027-07-31",
      "2027-08-01..2028-01-31",
      "2028-02-01..2028-07-31",
    ],
    expected: { required: 4, missed: 0 },
  },
  {
    name: "today in the Christmas holiday: the proposal is the first school day after it",
    placement: BOL,
    today: "2026-12-21",
    expected: { missed: 0, nextDueDate: "2027-01-31", proposedDate: "2027-01-04" },
  },
  {
    name: "a proposal falling in a holiday moves to the next school day",
    placement: ["2026-09-01", "2027-02-12"],
    today: "2026-09-01",
    windows: ["2026-09-01..2027-02-12"],
    expected: { proposedDate: "2027-01-04" },
  },
  {
    name: "a sliver at the start (10 school days in January) joins the next window",
    placement: ["2027-01-18", "2027-04-16"],
    today: "2027-01-18",
    windows: ["2027-01-18..2027-04-16"],
    expected: { required: 1, nextDueDate: "2027-04-16" },
  },
  {
    name: "a shorter placement crossing 1 August: the summer window is missed, the autumn one next",
    placement: ["2027-05-01", "2027-10-29"],
    today: "2027-08-02",
    windows: ["2027-05-01..2027-07-31 missed", "2027-08-01..2027-10-29"],
    expected: { missed: 1, nextDueDate: "2027-10-29", proposedDate: "2027-09-29" },
  },
  {
    name: "a long placement ending 31 August owes nothing in the summer holiday",
    placement: ["2026-09-01", "2027-08-31"],
    today: "2026-09-01",
    windows: ["2026-09-01..2027-01-31", "2027-02-01..2027-08-31"],
    expected: { required: 2 },
  },
  {
    name: "not started yet: the first window is next, proposed two thirds in",
    placement: BOL,
    today: "2026-08-15",
    expected: { missed: 0, nextDueDate: "2027-01-31", proposedDate: "2026-12-11" },
  },
  {
    name: "a conversation before the placement started does not count",
    placement: BOL,
    held: ["2026-08-20"],
    today: "2027-02-01",
    expected: { held: 0, missed: 1 },
  },
  {
    name: "on the last day of a window it is not yet missed (a Sunday: no school day left to propose)",
    placement: BOL,
    today: "2027-01-31",
    expected: { missed: 0, nextDueDate: "2027-01-31", proposedDate: null },
  },
];

describe("frequencyStatus", () => {
  it.each(cases)("$name", ({ placement, held = [], today, calendars, windows, expected }) => {
    const status = frequencyStatus({
      placementStart: placement[0],
      placementEnd: placement[1],
      heldDates: held,
      today,
      calendars,
    });
    expect(status).toMatchObject(expected);
    if (windows) {
      expect(
        status.windows.map(
          (w) => `${w.start}..${w.end}${w.covered ? " held" : ""}${w.missed ? " missed" : ""}`,
        ),
      ).toEqual(windows);
    }
    if (status.proposedDate) {
      expect(isSchoolDay(status.proposedDate)).toBe(true);
      expect(status.proposedDate >= today).toBe(true);
      expect(status.proposedDate <= (status.nextDueDate as string)).toBe(true);
    }
  });

  it("refuses an invalid date or a placement ending before it starts", () => {
    const input = {
      placementStart: "2026-09-01",
      placementEnd: "2026-08-01",
      heldDates: [],
      today: "2026-09-01",
    };
    expect(() => frequencyStatus(input)).toThrow(RangeError);
    expect(() => frequencyStatus({ ...input, placementEnd: "2027-02-30" })).toThrow(RangeError);
  });

  it("proposes no date once the placement has ended, and a school day while it runs", () => {
    const input = { placementStart: BOL[0], placementEnd: BOL[1], heldDates: [] };
    expect(proposeNextConversationDate({ ...input, today: "2027-07-01" })).toBeNull();
    for (let day = "2026-09-01"; day <= "2027-06-30"; day = addDays(day, 7)) {
      const proposal = proposeNextConversationDate({ ...input, today: day });
      expect(proposal === null || (proposal >= day && isSchoolDay(proposal))).toBe(true);
    }
  });

  it("calls a placement of twelve months a school year or longer", () => {
    expect(isShorterThanSchoolYear("2026-09-01", "2027-08-31")).toBe(false);
    expect(isShorterThanSchoolYear("2026-09-01", "2027-08-30")).toBe(true);
  });
});

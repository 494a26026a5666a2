import { describe, expect, it } from "vitest";
import {
  CallWindow,
  mergeSpans,
  normaliseBatch,
  splitByPeriods,
  TALK_LIMITS,
  TalkRefusal,
  withoutStored,
} from "./talk-rules.js";

describe("the rules a batch of speaking intervals meets", () => {
  it("merges a speaker's touching and near intervals and refuses real overlap", () => {
    expect(
      mergeSpans([
        { start: 500, end: 900 },
        { start: 0, end: 400 },
        { start: 2000, end: 2100 },
      ]),
    ).toEqual([
      { start: 0, end: 900 },
      { start: 2000, end: 2100 },
    ]);
    expect(() =>
      mergeSpans([
        { start: 0, end: 5000 },
        { start: 1000, end: 6000 },
      ]),
    ).toThrow(TalkRefusal);
  });

  it("clamps a clock a little off and refuses one far off", () => {
    const batch = normaliseBatch(
      [{ role: "student", start: 95_000, end: 101_000 }],
      100_000,
      200_000,
    );
    expect(batch.get("student")).toEqual([{ start: 100_000, end: 101_000 }]);
    expect(() =>
      normaliseBatch(
        [{ role: "student", start: 100_000, end: 200_000 + TALK_LIMITS.clockSkewMs + 1 }],
        100_000,
        200_000,
      ),
    ).toThrow(/outside/);
  });

  it("cuts away a resent tail and refuses counting the same speech twice", () => {
    expect(withoutStored([{ start: 9000, end: 12_000 }], [{ start: 5000, end: 10_000 }])).toEqual([
      { start: 10_000, end: 12_000 },
    ]);
    expect(() =>
      withoutStored([{ start: 6000, end: 12_000 }], [{ start: 5000, end: 10_000 }]),
    ).toThrow(/already/);
  });

  it("splits an interval at the section moves", () => {
    const periods = [
      { phase: "inleiding" as const, section: "welkom", start: 0, end: 1000 },
      { phase: "inleiding" as const, section: "gespreksdoel", start: 1000, end: null },
    ];
    expect(splitByPeriods({ start: 500, end: 1500 }, periods, 2000)).toEqual([
      { start: 500, end: 1000, phase: "inleiding", section: "welkom" },
      { start: 1000, end: 1500, phase: "inleiding", section: "gespreksdoel" },
    ]);
    expect(splitByPeriods({ start: -500, end: 200 }, periods, 2000)[0]).toEqual({
      start: -500,
      end: 0,
      phase: null,
      section: null,
    });
  });

  it("counts calls in a sliding window", () => {
    const window = new CallWindow(2, 1000);
    expect([
      window.take("a", 0),
      window.take("a", 10),
      window.take("a", 20),
      window.take("b", 20),
    ]).toEqual([true, true, false, true]);
    expect(window.take("a", 1001)).toBe(true);
  });
});

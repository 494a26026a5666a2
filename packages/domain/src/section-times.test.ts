import { describe, expect, it } from "vitest";
import { GUIDE, getPhase } from "./guide.js";
import {
  conversationTimes,
  formatDuration,
  formatSpentTime,
  isOverPlanned,
  PHASE_NAMES,
  PLANNED_SECTION_MINUTES,
  plannedSectionMinutes,
  spentMs,
  totalTime,
} from "./section-times.js";

const MIN = 60_000;
const at = (minute: number, second = 0) =>
  new Date(Date.UTC(2026, 11, 3, 13, 0) + minute * MIN + second * 1000).toISOString();

describe("planned minutes per section (decision 0009)", () => {
  it("shares Kern's 30 minutes evenly: 5 for each of its six sections", () => {
    expect(plannedSectionMinutes(getPhase("kern"))).toEqual({
      "afspraken-vorige": 5,
      studievoortgang: 5,
      "sociaal-communicatief": 5,
      vaktechnisch: 5,
      loopbaan: 5,
      praktisch: 5,
    });
  });

  it("gives the minutes left over to the sections with the most example questions", () => {
    expect(plannedSectionMinutes(getPhase("inleiding"))).toEqual({
      welkom: 1,
      gespreksdoel: 2,
      procesafspraken: 2,
    });
    expect(plannedSectionMinutes(getPhase("afronden"))).toEqual({
      samenvatten: 1,
      conclusie: 1,
      "nieuwe-afspraken": 2,
      archivering: 1,
    });
  });

  it("adds up to each phase's planned minutes, for every section of the guide", () => {
    for (const phase of GUIDE) {
      const sum = phase.sections.reduce((s, x) => s + (PLANNED_SECTION_MINUTES[x.key] ?? 0), 0);
      expect(sum, phase.key).toBe(phase.plannedMinutes);
    }
  });
});

describe("time spent", () => {
  it("adds up every period of a part, a running one up to now; null when never reached", () => {
    const periods = [
      { startedAt: at(0), endedAt: at(3) },
      { startedAt: at(10), endedAt: null },
    ];
    expect(spentMs(periods, new Date(at(12)))).toBe(5 * MIN);
    expect(spentMs([], new Date(at(12)))).toBeNull();
  });

  it("gives per phase and per section the actual time beside the planned", () => {
    const times = conversationTimes(
      {
        phasePeriods: [
          { phase: "inleiding", startedAt: at(0), endedAt: at(4) },
          { phase: "kern", startedAt: at(4), endedAt: at(31) },
          { phase: "afronden", startedAt: at(31), endedAt: null },
        ],
        sectionPeriods: [
          { phase: "inleiding", section: "welkom", startedAt: at(0), endedAt: at(0, 40) },
          { phase: "inleiding", section: "gespreksdoel", startedAt: at(0, 40), endedAt: at(4) },
          { phase: "kern", section: "afspraken-vorige", startedAt: at(4), endedAt: at(12) },
          { phase: "kern", section: "loopbaan", startedAt: at(12), endedAt: at(31) },
          { phase: "afronden", section: "samenvatten", startedAt: at(31), endedAt: null },
        ],
      },
      new Date(at(33)),
    );
    expect(times.map((p) => [p.phase, p.plannedMinutes, p.actualMs])).toEqual([
      ["inleiding", 5, 4 * MIN],
      ["kern", 30, 27 * MIN],
      ["afronden", 5, 2 * MIN],
    ]);
    const kern = times[1]?.sections ?? [];
    expect(kern.map((s) => [s.section, s.actualMs])).toEqual([
      ["afspraken-vorige", 8 * MIN],
      ["studievoortgang", null],
      ["sociaal-communicatief", null],
      ["vaktechnisch", null],
      ["loopbaan", 19 * MIN],
      ["praktisch", null],
    ]);
    expect(totalTime(times)).toEqual({ plannedMinutes: 40, actualMs: 33 * MIN });
    expect(isOverPlanned(times[1] as never)).toBe(false);
    expect(isOverPlanned({ plannedMinutes: 5, actualMs: 8 * MIN })).toBe(true);
  });
});

describe("formatSpentTime: one way to say it", () => {
  it("says 'Kern 27 min (gepland 30)' in Dutch and 'Kern 27 min (planned 30)' in English", () => {
    const kern = { plannedMinutes: 30, actualMs: 27 * MIN + 10_000 };
    expect(formatSpentTime(kern, "nl", PHASE_NAMES.kern.nl)).toBe("Kern 27 min (gepland 30)");
    expect(formatSpentTime(kern, "en", "Kern")).toBe("Kern 27 min (planned 30)");
    expect(formatSpentTime(kern, "nl")).toBe("27 min (gepland 30)");
  });

  it("says '< 1 min' under a minute and '—' for a part never reached", () => {
    expect(formatSpentTime({ plannedMinutes: 1, actualMs: 40_000 }, "nl", "Welkom")).toBe(
      "Welkom < 1 min (gepland 1)",
    );
    expect(formatDuration(0, "en")).toBe("< 1 min");
    expect(formatDuration(90_000, "nl")).toBe("2 min");
    expect(formatSpentTime({ plannedMinutes: 5, actualMs: null }, "nl", "Praktisch")).toBe(
      "Praktisch — (gepland 5)",
    );
  });
});

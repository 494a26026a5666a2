import { conversationTimes, formatSpentTime, GUIDE } from "@driehoek/domain";
import { describe, expect, it } from "vitest";
import { guideStepperItems, nextStep, previousStep, type StepPhase, stepTimes } from "./guideSteps";

const phases: StepPhase[] = GUIDE.map((phase) => ({
  key: phase.key,
  title: phase.title.nl,
  plannedMinutes: phase.plannedMinutes,
  sections: phase.sections.map((s) => ({ key: s.key, title: s.title.nl })),
}));

/** A moment `minutes` after the conversation's start. */
const at = (minutes: number) =>
  new Date(Date.UTC(2026, 11, 3, 9, 0) + minutes * 60_000).toISOString();

const texts = {
  planned: (n: number) => `${n} min`,
  spent: (time: Parameters<typeof formatSpentTime>[0]) => formatSpentTime(time, "nl"),
};

describe("the next and previous step of the one who leads", () => {
  it("goes section by section within a phase, and on to the next phase at its end", () => {
    expect(nextStep(phases, "welkom")).toEqual({
      kind: "section",
      key: "gespreksdoel",
      title: "Gespreksdoel aanvullen",
    });
    expect(nextStep(phases, "procesafspraken")).toEqual({
      kind: "phase",
      direction: "next",
      title: "Kern gesprek",
    });
    expect(nextStep(phases, "archivering")).toBeNull();
    expect(nextStep(phases, null)).toBeNull();
  });

  it("goes back a section, and back a phase at a phase's first section", () => {
    expect(previousStep(phases, "procesafspraken")?.kind).toBe("section");
    expect(previousStep(phases, "afspraken-vorige")).toEqual({
      kind: "phase",
      direction: "previous",
      title: "Inleiding",
    });
    expect(previousStep(phases, "welkom")).toBeNull();
  });
});

describe("the guide as a stepper", () => {
  it("marks phases and sections done, current and upcoming, with planned and actual minutes", () => {
    const items = guideStepperItems(
      phases,
      { currentPhase: "kern", currentSection: "studievoortgang", isOver: false },
      texts,
      stepTimes(
        conversationTimes(
          {
            phasePeriods: [
              { phase: "inleiding", startedAt: at(0), endedAt: at(4) },
              { phase: "kern", startedAt: at(4), endedAt: null },
            ],
            sectionPeriods: [
              { phase: "inleiding", section: "welkom", startedAt: at(0), endedAt: at(4) },
              { phase: "kern", section: "afspraken-vorige", startedAt: at(4), endedAt: at(10) },
              { phase: "kern", section: "studievoortgang", startedAt: at(10), endedAt: null },
            ],
          },
          new Date(at(10.5)),
        ),
      ),
    );
    expect(items.map((i) => [i.key, i.state, i.time])).toEqual([
      ["inleiding", "done", "4 min (gepland 5)"],
      ["kern", "current", "7 min (gepland 30)"],
      ["afronden", "upcoming", "5 min"],
    ]);
    const kern = items[1]?.children ?? [];
    expect(kern.slice(0, 3).map((s) => [s.key, s.state, s.time])).toEqual([
      ["afspraken-vorige", "done", "6 min (gepland 5)"],
      ["studievoortgang", "current", "< 1 min (gepland 5)"],
      ["sociaal-communicatief", "upcoming", "5 min"],
    ]);
    expect(items[0]?.attrs).toEqual({ "data-phase": "inleiding" });
  });

  it("is all upcoming before the start and all done after the end", () => {
    const before = guideStepperItems(
      phases,
      { currentPhase: null, currentSection: null, isOver: false },
      texts,
    );
    expect(
      new Set(before.flatMap((p) => [p.state, ...(p.children ?? []).map((s) => s.state)])),
    ).toEqual(new Set(["upcoming"]));
    const after = guideStepperItems(
      phases,
      { currentPhase: null, currentSection: null, isOver: true },
      texts,
    );
    expect(
      new Set(after.flatMap((p) => [p.state, ...(p.children ?? []).map((s) => s.state)])),
    ).toEqual(new Set(["done"]));
  });
});

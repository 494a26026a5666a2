import { GUIDE } from "@driehoek/domain";
import { describe, expect, it } from "vitest";
import { guideStepperItems, nextStep, previousStep, type StepPhase } from "./guideSteps";

const phases: StepPhase[] = GUIDE.map((phase) => ({
  key: phase.key,
  title: phase.title.nl,
  plannedMinutes: phase.plannedMinutes,
  sections: phase.sections.map((s) => ({ key: s.key, title: s.title.nl })),
}));

const texts = {
  planned: (n: number) => `${n} min`,
  actual: (actual: number, planned: number | null) =>
    planned === null ? `${actual} min` : `${actual} min (gepland ${planned})`,
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
      { inleiding: 4, "afspraken-vorige": 6 },
    );
    expect(items.map((i) => [i.key, i.state, i.time])).toEqual([
      ["inleiding", "done", "4 min (gepland 5)"],
      ["kern", "current", "30 min"],
      ["afronden", "upcoming", "5 min"],
    ]);
    const kern = items[1]?.children ?? [];
    expect(kern.slice(0, 3).map((s) => [s.key, s.state, s.time])).toEqual([
      ["afspraken-vorige", "done", "6 min"],
      ["studievoortgang", "current", undefined],
      ["sociaal-communicatief", "upcoming", undefined],
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

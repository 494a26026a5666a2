import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import { createAppI18n } from "../../i18n";
import PhaseBar from "./PhaseBar.vue";

const PHASES = [
  { key: "inleiding", title: "Inleiding", plannedMinutes: 5 },
  { key: "kern", title: "Kern gesprek", plannedMinutes: 30 },
  { key: "afronden", title: "Afronden", plannedMinutes: 5 },
] as const;

function mountBar(props: Partial<InstanceType<typeof PhaseBar>["$props"]> = {}) {
  return mount(PhaseBar, {
    props: { phases: [...PHASES], current: null, ...props },
    global: { plugins: [createAppI18n("nl")] },
  });
}

describe("PhaseBar", () => {
  it("shows every phase with its planned minutes, in order", () => {
    const items = mountBar().findAll("li");
    expect(items.map((li) => li.find(".phase-title").text())).toEqual([
      "Inleiding",
      "Kern gesprek",
      "Afronden",
    ]);
    expect(items.map((li) => li.find(".phase-minutes").text())).toEqual([
      "5 min",
      "30 min",
      "5 min",
    ]);
  });

  it("marks only the current phase, for sight and for screen readers", () => {
    const items = mountBar({ current: "kern" }).findAll("li");
    expect(items.map((li) => li.attributes("aria-current"))).toEqual([
      undefined,
      "step",
      undefined,
    ]);
    expect(items[1]?.classes()).toContain("phase-current");
    expect(items[0]?.classes()).toContain("phase-done");
    expect(items[2]?.classes()).toContain("phase-todo");
    expect(items[1]?.text()).toContain("huidige fase");
  });

  it("highlights nothing before the conversation starts", () => {
    const bar = mountBar({ current: null });
    expect(bar.find("[aria-current]").exists()).toBe(false);
    expect(bar.findAll(".phase-todo")).toHaveLength(3);
  });

  it("shows time spent against the plan in the current phase, flagged when over", () => {
    const bar = mountBar({ current: "inleiding", elapsedMinutes: 7 });
    const minutes = bar.find("[aria-current] .phase-minutes");
    expect(minutes.text()).toBe("7 van 5 min");
    expect(minutes.classes()).toContain("over-time");
  });

  it("follows the chosen language", async () => {
    const i18n = createAppI18n("en");
    const bar = mount(PhaseBar, {
      props: { phases: [...PHASES], current: "kern", elapsedMinutes: 3 },
      global: { plugins: [i18n] },
    });
    expect(bar.find("[aria-current] .phase-minutes").text()).toBe("3 of 30 min");
  });
});

import { mount } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { withI18n } from "../../test/i18n";
import PhaseBar from "./PhaseBar.vue";

const PHASES = [
  { key: "inleiding", title: "Inleiding", plannedMinutes: 5 },
  { key: "kern", title: "Kern gesprek", plannedMinutes: 30 },
  { key: "afronden", title: "Afronden", plannedMinutes: 5 },
] as const;

function mountBar(
  props: Partial<InstanceType<typeof PhaseBar>["$props"]> = {},
  locale: "nl" | "en" = "nl",
) {
  return mount(PhaseBar, {
    props: { phases: [...PHASES], current: null, ...props },
    ...withI18n(locale),
  });
}

describe("PhaseBar", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

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
    expect(items[0]?.text()).toContain("afgerond");
    expect(items[2]?.classes()).toContain("phase-todo");
    expect(items[1]?.text()).toContain("huidige fase");
  });

  it("shows a finished phase's time as it was spent, the others as planned", () => {
    const items = mountBar({
      current: "kern",
      times: {
        inleiding: { plannedMinutes: 5, actualMs: 8 * 60_000 },
        kern: { plannedMinutes: 30, actualMs: 60_000 },
      },
    }).findAll("li");
    expect(items[0]?.find(".phase-minutes").text()).toBe("✓ 8 min (gepland 5)");
    expect(items[2]?.find(".phase-minutes").text()).toBe("5 min");
  });

  it("highlights nothing before the conversation starts", () => {
    const bar = mountBar({ current: null });
    expect(bar.find("[aria-current]").exists()).toBe(false);
    expect(bar.findAll(".phase-todo")).toHaveLength(3);
    expect(bar.find("[role=timer]").exists()).toBe(false);
  });

  it("runs a timer in the current phase only, flagged when over time", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-03-03T10:07:00.000Z"));
    const bar = mountBar({ current: "inleiding", startedAt: "2026-03-03T10:00:00.000Z" });
    const timers = bar.findAll("[role=timer]");
    expect(timers).toHaveLength(1);
    expect(bar.find("[aria-current] [role=timer]").text()).toBe("7:00 / 5:00");
    expect(bar.find("[aria-current] .phase-timer").attributes("data-state")).toBe("overrun");
    // The other phases keep showing their plan.
    expect(bar.findAll(".phase-minutes").map((m) => m.text())).toEqual(["30 min", "5 min"]);
  });

  it("follows the chosen language", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-03-03T10:03:00.000Z"));
    const bar = mountBar({ current: "kern", startedAt: "2026-03-03T10:00:00.000Z" }, "en");
    expect(bar.find("[aria-current] [role=timer]").attributes("aria-label")).toBe(
      "3 of 30 minutes",
    );
    expect(bar.find(".phase-done").text()).toContain("done");
  });
});

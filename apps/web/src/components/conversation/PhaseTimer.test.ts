import { mount } from "@vue/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { nextTick } from "vue";
import { withI18n } from "../../test/i18n";
import PhaseTimer from "./PhaseTimer.vue";

const START = "2026-03-03T10:00:00.000Z";
const at = (seconds: number) => new Date(Date.parse(START) + seconds * 1000);

function mountTimer(plannedMinutes = 5, locale: "nl" | "en" = "nl") {
  return mount(PhaseTimer, { props: { startedAt: START, plannedMinutes }, ...withI18n(locale) });
}

async function tick(seconds: number) {
  vi.advanceTimersByTime(seconds * 1000);
  await nextTick();
}

describe("PhaseTimer", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("runs every second, showing time spent against the plan", async () => {
    vi.setSystemTime(at(3 * 60 + 30));
    const timer = mountTimer();
    expect(timer.find("[role=timer]").text()).toBe("3:30 / 5:00");
    expect(timer.attributes("data-state")).toBe("ok");
    expect(timer.find("[role=timer]").attributes("aria-label")).toBe("3 van 5 minuten");

    await tick(5);
    expect(timer.find("[role=timer]").text()).toBe("3:35 / 5:00");
  });

  it("warns when one minute is left, and says so once to screen readers", async () => {
    vi.setSystemTime(at(3 * 60 + 58));
    const timer = mountTimer();
    expect(timer.attributes("data-state")).toBe("ok");
    expect(timer.find("[aria-live]").text()).toBe("");

    await tick(2); // 4:00 of 5:00: exactly one minute left
    expect(timer.attributes("data-state")).toBe("warning");
    expect(timer.classes()).toContain("phase-timer-warning");
    expect(timer.find(".phase-timer-note").text()).toBe("Nog 1 minuut");
    expect(timer.find("[aria-live]").text()).toBe("Nog één minuut voor deze fase.");

    await tick(59); // 4:59: still a warning, not yet over
    expect(timer.attributes("data-state")).toBe("warning");
  });

  it("shows the overrun once the planned time has passed", async () => {
    vi.setSystemTime(at(5 * 60));
    const timer = mountTimer();
    expect(timer.attributes("data-state")).toBe("warning");

    await tick(1);
    expect(timer.attributes("data-state")).toBe("overrun");
    expect(timer.find(".phase-timer-note").text()).toBe("0:01 over tijd");
    expect(timer.find("[aria-live]").text()).toBe("De geplande tijd voor deze fase is om.");

    await tick(2 * 60 + 4);
    expect(timer.find("[role=timer]").text()).toBe("7:05 / 5:00");
    expect(timer.find(".phase-timer-note").text()).toBe("2:05 over tijd");
  });

  it("never counts below zero when the device clock runs behind the server", () => {
    vi.setSystemTime(at(-20));
    const timer = mountTimer();
    expect(timer.find("[role=timer]").text()).toBe("0:00 / 5:00");
  });

  it("follows the chosen language", async () => {
    vi.setSystemTime(at(30 * 60 + 10));
    const timer = mountTimer(30, "en");
    expect(timer.find(".phase-timer-note").text()).toBe("0:10 over time");
  });
});

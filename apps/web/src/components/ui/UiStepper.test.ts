import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import UiStepper, { type StepperItem } from "./UiStepper.vue";

const ITEMS: StepperItem[] = [
  {
    key: "a",
    label: "Eerste fase",
    state: "done",
    time: "4 min (gepland 5)",
    attrs: { "data-phase": "a" },
    children: [{ key: "a1", label: "Welkom", state: "done" }],
  },
  {
    key: "b",
    label: "Tweede fase",
    state: "current",
    time: "30 min",
    children: [
      { key: "b1", label: "Terugblik", state: "current", labelClass: "section-button" },
      { key: "b2", label: "Praktisch", state: "upcoming" },
    ],
  },
];

describe("UiStepper", () => {
  it("lists steps and sub-steps with their state, time and attributes", () => {
    const stepper = mount(UiStepper, {
      props: { items: ITEMS, label: "Stappen", currentText: "nu", doneText: "klaar" },
    });
    expect(stepper.find("ol").attributes("aria-label")).toBe("Stappen");
    expect(stepper.find('[data-phase="a"]').classes()).toContain("ui-step-done");
    expect(stepper.find('[data-phase="a"] .ui-step-time').text()).toBe("4 min (gepland 5)");
    const current = stepper.findAll('[aria-current="step"]').map((el) => el.text());
    expect(current).toEqual(["Tweede fase (nu)", "Terugblik (nu)"]);
    expect(stepper.find("button").exists()).toBe(false);
  });

  it("lets a sub-step be chosen, marks the chosen one, and puts an action beside a step", async () => {
    const stepper = mount(UiStepper, {
      props: { items: ITEMS, label: "Stappen", selectable: true, selectedKey: "b2" },
      slots: {
        action: '<template #action="{ item }"><i class="act">{{ item.key }}</i></template>',
      },
    });
    // Only the sub-steps are buttons unless groups are selectable too.
    const buttons = stepper.findAll("button");
    expect(buttons.map((b) => b.text())).toEqual(["Welkom", "Terugblik", "Praktisch"]);
    expect(buttons[1]?.classes()).toContain("section-button");
    expect(buttons[2]?.attributes("aria-pressed")).toBe("true");
    await buttons[0]?.trigger("click");
    expect(stepper.emitted("select")).toEqual([["a1"]]);
    expect(stepper.findAll(".act").map((a) => a.text())).toEqual(["a", "a1", "b", "b1", "b2"]);
  });
});

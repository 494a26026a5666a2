import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import { withI18n } from "../../test/i18n";
import GuidePanel from "./GuidePanel.vue";

const section = (key: string, title: string) => ({
  key,
  title,
  goal: `Doel van ${title}`,
  tip: null,
  exampleQuestionsLabel: null,
  exampleQuestions: [],
});
const PHASES = [
  {
    key: "inleiding" as const,
    title: "Inleiding",
    plannedMinutes: 5,
    goal: "",
    sections: [section("welkom", "Welkom"), section("gespreksdoel", "Gespreksdoel aanvullen")],
  },
  {
    key: "kern" as const,
    title: "Kern gesprek",
    plannedMinutes: 30,
    goal: "",
    sections: [section("praktisch", "Praktisch")],
  },
];

function mountPanel(props: Partial<InstanceType<typeof GuidePanel>["$props"]> = {}) {
  return mount(GuidePanel, {
    props: {
      phases: PHASES,
      currentPhase: "inleiding",
      currentKey: "welkom",
      viewingKey: "welkom",
      canMove: false,
      ...props,
    },
    attachTo: document.body,
    ...withI18n(),
  });
}

describe("GuidePanel", () => {
  it("shows the current section, marked as now", () => {
    const panel = mountPanel();
    expect(panel.find(".section-guide h2").text()).toBe("Welkom");
    expect(panel.find(".section-guide .now-badge").exists()).toBe(true);
    expect(panel.find(".peek-bar").exists()).toBe(false);
  });

  it("lets anyone look at another section on their own device, and go back", async () => {
    const panel = mountPanel();
    await panel.find("[data-section=praktisch] .section-button").trigger("click");
    expect(panel.emitted("view")).toEqual([["praktisch"]]);
    expect(panel.emitted("move")).toBeUndefined();

    await panel.setProps({ viewingKey: "praktisch" });
    expect(panel.find(".section-guide h2").text()).toBe("Praktisch");
    expect(panel.find(".peek-bar").text()).toContain("Het gesprek is bij: Welkom.");
    await panel.find("[data-action=back-to-current]").trigger("click");
    expect(panel.emitted("view")?.at(-1)).toEqual([null]);
  });

  it("gives the supervisor a way to move everyone within the current phase only", async () => {
    const panel = mountPanel({ canMove: true });
    const moveButtons = panel.findAll(".section-move");
    expect(moveButtons.map((b) => b.element.closest("li")?.dataset.section)).toEqual([
      "gespreksdoel",
    ]);
    expect(moveButtons[0]?.text()).toContain("Hierheen");
    await moveButtons[0]?.trigger("click");
    expect(panel.emitted("move")).toEqual([["gespreksdoel"]]);
  });
});

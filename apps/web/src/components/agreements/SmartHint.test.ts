import type { AgreementDraft } from "@driehoek/domain";
import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import { withI18n } from "../../test/i18n";
import SmartHint from "./SmartHint.vue";

const TODAY = "2026-03-03";
const EMPTY: AgreementDraft = {
  text: "",
  owner: null,
  dueDate: null,
  measure: "",
  firstStep: "",
  werkproces: null,
};

function missingLetters(wrapper: ReturnType<typeof mount>) {
  return wrapper.findAll(".smart-missing").map((li) => li.attributes("data-letter"));
}

describe("SmartHint", () => {
  it("says per letter what is missing", () => {
    const hint = mount(SmartHint, { props: { draft: EMPTY, today: TODAY }, ...withI18n() });
    expect(missingLetters(hint)).toEqual(["S", "M", "A", "R", "T"]);
    expect(hint.find(".smart-summary").text()).toBe("SMART: 0 van 5 in orde.");
    expect(hint.find("[data-letter=M] .smart-text").text()).toBe(
      "Meetbaar: Vul in hoe we weten dat het gelukt is.",
    );
    expect(hint.find("[data-letter=A] .smart-text").text()).toContain(
      "Kies wie de afspraak uitvoert.",
    );
  });

  it("updates when the fields change", async () => {
    const hint = mount(SmartHint, { props: { draft: EMPTY, today: TODAY }, ...withI18n() });
    await hint.setProps({
      draft: { ...EMPTY, text: "Ik presenteer mijn project", owner: "student" },
    });
    expect(missingLetters(hint)).toEqual(["M", "R", "T"]);
    expect(hint.find("[data-letter=S] .smart-text").text()).toBe("Specifiek: in orde");

    await hint.setProps({
      draft: {
        ...EMPTY,
        text: "Ik presenteer mijn project",
        owner: "student",
        measure: "Het team heeft feedback gegeven",
        firstStep: "Datum prikken met mijn praktijkopleider",
        dueDate: "2026-02-01",
      },
    });
    expect(missingLetters(hint)).toEqual(["T"]);
    expect(hint.find("[data-letter=T] .smart-text").text()).toContain("Kies een datum na vandaag.");

    await hint.setProps({
      draft: {
        ...EMPTY,
        text: "Ik presenteer mijn project",
        owner: "student",
        measure: "Het team heeft feedback gegeven",
        firstStep: "Datum prikken met mijn praktijkopleider",
        dueDate: "2026-04-15",
      },
    });
    expect(missingLetters(hint)).toEqual([]);
    expect(hint.find(".smart-summary").text()).toBe("SMART: alles ingevuld.");
    // Always five rows, so nothing moves as letters are met.
    expect(hint.findAll("li")).toHaveLength(5);
  });

  it("speaks English when chosen", () => {
    const hint = mount(SmartHint, { props: { draft: EMPTY, today: TODAY }, ...withI18n("en") });
    expect(hint.find("[data-letter=T] .smart-text").text()).toBe(
      "Time-bound: Choose a date by which it is done.",
    );
  });
});

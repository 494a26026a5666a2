import { findSection, type Locale } from "@driehoek/domain";
import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import { withI18n } from "../../test/i18n";
import SectionGuide from "./SectionGuide.vue";

/** A section of the guide as the API sends it, in one language. */
function apiSection(key: string, locale: Locale = "nl") {
  const found = findSection(key);
  if (!found) throw new Error(`no section ${key}`);
  const { section } = found;
  return {
    key,
    title: section.title[locale],
    goal: section.goal[locale],
    tip: section.tip?.[locale] ?? null,
    exampleQuestionsLabel: section.exampleQuestionsLabel?.[locale] ?? null,
    exampleQuestions: section.exampleQuestions.map((q) => q[locale]),
  };
}

const mountSection = (key: string, locale: Locale = "nl") =>
  mount(SectionGuide, {
    props: { section: apiSection(key, locale), phaseTitle: "Fase" },
    ...withI18n(locale),
  });

describe("SectionGuide", () => {
  it("labels each list as the guide does, '/-opmerkingen' included", () => {
    expect(mountSection("procesafspraken").get("h3").text()).toBe("Voorbeeldvragen/-opmerkingen");
    expect(mountSection("gespreksdoel").get("h3").text()).toBe("Voorbeeldvragen");
    expect(mountSection("procesafspraken", "en").get("h3").text()).toBe(
      "Example questions/remarks",
    );
  });

  it("shows Archivering's four steps as numbered steps under its title, not as questions", () => {
    const archiving = mountSection("archivering");
    expect(archiving.text()).not.toContain("Voorbeeldvragen");
    expect(archiving.find("ul").exists()).toBe(false);
    const steps = archiving.get("ol.steps");
    expect(steps.attributes("aria-labelledby")).toBe("section-heading");
    expect(archiving.get("#section-heading").text()).toBe(
      "Archivering handtekeningen of digitaal akkoord",
    );
    expect(steps.findAll("li").map((li) => li.text())).toEqual([
      "Ondertekenen gespreksformulier BPV",
      "Uploaden of printen gespreksformulier BPV",
      "Invoeren rapportage in het digitale studentsysteem.",
      "Bijzonderheden terugkoppelen aan trajectbegeleider/onderwijsteam.",
    ]);
  });
});

import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { apiIntro } from "../../test/guideIntro";
import { withI18n } from "../../test/i18n";
import GuideIntro from "./GuideIntro.vue";
import GuideIntroDialog from "./GuideIntroDialog.vue";

describe("GuideIntro", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("shows the guide's opening in its own words: why, how often and how long, how to prepare, what is good", () => {
    const intro = mount(GuideIntro, { props: { intro: apiIntro() }, ...withI18n() });
    expect(intro.get("h2").text()).toBe("BPV-gesprek");
    expect(intro.findAll("h3").map((h) => h.text())).toEqual([
      "Doel BPV- gesprek",
      "Gesprekspartners, frequentie en tijdsduur",
      "Voorbereiding gesprek",
      "Kenmerken van een goed BPV-gesprek",
    ]);
    expect(intro.text()).toContain(
      "Het volgen van en rapporteren over jouw voortgang tijdens de Beroepspraktijkvorming (BPV).",
    );
    expect(intro.text()).toContain("Een driehoeksgesprek duurt ca. 40 minuten");
    expect(intro.text()).toContain("Je BPV-begeleider controleert of je een geldige POK hebt");
    expect(intro.findAll("li").map((li) => li.text())).toEqual([
      "Jij bent ca. 70% aan het woord.",
      "Jouw praktijkervaringen/portfolio/studievoortgang zijn leidend.",
      "De BPV-begeleider leidt het gesprek, maar luistert vooral.",
      "De BPV-begeleider maakt concrete afspraken met jou en je praktijkopleider.",
    ]);
  });

  it("speaks English on an English page", () => {
    const intro = mount(GuideIntro, { props: { intro: apiIntro("en") }, ...withI18n("en") });
    expect(intro.findAll("h3")[3]?.text()).toBe("Characteristics of a good BPV conversation");
    expect(intro.text()).toContain("You do about 70% of the talking.");
    expect(intro.text()).not.toContain("aan het woord");
  });

  it("is one tap away during the conversation, in a dialog that closes again", async () => {
    const dialog = mount(GuideIntroDialog, {
      props: { intro: apiIntro() },
      attachTo: document.body,
      ...withI18n(),
    });
    const shown = () => document.body.querySelector<HTMLElement>("[role=dialog]");
    const button = dialog.get("button.about-button");
    expect(button.text()).toContain("Over dit gesprek");
    expect(button.attributes("aria-haspopup")).toBe("dialog");
    expect(shown()).toBeNull();

    await button.trigger("click");
    await flushPromises();
    const titleId = shown()?.getAttribute("aria-labelledby") ?? "";
    expect(document.getElementById(titleId)?.textContent).toBe("BPV-gesprek");
    expect(shown()?.textContent).toContain(
      "De BPV-begeleider leidt het gesprek, maar luistert vooral.",
    );

    [...(shown()?.querySelectorAll("button") ?? [])]
      .find((b) => b.textContent?.trim() === "Sluiten")
      ?.click();
    await flushPromises();
    expect(shown()).toBeNull();
  });
});

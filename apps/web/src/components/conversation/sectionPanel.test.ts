import { GUIDE, SECTION_KEYS } from "@driehoek/domain";
import { describe, expect, it } from "vitest";
import { followsConversation, OWN_CHOICE_MS, panelForSection } from "./sectionPanel";

describe("the part of the page a section brings forward", () => {
  it("is the work the guide does there, and the guide everywhere else", () => {
    const byTitle = Object.fromEntries(
      GUIDE.flatMap((phase) => phase.sections).map((s) => [s.title.nl, panelForSection(s.key)]),
    );
    expect(byTitle).toEqual({
      Welkom: "guide",
      "Gespreksdoel aanvullen": "guide",
      Procesafspraken: "guide",
      "Afspraken vorig bijeenkomst BPV-gesprek": "review",
      "Studievoortgang portfolio/werkprocessen": "guide",
      "Sociaal-/communicatieve competenties": "guide",
      "Vaktechnische competenties": "guide",
      "Loopbaan-oriëntatie/toekomst": "guide",
      Praktisch: "guide",
      "Gesprek kort samenvatten": "summary",
      Conclusie: "guide",
      "Nieuwe afspraken maken": "agreements",
      "Archivering handtekeningen of digitaal akkoord": "signoff",
    });
    expect(Object.keys(byTitle)).toHaveLength(SECTION_KEYS.length);
    expect(panelForSection("onbekend")).toBe("guide");
  });

  it("follows the conversation unless the person chose a tab in the last minute", () => {
    const now = 1_000_000;
    expect(followsConversation(null, now)).toBe(true);
    expect(followsConversation(now - 5_000, now)).toBe(false);
    expect(followsConversation(now - OWN_CHOICE_MS + 1, now)).toBe(false);
    expect(followsConversation(now - OWN_CHOICE_MS, now)).toBe(true);
  });
});

describe("the phone's tabs", () => {
  it("are at most four, with the review among the agreements and the sign-off with the guide", async () => {
    const { PHONE_TABS, tabForTarget } = await import("./sectionPanel");
    expect(PHONE_TABS.length).toBeLessThanOrEqual(4);
    expect(tabForTarget("review")).toBe("agreements");
    expect(tabForTarget("signoff")).toBe("guide");
    expect(tabForTarget("summary")).toBe("summary");
    expect(tabForTarget("notes")).toBe("notes");
  });
});

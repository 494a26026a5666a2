import { GUIDE_INTRO, PREPARATION_TASKS } from "@driehoek/domain";
import { describe, expect, it } from "vitest";
import { testDatabases } from "../support/database.js";
import { codeOf } from "../support/server.js";
import { useSchoolServer } from "../support/suite.js";

const INTRO = `query($locale: String!) {
  guideIntro(locale: $locale) {
    title
    purpose { heading text }
    frequency { heading text }
    preparation { heading text }
    characteristicsHeading
    characteristics
    preparationTasks { role tasks }
  }
}`;
const LABELS = `query($locale: String!) {
  guide(locale: $locale) { sections { key exampleQuestionsLabel exampleQuestions } }
}`;

// The guide holds no personal data: one database is enough.
describe.each(testDatabases().slice(0, 1))("the guide's opening on %s", (kind) => {
  const suite = useSchoolServer(kind);

  it("is public, in the guide's Dutch words and in English", async () => {
    for (const locale of ["nl", "en"] as const) {
      const result = await suite.server.gql(INTRO, { locale });
      expect(result.errors).toBeUndefined();
      const intro = result.data?.guideIntro;
      expect(intro.purpose).toEqual({
        heading: GUIDE_INTRO.purpose.heading[locale],
        text: GUIDE_INTRO.purpose.text[locale],
      });
      expect(intro.frequency.text).toBe(GUIDE_INTRO.frequency.text[locale]);
      expect(intro.preparation.text).toBe(GUIDE_INTRO.preparation.text[locale]);
      expect(intro.characteristics).toHaveLength(4);
      expect(intro.preparationTasks.map((p: { role: string }) => p.role)).toEqual([
        "student",
        "praktijkopleider",
        "bpv_begeleider",
      ]);
      expect(intro.preparationTasks[2].tasks).toEqual(
        PREPARATION_TASKS.bpv_begeleider.map((task) => task[locale]),
      );
    }
    const nl = (await suite.server.gql(INTRO, { locale: "nl" })).data?.guideIntro;
    expect(nl.characteristics).toContain("Jij bent ca. 70% aan het woord.");
    expect(nl.characteristics).toContain(
      "De BPV-begeleider leidt het gesprek, maar luistert vooral.",
    );
  });

  it("labels each list as the guide does: steps have no 'Voorbeeldvragen'", async () => {
    const result = await suite.server.gql(LABELS, { locale: "nl" });
    expect(result.errors).toBeUndefined();
    const sections = result.data?.guide.flatMap((p: { sections: unknown[] }) => p.sections);
    const label = (key: string) =>
      sections.find((s: { key: string }) => s.key === key)?.exampleQuestionsLabel;
    expect(label("procesafspraken")).toBe("Voorbeeldvragen/-opmerkingen");
    expect(label("gespreksdoel")).toBe("Voorbeeldvragen");
    expect(label("archivering")).toBeNull();
  });

  it("refuses an unknown language with a clear error", async () => {
    const result = await suite.server.gql(INTRO, { locale: "fr" });
    expect(codeOf(result)).toBe("BAD_USER_INPUT");
  });
});

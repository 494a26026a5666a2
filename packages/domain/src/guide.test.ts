import { describe, expect, it } from "vitest";
import {
  ARCHIVING_SECTION_KEY,
  CONCLUSION_SECTION_KEY,
  findSection,
  GUIDE,
  getPhase,
  isPhaseKey,
  NEW_AGREEMENTS_SECTION_KEY,
  PHASE_KEYS,
  PREVIOUS_AGREEMENTS_SECTION_KEY,
  SECTION_KEYS,
  SUMMARY_SECTION_KEY,
} from "./guide.js";

describe("GUIDE structure", () => {
  it("has the three phases in order, planned 5, 30 and 5 minutes", () => {
    expect(GUIDE.map((p) => p.key)).toEqual(["inleiding", "kern", "afronden"]);
    expect(GUIDE.map((p) => p.key)).toEqual([...PHASE_KEYS]);
    expect(GUIDE.map((p) => p.plannedMinutes)).toEqual([5, 30, 5]);
    expect(GUIDE.reduce((sum, phase) => sum + phase.plannedMinutes, 0)).toBe(40);
  });

  it("titles the phases as the guide does", () => {
    expect(GUIDE.map((p) => p.title.nl)).toEqual(["Inleiding", "Kern gesprek", "Afronden"]);
    expect(GUIDE.map((p) => p.title.en)).toEqual([
      "Introduction",
      "Core of the conversation",
      "Closing",
    ]);
  });

  it("has 3, 6 and 4 sections with stable keys in the guide's order", () => {
    expect(GUIDE.map((p) => p.sections.length)).toEqual([3, 6, 4]);
    expect(SECTION_KEYS).toEqual([
      "welkom",
      "gespreksdoel",
      "procesafspraken",
      "afspraken-vorige",
      "studievoortgang",
      "sociaal-communicatief",
      "vaktechnisch",
      "loopbaan",
      "praktisch",
      "samenvatten",
      "conclusie",
      "nieuwe-afspraken",
      "archivering",
    ]);
  });

  it("uses unique kebab-case section keys", () => {
    expect(new Set(SECTION_KEYS).size).toBe(SECTION_KEYS.length);
    for (const key of SECTION_KEYS) expect(key).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it("titles the sections as the guide does, line breaks joined", () => {
    expect(GUIDE.flatMap((p) => p.sections.map((s) => s.title.nl))).toEqual([
      "Welkom",
      "Gespreksdoel aanvullen",
      "Procesafspraken",
      "Afspraken vorig bijeenkomst BPV-gesprek",
      "Studievoortgang portfolio/werkprocessen",
      "Sociaal-/communicatieve competenties",
      "Vaktechnische competenties",
      "Loopbaan-oriëntatie/toekomst",
      "Praktisch",
      "Gesprek kort samenvatten",
      "Conclusie",
      "Nieuwe afspraken maken",
      "Archivering handtekeningen of digitaal akkoord",
    ]);
  });

  it("gives each section its own goal or the goal of its part of the phase", () => {
    const goalOf = (key: string) => findSection(key)?.section.goal.nl;
    expect(goalOf("welkom")).toBe("warm welkom en relatie.");
    expect(goalOf("gespreksdoel")).toBe("warm welkom en relatie.");
    expect(goalOf("procesafspraken")).toBe("bespreken hoe het gesprek zal verlopen");
    expect(goalOf("afspraken-vorige")).toBe("structuur aanbrengen in het gesprek.");
    for (const key of [
      "studievoortgang",
      "sociaal-communicatief",
      "vaktechnisch",
      "loopbaan",
      "praktisch",
    ]) {
      expect(goalOf(key), key).toBe(
        "in beeld brengen hoe het met (de ontwikkeling van) de student gaat.",
      );
    }
    for (const key of ["samenvatten", "conclusie", "nieuwe-afspraken", "archivering"]) {
      expect(goalOf(key), key).toBe("gesprek afronden.");
    }
    expect(getPhase("kern").goal.nl).toBe("structuur aanbrengen in het gesprek.");
  });

  it("keeps the guide's tips on the right sections", () => {
    const tips = Object.fromEntries(
      GUIDE.flatMap((p) => p.sections).map((s) => [s.key, s.tip?.nl ?? null]),
    );
    expect(tips).toEqual({
      welkom: null,
      gespreksdoel: null,
      procesafspraken: null,
      "afspraken-vorige": null,
      studievoortgang: "het portfolio of voortgangsoverzicht op tafel of scherm",
      "sociaal-communicatief": "hierbij kun je de L&B-criteria gebruiken",
      vaktechnisch:
        "vraag de student naar een opdracht/bewijskaart/klus waar hij of zij trots op is",
      loopbaan: null,
      praktisch: null,
      samenvatten: null,
      conclusie: null,
      "nieuwe-afspraken": "maak de afspraken zo concreet mogelijk (SMART)",
      archivering: null,
    });
  });

  it("has the guide's number of example questions per section", () => {
    const counts = GUIDE.flatMap((p) => p.sections.map((s) => s.exampleQuestions.length));
    expect(counts).toEqual([0, 4, 3, 3, 4, 5, 4, 7, 2, 3, 0, 4, 4]);
  });

  it("keeps example questions verbatim, odd punctuation included", () => {
    const questions = (key: string) => findSection(key)?.section.exampleQuestions.map((q) => q.nl);
    expect(questions("gespreksdoel")).toEqual([
      "Mijn doelstelling vanuit Curio is…..",
      "Welke gespreksdoelen heb jij (student)?",
      "Welke gespreksdoelen heeft u (praktijkopleider) ?",
      "Wanneer zijn jullie aan het einde van dit gesprek tevreden?",
    ]);
    expect(questions("sociaal-communicatief")?.[0]).toBe(
      "Hoe is het contact met je collega’s/praktijkopleider/klanten?",
    );
    expect(questions("samenvatten")?.[2]).toBe(
      "Ik wil graag het gesprek gaan afronden. Als ik het goed begrepen heb, ……",
    );
    expect(questions("procesafspraken")?.[2]).toBe(
      "Ik ben gewend om me voornamelijk te richten op de student en aanvulling te vragen aan de praktijkopleider. Is dat voor jullie akkoord?",
    );
  });

  it("lists Archivering's four steps and leaves the conclusion options to CONCLUSIONS", () => {
    const archiving = findSection(ARCHIVING_SECTION_KEY)?.section;
    expect(archiving?.exampleQuestions.map((q) => q.nl)).toEqual([
      "Ondertekenen gespreksformulier BPV",
      "Uploaden of printen gespreksformulier BPV",
      "Invoeren rapportage in het digitale studentsysteem.",
      "Bijzonderheden terugkoppelen aan trajectbegeleider/onderwijsteam.",
    ]);
    expect(archiving?.exampleQuestionsLabel).toBeNull();
    expect(findSection(CONCLUSION_SECTION_KEY)?.section.exampleQuestions).toEqual([]);
  });

  it("labels the lists as the guide does", () => {
    const labels = GUIDE.flatMap((p) => p.sections).map((s) => s.exampleQuestionsLabel?.nl);
    expect(labels).toEqual([
      undefined,
      "Voorbeeldvragen",
      "Voorbeeldvragen/-opmerkingen",
      "Voorbeeldvragen",
      "Voorbeeldvragen",
      "Voorbeeldvragen",
      "Voorbeeldvragen",
      "Voorbeeldvragen",
      "Voorbeeldvragen",
      "Voorbeeldvragen",
      undefined,
      "Voorbeeldvragen",
      undefined,
    ]);
  });
});

describe("guide lookups", () => {
  it("getPhase returns the phase with that key", () => {
    expect(getPhase("kern").plannedMinutes).toBe(30);
    expect(getPhase("afronden").sections.at(-1)?.key).toBe("archivering");
  });

  it("isPhaseKey narrows only the three phase keys", () => {
    expect(isPhaseKey("inleiding")).toBe(true);
    expect(isPhaseKey("kern")).toBe(true);
    expect(isPhaseKey("afronden")).toBe(true);
    expect(isPhaseKey("Kern")).toBe(false);
    expect(isPhaseKey("welkom")).toBe(false);
    expect(isPhaseKey("")).toBe(false);
  });

  it("findSection returns the section with its phase", () => {
    const found = findSection("loopbaan");
    expect(found?.phase.key).toBe("kern");
    expect(found?.section.title.nl).toBe("Loopbaan-oriëntatie/toekomst");
    expect(findSection("samenvatten")?.phase.key).toBe("afronden");
    expect(findSection("nope")).toBeUndefined();
    expect(findSection("kern")).toBeUndefined();
    expect(findSection("Praktisch")).toBeUndefined();
  });

  it("names the sections other code relies on, and they exist", () => {
    expect(findSection(PREVIOUS_AGREEMENTS_SECTION_KEY)?.phase.key).toBe("kern");
    expect(findSection(SUMMARY_SECTION_KEY)?.phase.key).toBe("afronden");
    expect(findSection(CONCLUSION_SECTION_KEY)?.phase.key).toBe("afronden");
    expect(findSection(NEW_AGREEMENTS_SECTION_KEY)?.phase.key).toBe("afronden");
    expect(findSection(ARCHIVING_SECTION_KEY)?.phase.key).toBe("afronden");
  });
});

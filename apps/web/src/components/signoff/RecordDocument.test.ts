import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import { withI18n } from "../../test/i18n";
import RecordDocument from "./RecordDocument.vue";
import type { RecordContent } from "./record";
import { makeRecord } from "./testRecord";

const FULL = makeRecord({
  review: [
    { agreementId: "old1", text: "Dossier bijwerken", status: "partly", needed: "Meer tijd" },
  ],
  notes: [
    { section: "welkom", text: "Rustig begonnen." },
    { section: "vaktechnisch", text: "Wondzorg gaat goed." },
  ],
  summary: "Ik loop goed mee.\nVolgende keer meer zelfstandig.",
  conclusion: {
    value: "op_schema",
    motivation: "Werkprocessen op tijd.",
    studentValue: "voor",
    studentMotivation: "Ik doe al meer dan gevraagd.",
  },
  agreements: [
    {
      id: "a1",
      text: "Zelfstandig een ochtendronde doen",
      owner: "student",
      dueDate: "2026-04-15",
      measure: "Praktijkopleider geeft feedback",
      firstStep: "Rooster bekijken",
      werkproces: "B1-K1-W2",
    },
  ],
  particulars: [{ text: "Zorgen over reistijd." }],
});

function mountDocument(record: RecordContent, showEmpty = false, locale: "nl" | "en" = "nl") {
  return mount(RecordDocument, {
    props: { record, level: 2, showEmpty },
    slots: { archiving: "<p data-test=archiving>handtekeningen</p>" },
    ...withI18n(locale),
  });
}

const sectionText = (doc: ReturnType<typeof mountDocument>, key: string) =>
  doc.find(`[data-section="${key}"]`).text();

describe("RecordDocument", () => {
  it("follows the guide: its phases in order, each with its sections", () => {
    const doc = mountDocument(FULL, true);
    expect(doc.findAll("h2").map((h) => h.text())).toEqual([
      "Controle POK",
      "Inleiding",
      "Kern gesprek",
      "Afronden",
      "Bijzonderheden",
    ]);
    expect(doc.findAll("[data-phase=afronden] h3").map((h) => h.text())).toEqual([
      "Gesprek kort samenvatten",
      "Conclusie",
      "Nieuwe afspraken maken",
      "Archivering handtekeningen of digitaal akkoord",
    ]);
    expect(sectionText(doc, "archivering")).toContain("handtekeningen");
  });

  it("keeps the praktijkopleider's goals beside the student's in Gespreksdoel aanvullen", () => {
    const doc = mountDocument(
      makeRecord({
        notes: [
          { section: "gespreksdoel", text: "Feedback op mijn code." },
          { section: "gespreksdoel-praktijkopleider", text: "Werktempo bespreken." },
        ],
      }),
    );
    const section = sectionText(doc, "gespreksdoel");
    expect(section).toContain("Feedback op mijn code.");
    expect(section).toContain("Gespreksdoelen van de praktijkopleider: Werktempo bespreken.");
  });

  it("shows who, when and what was written where", () => {
    const doc = mountDocument(FULL);
    expect(doc.text()).toContain("Sanne de Vries (studentnummer 100234, cohort 2024)");
    expect(doc.text()).toContain("Praktijkopleider");
    expect(doc.text()).toContain("Peter Jansen");
    // The same words and dates as the PDF: the date in full, the mode as the screen names it.
    expect(doc.text()).toContain("3 maart 2026 10:30");
    expect(doc.text()).toContain("Op locatie");
    expect(sectionText(doc, "welkom")).toContain("Rustig begonnen.");
    expect(sectionText(doc, "vaktechnisch")).toContain("Wondzorg gaat goed.");
    expect(sectionText(doc, "afspraken-vorige")).toContain(
      "Dossier bijwerken — Deels. Nodig: Meer tijd",
    );
    expect(doc.find("[data-field=summary]").text()).toBe(
      "Ik loop goed mee.\nVolgende keer meer zelfstandig.",
    );
    const conclusion = sectionText(doc, "conclusie");
    // The student's statement first, then the begeleider's judgement.
    expect(conclusion).toMatch(
      /Conclusie van de student\s*Ik loop voor \(boven de nominale lijn\).*Oordeel BPV-begeleider\s*Ik loop op schema \(op de nominale lijn\)/,
    );
    const agreement = doc.find("[data-agreement]").text();
    expect(agreement).toContain("Zelfstandig een ochtendronde doen");
    expect(agreement).toContain("Student");
    expect(agreement).toContain("15 april 2026");
    expect(agreement).toContain("B1-K1-W2");
    expect(doc.find("[data-part=particulars]").text()).toContain("Zorgen over reistijd.");
  });

  it("on screen leaves out sections with nothing noted, but keeps what is signed for", () => {
    const doc = mountDocument(makeRecord());
    const shown = doc.findAll("[data-section]").map((s) => s.attributes("data-section"));
    expect(shown).toEqual(["samenvatten", "conclusie", "nieuwe-afspraken"]);
    expect(doc.text()).toContain("Nog geen samenvatting.");
    expect(doc.text()).toContain("Nog geen conclusie.");
    expect(doc.text()).toContain("Geen nieuwe afspraken.");
  });

  it("reports an invalid POK with its reasons", () => {
    const doc = mountDocument(
      makeRecord({
        pok: { number: "POK-9", isValid: false, problems: ["expired"], checkedOn: "2026-03-03" },
      }),
      false,
      "en",
    );
    const pok = doc.find("[data-part=pok]").text();
    expect(pok).toContain("Not valid on 3 March 2026");
    expect(pok).toContain("POK-9");
    expect(pok).toContain("The placement agreement (POK) has passed its end date.");
  });

  it("shows per phase and per section the time spent beside the planned, never the planned alone", () => {
    const t = (minute: number) =>
      new Date(Date.UTC(2026, 2, 3, 9, 31) + minute * 60_000).toISOString();
    const timed = makeRecord({
      endedAt: t(38),
      times: {
        phases: [
          { phase: "inleiding", startedAt: t(0), endedAt: t(4) },
          { phase: "kern", startedAt: t(4), endedAt: t(31) },
          { phase: "afronden", startedAt: t(31), endedAt: t(38) },
        ],
        sections: [
          { phase: "inleiding", section: "welkom", startedAt: t(0), endedAt: t(0.5) },
          { phase: "inleiding", section: "gespreksdoel", startedAt: t(0.5), endedAt: t(4) },
          { phase: "kern", section: "afspraken-vorige", startedAt: t(4), endedAt: t(12) },
          { phase: "kern", section: "vaktechnisch", startedAt: t(12), endedAt: t(31) },
          { phase: "afronden", section: "samenvatten", startedAt: t(31), endedAt: t(38) },
        ],
      },
      notes: [{ section: "vaktechnisch", text: "Wondzorg gaat goed." }],
    });
    const doc = mountDocument(timed, true);
    expect(doc.findAll("[data-phase-time]").map((row) => row.text())).toEqual([
      "Inleiding 4 min (gepland 5)",
      "Kern 27 min (gepland 30)",
      "Afronden 7 min (gepland 5)",
      "Totaal 38 min (gepland 40)",
    ]);
    expect(doc.find("[data-phase=kern] h2").text()).toBe("Kern gesprek 27 min (gepland 30)");
    expect(doc.find("[data-section=welkom] h3").text()).toBe("Welkom < 1 min (gepland 1)");
    expect(doc.find("[data-section=vaktechnisch] h3").text()).toBe(
      "Vaktechnische competenties 19 min (gepland 5)",
    );
    expect(doc.find("[data-section=praktisch] h3").text()).toBe("Praktisch — (gepland 5)");
    expect(doc.text()).not.toContain("(30 min)");

    const english = mountDocument(timed, true, "en");
    expect(english.find("[data-phase-time=kern]").text()).toBe("Core 27 min (planned 30)");
  });
});

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
      "Inleiding (5 min)",
      "Kern gesprek (30 min)",
      "Afronden (5 min)",
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
    expect(agreement).toContain("15 apr 2026");
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
    expect(pok).toContain("Not valid on 3 Mar 2026");
    expect(pok).toContain("POK-9");
    expect(pok).toContain("The placement agreement (POK) has passed its end date.");
  });
});

// Checks the guide data against the school's original text (test/fixtures, a copy of
// shared/seeds/000_1323dcb524e1f3a3.txt), so a typo fixed or a question lost shows up here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONCLUSION_LABELS, CONCLUSIONS } from "./conclusion.js";
import { GUIDE } from "./guide.js";
import { GUIDE_INTRO } from "./guide-intro.js";
import type { LocalizedText } from "./i18n.js";

const seed = readFileSync(
  new URL("../test/fixtures/leidraad-bpv-gesprek.txt", import.meta.url),
  "utf8",
);
const lines = seed.split("\n");
const guideStart = lines.findIndex((line) => line.trim() === "Leidraad BPV-gesprek");

/**
 * The seed's bullets ("• ..."), each with its continuation lines: an indented line right after a
 * bullet continues it, except the page-break marker "Vervolg".
 */
function bulletsIn(part: string[]): string[] {
  const bullets: string[] = [];
  let current: string | null = null;
  for (const line of part) {
    if (line.startsWith("•")) {
      if (current !== null) bullets.push(current);
      current = line.slice(1).trim();
    } else if (current !== null && /^\s+\S/.test(line) && line.trim() !== "Vervolg") {
      current = `${current} ${line.trim()}`;
    } else {
      if (current !== null) bullets.push(current);
      current = null;
    }
  }
  if (current !== null) bullets.push(current);
  return bullets;
}

/** Every {nl, en} object found anywhere inside `value`. */
function localizedTexts(value: unknown): LocalizedText[] {
  if (Array.isArray(value)) return value.flatMap(localizedTexts);
  if (value === null || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  if (typeof record.nl === "string" && typeof record.en === "string") {
    return [record as unknown as LocalizedText];
  }
  return Object.values(record).flatMap(localizedTexts);
}

const withoutWhitespace = (text: string) => text.replace(/\s+/g, "");
const allExampleQuestions = GUIDE.flatMap((p) =>
  p.sections.flatMap((s) => s.exampleQuestions.map((q) => q.nl)),
);

describe("the guide matches the school's text", () => {
  it("has every bullet of the leidraad, in order, as an example question or step", () => {
    const seedBullets = bulletsIn(lines.slice(guideStart));
    expect(seedBullets).toHaveLength(43);
    expect(allExampleQuestions).toEqual(seedBullets);
  });

  it("has every characteristic of a good conversation, in order", () => {
    expect(GUIDE_INTRO.characteristics.items.map((i) => i.nl)).toEqual(
      bulletsIn(lines.slice(0, guideStart)),
    );
  });

  it("has every tip of the seed, in order", () => {
    const seedTips = lines.filter((l) => l.startsWith("Tip:")).map((l) => l.slice(4).trim());
    const tips = GUIDE.flatMap((p) => p.sections.flatMap((s) => (s.tip ? [s.tip.nl] : [])));
    expect(tips).toEqual(seedTips);
  });

  it("has every goal of the seed, and no other", () => {
    const seedGoals = lines
      .filter((l) => l.includes("Doel:"))
      .map((l) => l.slice(l.indexOf("Doel:") + 5).trim());
    const goals = new Set(GUIDE.flatMap((p) => [p.goal.nl, ...p.sections.map((s) => s.goal.nl)]));
    expect([...goals].sort()).toEqual([...seedGoals].sort());
  });

  it("plans the minutes the seed gives each phase", () => {
    const minutes = [...seed.matchAll(/\((\d+) min\)/g)].map((m) => Number(m[1]));
    expect(GUIDE.map((p) => p.plannedMinutes)).toEqual(minutes);
  });

  it("has the three conclusion options exactly as the seed prints them", () => {
    const conclusionBlock = withoutWhitespace(
      seed.slice(seed.indexOf("Conclusie"), seed.indexOf("Nieuwe")),
    );
    for (const conclusion of CONCLUSIONS) {
      const { title, detail } = CONCLUSION_LABELS[conclusion];
      expect(conclusionBlock).toContain(withoutWhitespace(title.nl + detail.nl));
    }
  });

  it("takes every Dutch text verbatim from the seed (apart from whitespace)", () => {
    const seedText = withoutWhitespace(seed);
    const texts = localizedTexts([GUIDE, GUIDE_INTRO, CONCLUSION_LABELS]);
    expect(texts.length).toBeGreaterThan(80);
    for (const text of texts) expect(seedText, text.nl).toContain(withoutWhitespace(text.nl));
  });

  it("keeps intro paragraphs whole, joined with single spaces", () => {
    expect(GUIDE_INTRO.purpose.heading.nl).toBe("Doel BPV- gesprek");
    expect(GUIDE_INTRO.frequency.text.nl).toBe(
      "Met je praktijkopleider en BPV-begeleider voer je minimaal 2x per jaar een zogenaamd driehoeksgesprek. Heb je kortere stage dan voer je minimaal 1x per leerwerkperiode dit gesprek. Een driehoeksgesprek duurt ca. 40 minuten en kan digitaal of fysiek plaatsvinden.",
    );
    const collapse = (t: string) => t.replace(/\s+/g, " ").trim();
    expect(collapse(seed)).toContain(GUIDE_INTRO.preparation.text.nl);
    expect(collapse(seed)).toContain(GUIDE_INTRO.purpose.text.nl);
  });

  it("translates every text into English, without stray whitespace", () => {
    const texts = localizedTexts([GUIDE, GUIDE_INTRO, CONCLUSION_LABELS]);
    for (const text of texts) {
      expect(text.en.length, text.nl).toBeGreaterThan(0);
      expect(text.nl).toBe(text.nl.trim());
      expect(text.en).toBe(text.en.trim());
      expect(text.nl).not.toMatch(/\s{2,}|•/);
    }
  });
});

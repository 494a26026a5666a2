import { describe, expect, it } from "vitest";
import { en } from "./en";
import { nl } from "./nl";

/** Every text of a catalogue by its dotted key. */
function texts(messages: unknown, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(messages as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") found.set(path, value);
    else for (const [k, v] of texts(value, path)) found.set(k, v);
  }
  return found;
}

const dutch = texts(nl);
const english = texts(en);
/** The English text of every Dutch one, by key. */
const pairs = [...dutch].map(([key, text]) => ({ key, nl: text, en: english.get(key) ?? "" }));

describe("one English word for each Dutch term", () => {
  it("keeps 'leerwerkperiode' as the school says it, never another English name for it", () => {
    const renamed = [...english].filter(([, text]) =>
      /work[- ]?(based learning )?period|learning period/i.test(text),
    );
    expect(renamed).toEqual([]);
    const lost = pairs.filter(
      (p) => /leerwerkperiode/i.test(p.nl) && !/leerwerkperiode/i.test(p.en),
    );
    expect(lost.map((p) => p.key)).toEqual([]);
  });

  it("calls a gesprek a conversation, not a review (that is the look back at agreements)", () => {
    const reviews = pairs.filter(
      (p) => /gesprek(ken)?\b/i.test(p.nl) && /\breviews?\b/i.test(p.en),
    );
    expect(reviews.map((p) => `${p.key}: ${p.en}`)).toEqual([]);
  });

  it("calls a BPV-gesprek a BPV conversation, as the guide and the mails do", () => {
    const bpv = pairs.filter((p) => /BPV-gesprek/i.test(p.nl) && !/BPV conversation/i.test(p.en));
    expect(bpv.map((p) => `${p.key}: ${p.en}`)).toEqual([]);
  });

  it("calls the BPV-begeleider the placement supervisor", () => {
    const other = [...english].filter(([, text]) => /BPV supervisor/i.test(text));
    expect(other).toEqual([]);
  });

  it("says 'Groeperen op' the same way wherever the report page groups", () => {
    expect(nl.talk.report.groupBy).toBe(nl.report.conclusions.groupBy);
    expect(en.talk.report.groupBy).toBe(en.report.conclusions.groupBy);
  });
});

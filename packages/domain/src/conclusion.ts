import type { LocalizedText } from "./i18n.js";

/**
 * The conclusion of a conversation against the nominal line (the progress needed to finish in
 * the nominal time): ahead, on schedule or behind.
 */
export const CONCLUSIONS = ["voor", "op_schema", "achter"] as const;

/** One conclusion; see `CONCLUSIONS`. */
export type Conclusion = (typeof CONCLUSIONS)[number];

/**
 * The guide's three options, verbatim: a title in the student's voice and its explanation
 * (parentheses included, as the guide prints them).
 */
export const CONCLUSION_LABELS: Record<
  Conclusion,
  { title: LocalizedText; detail: LocalizedText }
> = {
  voor: {
    title: { nl: "Ik loop voor", en: "I am ahead" },
    detail: { nl: "(boven de nominale lijn)", en: "(above the nominal line)" },
  },
  op_schema: {
    title: { nl: "Ik loop op schema", en: "I am on schedule" },
    detail: { nl: "(op de nominale lijn)", en: "(on the nominal line)" },
  },
  achter: {
    title: { nl: "Ik loop achter", en: "I am behind" },
    detail: { nl: "(onder de nominale lijn)", en: "(below the nominal line)" },
  },
};

/** Whether `value` names a conclusion. */
export function isConclusion(value: string): value is Conclusion {
  return (CONCLUSIONS as readonly string[]).includes(value);
}

/** The conclusion as a point against the nominal line (0), for charts over several conversations. */
export function conclusionScore(c: Conclusion): 1 | 0 | -1 {
  switch (c) {
    case "voor":
      return 1;
    case "op_schema":
      return 0;
    case "achter":
      return -1;
  }
}

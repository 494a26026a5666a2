import { CONCLUSION_LABELS, isConclusion, type Locale } from "@driehoek/domain";

/**
 * A conclusion as the guide words it, e.g. "Ik loop op schema (op de nominale lijn)", or null
 * for none (or a value this app does not know).
 */
export function conclusionText(value: string | null | undefined, locale: Locale): string | null {
  if (!value || !isConclusion(value)) return null;
  const label = CONCLUSION_LABELS[value];
  return `${label.title[locale]} ${label.detail[locale]}`;
}

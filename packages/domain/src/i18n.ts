/** A language the product is shown in. Dutch is the school's language and the default. */
export type Locale = "nl" | "en";

/** Every supported locale, default first. */
export const LOCALES = ["nl", "en"] as const satisfies readonly Locale[];

/** The locale used when none is chosen: the guide and its users are Dutch. */
export const DEFAULT_LOCALE: Locale = "nl";

/**
 * A text in every supported locale. The Dutch text is the source (often verbatim from the
 * school's guide); the English text is a faithful translation of it.
 */
export interface LocalizedText {
  /** Dutch, the source text. */
  nl: string;
  /** English translation. */
  en: string;
}

/** Whether `value` names a supported locale (e.g. from a cookie or an `Accept-Language` pick). */
export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

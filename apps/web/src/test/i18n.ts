import type { Locale } from "@driehoek/domain";
import { createAppI18n } from "../i18n";

/** Mount options that install the app's messages in `locale` (Dutch unless told). */
export function withI18n(locale: Locale = "nl") {
  return { global: { plugins: [createAppI18n(locale)] } };
}

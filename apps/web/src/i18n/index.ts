import { DEFAULT_LOCALE, isLocale, type Locale } from "@driehoek/domain";
import { createI18n } from "vue-i18n";
import { en } from "./en";
import { type MessageSchema, nl } from "./nl";

const STORAGE_KEY = "driehoek.locale";

/** The locale chosen earlier on this device, else Dutch (the school's language). */
function storedLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored && isLocale(stored) ? stored : DEFAULT_LOCALE;
}

/** Creates the app's i18n instance (Composition API mode), starting in the stored locale. */
export function createAppI18n(locale: Locale = storedLocale()) {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages: { nl, en },
  });
}

/** Remembers `locale` on this device and sets `<html lang>` so screen readers switch voice. */
export function persistLocale(locale: Locale): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}

import { DEFAULT_LOCALE, isLocale, type Locale } from "@driehoek/domain";
import { watch } from "vue";
import { createI18n } from "vue-i18n";
import { type MessageSchema, nl } from "./nl";

const STORAGE_KEY = "driehoek.locale";

/** The locale chosen earlier on this device, else Dutch (the school's language). */
function storedLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored && isLocale(stored) ? stored : DEFAULT_LOCALE;
}

/**
 * The other languages' texts, each its own chunk: a page downloads only the language it shows.
 * Dutch, the default and the fallback, is part of the app itself.
 */
const LOADERS: Record<Locale, (() => Promise<MessageSchema>) | undefined> = {
  nl: undefined,
  en: () => import("./en").then((module) => module.en),
};

/** An i18n instance in Composition API mode with the app's message shape. */
function create(
  locale: Locale,
  messages: { nl: MessageSchema } & Partial<Record<Locale, MessageSchema>>,
) {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    // Only the languages loaded so far; setLocaleMessage adds the others when chosen.
    messages: messages as Record<Locale, MessageSchema>,
  });
}

/** The app's i18n instance. */
export type AppI18n = ReturnType<typeof create>;

/**
 * Creates the app's i18n instance (Composition API mode), starting in the stored locale. Only
 * Dutch is there at once; another locale's texts load when it is chosen (Dutch shows meanwhile).
 * Texts handed over with `registerLocaleMessages` are there at once too.
 */
export function createAppI18n(locale: Locale = storedLocale()): AppI18n {
  const i18n = create(locale, { ...registered, nl });
  watch(i18n.global.locale, (next) => void loadLocaleMessages(i18n, next), { immediate: true });
  return i18n;
}

/** Texts that every new instance has from the start (see `registerLocaleMessages`). */
const registered: Partial<Record<Locale, MessageSchema>> = {};

/**
 * Makes `locale`'s texts part of every i18n instance created from now on, without a download:
 * for unit tests, which render in English at once (src/test/setup.ts).
 */
export function registerLocaleMessages(locale: Locale, messages: MessageSchema): void {
  registered[locale] = messages;
}

/** Each language's texts, fetched once per page however many i18n instances there are. */
const fetched = new Map<Locale, Promise<MessageSchema>>();

/** Loads `locale`'s texts into `i18n` unless they are there already. */
export async function loadLocaleMessages(i18n: AppI18n, locale: Locale): Promise<void> {
  const load = LOADERS[locale];
  if (!load || i18n.global.availableLocales.includes(locale)) return;
  let fetching = fetched.get(locale);
  if (!fetching) {
    fetching = load();
    fetched.set(locale, fetching);
  }
  try {
    i18n.global.setLocaleMessage(locale, await fetching);
  } catch (error) {
    // Offline: the page stays in Dutch; choosing the language again retries.
    fetched.delete(locale);
    console.warn(`The ${locale} texts did not load`, error);
  }
}

/** Remembers `locale` on this device and sets `<html lang>` so screen readers switch voice. */
export function persistLocale(locale: Locale): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}

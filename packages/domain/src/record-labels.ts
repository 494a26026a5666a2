import { SCHOOL_TIME_ZONE } from "./dates.js";
import type { Locale, LocalizedText } from "./i18n.js";

/**
 * Words and formats the gespreksformulier uses wherever it is shown — the record on screen, the
 * print page and the PDF — so all of them say "15 december 2026" and "Op locatie" alike.
 */

/**
 * The school whose guide (leidraad) this is; the guide names it ("Mijn doelstelling vanuit
 * Curio is…"). Printed in the header of the gespreksformulier.
 */
export const SCHOOL_NAME = "Curio";

/** How the three meet: in person at the company, or online. */
export const CONVERSATION_MODE_LABELS: Record<"in_person" | "online", LocalizedText> = {
  in_person: { nl: "Op locatie", en: "In person" },
  online: { nl: "Online", en: "Online" },
};

/** The label of a conversation mode, or the value itself when it is not one this app knows. */
export function conversationModeLabel(mode: string, locale: Locale): string {
  return mode === "in_person" || mode === "online" ? CONVERSATION_MODE_LABELS[mode][locale] : mode;
}

const INTL_LOCALES: Record<Locale, string> = { nl: "nl-NL", en: "en-GB" };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, kind: "date" | "time", timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${kind}|${timeZone}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(
      INTL_LOCALES[locale],
      kind === "date"
        ? { day: "numeric", month: "long", year: "numeric", timeZone }
        : { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone },
    );
    formatters.set(key, found);
  }
  return found;
}

/**
 * A calendar date ('YYYY-MM-DD', or the date part of an ISO moment) written out in full:
 * "15 december 2026" / "15 December 2026". The same day wherever it is read.
 */
export function formatLongDate(isoDate: string, locale: Locale): string {
  const noon = new Date(`${isoDate.slice(0, 10)}T12:00:00.000Z`);
  return formatter(locale, "date", "UTC").format(noon);
}

/** A moment in the school's time zone: "15 december 2026 14:03". */
export function formatLongMoment(moment: Date | string, locale: Locale): string {
  const at = typeof moment === "string" ? new Date(moment) : moment;
  return `${formatter(locale, "date", SCHOOL_TIME_ZONE).format(at)} ${formatter(locale, "time", SCHOOL_TIME_ZONE).format(at)}`;
}

/** Just the time of a moment in the school's time zone: "14:03". */
export function formatSchoolTime(moment: Date | string, locale: Locale): string {
  return formatter(locale, "time", SCHOOL_TIME_ZONE).format(
    typeof moment === "string" ? new Date(moment) : moment,
  );
}

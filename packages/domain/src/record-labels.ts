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

/**
 * The gespreksformulier's words, one source for the record on screen, the print page and the
 * PDF. `{name}`-style placeholders are filled with `fillLabel`.
 */
export const RECORD_LABELS = {
  title: { nl: "Gespreksformulier BPV", en: "Work placement conversation form" },
  concept: {
    nl: "Concept — nog niet door alle drie ondertekend",
    en: "Draft — not yet signed by all three",
  },
  conversationOf: { nl: "BPV-gesprek van {name}", en: "BPV conversation of {name}" },
  student: { nl: "Student", en: "Student" },
  studentValue: {
    nl: "{name} (studentnummer {number}, cohort {cohort})",
    en: "{name} (student number {number}, cohort {cohort})",
  },
  programme: { nl: "Opleiding", en: "Programme" },
  programmeValue: {
    nl: "{name}, crebo {crebo}, niveau {level}",
    en: "{name}, crebo {crebo}, level {level}",
  },
  company: { nl: "Leerbedrijf", en: "Company" },
  companyValue: { nl: "{name}, {city}", en: "{name}, {city}" },
  date: { nl: "Datum", en: "Date" },
  mode: { nl: "Vorm", en: "Format" },
  participants: { nl: "Deelnemers", en: "Participants" },
  pok: { nl: "Controle POK", en: "POK check" },
  pokNumber: { nl: "POK-nummer", en: "POK number" },
  pokValid: { nl: "Geldig op {date}.", en: "Valid on {date}." },
  pokInvalid: { nl: "Niet geldig op {date}:", en: "Not valid on {date}:" },
  times: { nl: "Tijdsverloop", en: "Time spent" },
  total: { nl: "Totaal", en: "Total" },
  reviewEmpty: { nl: "Geen afspraken van de vorige keer.", en: "No agreements from last time." },
  needed: { nl: "Nodig:", en: "Needed:" },
  summaryEmpty: { nl: "Nog geen samenvatting.", en: "No summary yet." },
  conclusion: { nl: "Oordeel BPV-begeleider", en: "Placement supervisor's judgement" },
  confirmed: { nl: "bevestigd", en: "confirmed" },
  differs: { nl: "anders", en: "different" },
  motivation: { nl: "Toelichting", en: "Motivation" },
  studentView: { nl: "Conclusie van de student", en: "The student's conclusion" },
  studentMotivation: { nl: "Toelichting van de student", en: "The student's motivation" },
  noConclusion: { nl: "Nog geen conclusie.", en: "No conclusion yet." },
  agreementsEmpty: { nl: "Geen nieuwe afspraken.", en: "No new agreements." },
  agreementNumber: { nl: "Afspraak {number}", en: "Agreement {number}" },
  owner: { nl: "Wie", en: "Who" },
  due: { nl: "Klaar op", en: "Done by" },
  measure: { nl: "Hoe weten we dat het gelukt is", en: "How we will know it worked" },
  firstStep: { nl: "Eerste stap", en: "First step" },
  werkproces: { nl: "Werkproces", en: "Work process" },
  notes: { nl: "Notities", en: "Notes" },
  praktijkopleiderGoals: {
    nl: "Gespreksdoelen van de praktijkopleider",
    en: "The workplace trainer's goals",
  },
  nothing: { nl: "Niets genoteerd.", en: "Nothing noted." },
  particulars: { nl: "Bijzonderheden", en: "Particulars" },
  particularsEmpty: { nl: "Geen.", en: "None." },
  signatures: { nl: "Ondertekening", en: "Signatures" },
  role: { nl: "Rol", en: "Role" },
  name: { nl: "Naam", en: "Name" },
  agreement: { nl: "Akkoord", en: "Approval" },
  signature: { nl: "Handtekening", en: "Signature" },
  digital: { nl: "Digitaal akkoord op {date}", en: "Approved digitally on {date}" },
  paper: {
    nl: "Papier, ondertekend; vastgelegd op {date}",
    en: "Paper, signed; recorded on {date}",
  },
  notSigned: { nl: "Nog niet", en: "Not yet" },
  hash: { nl: "Controlecode (SHA-256 van het verslag)", en: "Check code (SHA-256 of the record)" },
  page: { nl: "Pagina {n} van {total}", en: "Page {n} of {total}" },
} as const satisfies Record<string, LocalizedText>;

/** A key of `RECORD_LABELS`. */
export type RecordLabel = keyof typeof RECORD_LABELS;

/** A record label in `locale`, its `{placeholders}` filled from `values`. */
export function fillLabel(
  key: RecordLabel,
  locale: Locale,
  values: Record<string, string | number> = {},
): string {
  return RECORD_LABELS[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

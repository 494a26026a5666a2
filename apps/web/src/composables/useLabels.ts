import {
  formatLongDate,
  formatLongMoment,
  type Locale,
  ROLE_LABELS,
  type Role,
  SCHOOL_TIME_ZONE,
} from "@driehoek/domain";
import { useI18n } from "vue-i18n";

const DATE_LOCALES: Record<Locale, string> = { nl: "nl-NL", en: "en-GB" };

/**
 * Locale-aware labels the message catalogues do not hold: role names and dates. Moments are
 * shown on the school's clock (Europe/Amsterdam), as its e-mails, invitations and records show
 * them, whatever the device's own time zone.
 */
export function useLabels() {
  const { locale } = useI18n();
  const current = () => locale.value as Locale;

  return {
    /** The role's name in the current language, as the domain package defines it. */
    roleLabel: (role: Role) => ROLE_LABELS[role][current()],
    /** A date and time like "di 3 mrt 2026, 14:30", on the school's clock. */
    formatDateTime: (iso: string) =>
      new Intl.DateTimeFormat(DATE_LOCALES[current()], {
        timeZone: SCHOOL_TIME_ZONE,
        weekday: "short",
        day: "numeric",
        month: "short",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
      }).format(new Date(iso)),
    /** A calendar date ('YYYY-MM-DD') like "3 mrt 2026", read as that day wherever one is. */
    formatDate: (isoDate: string) => {
      const [year, month, day] = isoDate.split("-").map(Number);
      return new Intl.DateTimeFormat(DATE_LOCALES[current()], {
        day: "numeric",
        month: "short",
        year: "numeric",
      }).format(new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1));
    },
    /**
     * A calendar date written out, "6 december 2026" / "6 December 2026": the record's format
     * (as on the printed form and the PDF), for everything shown with a record.
     */
    formatRecordDate: (isoDate: string) => formatLongDate(isoDate, current()),
    /** A moment written out on the school's clock, "6 december 2026 14:30": the record's format. */
    formatRecordDateTime: (iso: string) => formatLongMoment(iso, current()),
    /** Just the time on the school's clock, e.g. "14:30". */
    formatTime: (iso: string) =>
      new Intl.DateTimeFormat(DATE_LOCALES[current()], {
        timeZone: SCHOOL_TIME_ZONE,
        hour: "2-digit",
        minute: "2-digit",
      }).format(new Date(iso)),
  };
}

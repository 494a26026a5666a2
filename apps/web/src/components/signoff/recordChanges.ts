import {
  AGREEMENT_STATUS_LABELS,
  type AgreementStatus,
  findSection,
  isRole,
  type Locale,
  ROLE_LABELS,
  SMART_LABELS,
} from "@driehoek/domain";
import type { RecordChange } from "../../graphql/signoff";
import { conclusionText } from "./conclusionText";

/** Translates a key of the signoff.changes namespace. */
type Translate = (key: string, values?: Record<string, unknown>) => string;

/** How an agreement's field is named: by its SMART criterion where it has one. */
const AGREEMENT_FIELD_LETTER: Record<string, "S" | "M" | "A" | "R" | "T"> = {
  text: "S",
  measure: "M",
  owner: "A",
  firstStep: "R",
  dueDate: "T",
};

/** What changed, in words: "afspraak 2: Meetbaar", "de samenvatting", "de notities bij Welkom". */
export function changeSubject(change: RecordChange, t: Translate, locale: Locale): string {
  const n = change.number ?? 0;
  switch (change.area) {
    case "summary":
      return t("signoff.changes.summary");
    case "conclusion":
      return t(`signoff.changes.conclusion.${change.field ?? "value"}`);
    case "agreement": {
      if (!change.field) return t("signoff.changes.agreement", { n });
      const letter = AGREEMENT_FIELD_LETTER[change.field];
      const field = letter ? SMART_LABELS[letter][locale] : t("signoff.changes.werkproces");
      return t("signoff.changes.agreementField", { n, field });
    }
    case "review":
      return change.field
        ? t(`signoff.changes.review.${change.field}`, { n })
        : t("signoff.changes.reviewItem", { n });
    case "note": {
      const section = change.field ? findSection(change.field)?.section.title[locale] : undefined;
      return t("signoff.changes.note", { section: section ?? change.field ?? "" });
    }
    case "particular":
      return t("signoff.changes.particular", { n });
    case "document":
      return t("signoff.changes.document");
    default:
      return t("signoff.changes.other", { field: change.field ?? "" });
  }
}

/** A value as the record shows it: a role's name, a date, a conclusion in the guide's words. */
export function changeValue(
  change: RecordChange,
  value: string | null,
  locale: Locale,
  formatDate: (isoDate: string) => string,
): string | null {
  if (value === null) return null;
  if (change.area === "agreement" && change.field === "owner" && isRole(value))
    return ROLE_LABELS[value][locale];
  if (change.area === "agreement" && change.field === "dueDate") return formatDate(value);
  if (change.area === "conclusion" && (change.field === "value" || change.field === "studentValue"))
    return conclusionText(value as Parameters<typeof conclusionText>[0], locale) ?? value;
  if (change.area === "review" && change.field === "status")
    return AGREEMENT_STATUS_LABELS[value as AgreementStatus]?.[locale] ?? value;
  return value;
}

/** Whether the before and after of a change are worth showing (not for a whole other part). */
export function showsValues(change: RecordChange): boolean {
  return change.area !== "other";
}

/** "Sanne wijzigde afspraak 2: Meetbaar" — or, not knowing who, "Gewijzigd: afspraak 2: Meetbaar". */
export function changeSentence(change: RecordChange, t: Translate, locale: Locale): string {
  const what = changeSubject(change, t, locale);
  // A field filled in or emptied is a change of that field; only whole items come and go.
  const kind = change.field ? "changed" : change.kind;
  const names = change.changedBy.map((p) => p.name);
  if (names.length === 0) return t(`signoff.changes.unknown.${kind}`, { what });
  const last = names.pop() as string;
  const who = names.length > 0 ? t("signoff.changes.and", { first: names.join(", "), last }) : last;
  return t(`signoff.changes.${names.length > 0 ? "byMany" : "by"}.${kind}`, { who, what });
}

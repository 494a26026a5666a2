import { CombinedGraphQLErrors } from "@apollo/client";
import { type Locale, SMART_LABELS, SMART_LETTERS, type SmartLetter } from "@driehoek/domain";
import type { NotSmartAgreement } from "../../graphql/signoff";

/** The agreements a refused end (`not_smart`) listed, or null for another failure. */
export function notSmartOfError(error: unknown): NotSmartAgreement[] | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const extensions = error.errors[0]?.extensions;
  if (extensions?.reason !== "not_smart" || !Array.isArray(extensions.agreements)) return null;
  return extensions.agreements as NotSmartAgreement[];
}

/** The unmet criteria in words, in S-M-A-R-T order: "Meetbaar, Tijdgebonden". */
export function missingCriteria(missing: readonly string[], locale: Locale): string {
  return SMART_LETTERS.filter((letter) => missing.includes(letter))
    .map((letter: SmartLetter) => SMART_LABELS[letter][locale])
    .join(", ");
}

import { CombinedGraphQLErrors } from "@apollo/client";
import { errorMessageKey } from "../../graphql/errors";

/**
 * What to show for a failed import: a translated message with the values it names, or (for a
 * refusal this version of the app has no words for) the server's own.
 */
export type RosterFailure =
  | { key: string; params: Record<string, string | number> }
  | { text: string };

/** The reasons a whole file is refused (not a CSV, not a roster, too many rows, too large). */
const FILE_REASONS = [
  "not_csv",
  "invalid_csv",
  "empty_file",
  "not_a_roster",
  "too_many_rows",
  "file_too_large",
] as const;

/**
 * A whole-file problem comes with its reason and the values its message names
 * (`extensions.params`): it is said in the screen's language. Another refused file shows the
 * server's words (written for a school administrator, in Dutch); anything else gets the app's
 * message for its error code.
 */
export function rosterFailure(error: unknown): RosterFailure {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = first?.extensions?.code;
    const reason = first?.extensions?.reason;
    const params = (first?.extensions?.params ?? {}) as Record<string, string | number>;
    if (typeof reason === "string" && (FILE_REASONS as readonly string[]).includes(reason)) {
      // Where the parser lost its way, when it knows.
      const key = reason === "invalid_csv" && params.line ? "invalid_csvAt" : reason;
      return { key: `roster.fileErrors.${key}`, params };
    }
    if ((code === "BAD_USER_INPUT" || code === "PAYLOAD_TOO_LARGE") && first?.message) {
      return { text: first.message };
    }
    if (code === "FORBIDDEN") return { key: "roster.errors.forbidden", params: {} };
  }
  return { key: errorMessageKey(error), params: {} };
}

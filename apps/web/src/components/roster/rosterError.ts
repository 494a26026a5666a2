import { CombinedGraphQLErrors } from "@apollo/client";
import { errorMessageKey } from "../../graphql/errors";

/** What to show for a failed import: the server's own words, or a translated message. */
export type RosterFailure = { text: string } | { key: string };

/**
 * A whole-file problem (not a CSV, not a roster, too many rows, too large) comes with a Dutch
 * message written for a school administrator: show it as it is. Anything else gets the app's
 * message for its error code.
 */
export function rosterFailure(error: unknown): RosterFailure {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = first?.extensions?.code;
    if ((code === "BAD_USER_INPUT" || code === "PAYLOAD_TOO_LARGE") && first?.message) {
      return { text: first.message };
    }
    if (code === "FORBIDDEN") return { key: "roster.errors.forbidden" };
  }
  return { key: errorMessageKey(error) };
}

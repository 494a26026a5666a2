import { CombinedGraphQLErrors } from "@apollo/client";
import { errorMessageKey } from "../../graphql/errors";

/**
 * The i18n key of a Dutch (or English) message for a failed planning action. The server's
 * `extensions.reason` and the field a bad input names say what went wrong; anything else gets
 * the app's general message for its error code.
 */
export function planningErrorKey(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = first?.extensions?.code;
    const reason = first?.extensions?.reason;
    if (reason === "not_planned") return "planning.errors.notPlanned";
    if (reason === "invite_revoked") return "planning.errors.inviteRevoked";
    if (reason === "invite_expired") return "planning.errors.inviteExpired";
    if (reason === "after_placement_end") return "planning.errors.afterEnd";
    const message = first?.message ?? "";
    if (code === "BAD_USER_INPUT") {
      if (/onlineUrl/i.test(message)) return "planning.errors.onlineUrl";
      if (/e-mail address/i.test(message)) return "planning.errors.noEmail";
      if (/scheduledAt|startsAt/.test(message)) return "planning.errors.date";
      if (/durationMinutes/.test(JSON.stringify(first?.extensions ?? {}))) {
        return "planning.errors.duration";
      }
      return "planning.errors.badInput";
    }
    if (code === "FORBIDDEN") return "planning.errors.forbidden";
    if (code === "NOT_FOUND") return "planning.errors.notFound";
  }
  return errorMessageKey(error);
}

import { CombinedGraphQLErrors } from "@apollo/client";
import { errorMessageKey } from "../../graphql/errors";

/** The reasons the server gives for a refused account action that have their own message. */
const REASONS = [
  "email_taken",
  "wrong_password",
  "password_link_invalid",
  "password_link_used",
  "password_link_expired",
] as const;

/**
 * The i18n key of the message for a failed account action: its reason's own message when it
 * has one (a used link, a taken address), else the app's message for the error code.
 */
export function accountErrorKey(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const reason = error.errors[0]?.extensions?.reason;
    if (typeof reason === "string" && (REASONS as readonly string[]).includes(reason)) {
      return `account.errors.${reason}`;
    }
    const code = error.errors[0]?.extensions?.code;
    if (code === "BAD_USER_INPUT") return "account.errors.badInput";
    if (code === "FORBIDDEN") return "account.errors.forbidden";
  }
  return errorMessageKey(error);
}

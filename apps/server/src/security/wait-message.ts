import { GraphQLError } from "graphql";

/** "30 seconden", "1 minuut", "10 minuten": how long to wait, in words. */
export function waitInWords(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "1 seconde" : `${seconds} seconden`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minuut" : `${minutes} minuten`;
}

/** The refusal of an attempt made too often: a Dutch message with the wait, and the wait in seconds. */
export function tooManyAttempts(
  what: string,
  retryAfterSeconds: number,
  reason: string,
): GraphQLError {
  return new GraphQLError(
    `${what} Wacht ${waitInWords(retryAfterSeconds)} en probeer het dan opnieuw.`,
    { extensions: { code: "TOO_MANY_ATTEMPTS", reason, retryAfterSeconds } },
  );
}

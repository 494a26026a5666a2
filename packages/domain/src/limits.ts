/**
 * Input limits, in characters, shared by server validation and client forms so both refuse the
 * same input. Changing one changes what the server accepts: existing data may exceed a lowered
 * limit.
 */
export const LIMITS = {
  /** A person's, company's or programme's name. */
  name: 200,
  /** An e-mail address (RFC 5321's maximum path length). */
  email: 254,
  /** A password; long enough for passphrases, short enough to bound hashing cost. */
  password: 200,
  /** A one-line text such as a measure, a first step or a reason. */
  shortText: 500,
  /** The text of one agreement. */
  agreementText: 2000,
  /** The notes of one section. */
  note: 20000,
  /** The student's summary of a conversation (collaboratively edited, may grow long). */
  summary: 100000,
  /** An opaque token (invitation link, session). */
  token: 512,
  /** An id as passed in an API call. */
  id: 64,
} as const;

/** The name of one limit. */
export type LimitKey = keyof typeof LIMITS;

/** Whether `value` fits within the limit named `key`. */
export function isWithinLimit(key: LimitKey, value: string): boolean {
  return value.length <= LIMITS[key];
}

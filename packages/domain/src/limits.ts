/**
 * Input limits per field, in characters: the one source for the server (input validation,
 * clipping what the live document projects into tables) and the web app (form `maxlength`),
 * so what a form lets someone type is exactly what the server keeps. Changing one changes what
 * the server accepts: existing data may exceed a lowered limit.
 */
export const LIMITS = {
  /** A person's, company's or programme's name. */
  name: 200,
  /** An e-mail address (RFC 5321's maximum path length). */
  email: 254,
  /** A password; long enough for passphrases, short enough to bound hashing cost. */
  password: 200,
  /** An opaque token (invitation link, session). */
  token: 512,
  /** An id as passed in an API call. */
  id: 64,
  /** A phase or section key of the guide as passed in an API call. */
  guideKey: 40,
  /** The text of one agreement (what will be done). */
  agreementText: 2000,
  /** How we will know an agreement is kept (the M of SMART). */
  agreementMeasure: 500,
  /** The first step of an agreement. */
  agreementFirstStep: 500,
  /** A werkproces code such as B1-K1-W1. */
  werkprocesCode: 20,
  /** At review: why an agreement was not (fully) kept and what is needed. */
  reviewNeeded: 500,
  /** The notes of one section of the guide. */
  sectionNote: 20000,
  /** The student's summary of a conversation (collaboratively edited, may grow long). */
  summary: 100000,
  /** The motivation of a conclusion (the begeleider's or the student's). */
  conclusionMotivation: 2000,
  /** A particular for the trajectbegeleider / onderwijsteam. */
  particular: 20000,
  /** Where a planned conversation is held in person. */
  planLocation: 200,
  /** The video-call link of an online conversation. */
  planOnlineUrl: 500,
  /** Why a planned conversation is cancelled, told to the participants. */
  cancelReason: 500,
} as const;

/** The shortest password a staff member may choose (the longest is `LIMITS.password`). */
export const PASSWORD_MIN_LENGTH = 10;

/** Shortest, longest and default length of a planned conversation, in minutes. */
export const PLAN_DURATION = { min: 10, max: 240, default: 40 } as const;

/** The name of one field's limit. */
export type LimitKey = keyof typeof LIMITS;

/** `text` cut to the limit of `field` (input typed into a live document is kept, but bounded). */
export function clipToLimit(field: LimitKey, text: string): string {
  const max = LIMITS[field];
  return text.length > max ? text.slice(0, max) : text;
}

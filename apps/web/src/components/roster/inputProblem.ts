import type { InputProblemCode } from "../../graphql/generated/graphql";

/** A value the server refused: a stable code, the values it names, and its Dutch sentence. */
export interface CodedProblem {
  code: InputProblemCode;
  params: readonly { name: string; value: string }[];
  message: string;
}

/**
 * Every code the server may answer; typed so that a new code in the schema fails the typecheck
 * here until it is added (and a test then asks for its text in both languages).
 */
export const INPUT_PROBLEM_CODES: Record<InputProblemCode, true> = {
  required: true,
  too_long: true,
  invalid_email: true,
  invalid_date: true,
  invalid_cohort: true,
  not_whole_number: true,
  invalid_leerweg: true,
  invalid_crebo: true,
  end_before_start: true,
  duplicate_column: true,
  missing_column: true,
  extra_fields: true,
  duplicate_placement: true,
  email_taken: true,
  unknown_begeleider: true,
  not_a_praktijkopleider: true,
  student_number_taken: true,
  sbb_number_taken: true,
  start_date_taken: true,
};

/**
 * Codes whose text is a sentence of its own ("the student already has …"), not something said of
 * the value ("is empty, …"): beside a field's name they follow a colon.
 */
const SENTENCES: ReadonlySet<InputProblemCode> = new Set<InputProblemCode>([
  "duplicate_column",
  "missing_column",
  "extra_fields",
  "duplicate_placement",
  "email_taken",
  "unknown_begeleider",
  "not_a_praktijkopleider",
  "start_date_taken",
]);

/** A field's name and its problem as one line: "Cohort must be …", "E-mail: x@y belongs to …". */
export function fieldProblemLine(label: string, problem: CodedProblem, text: string): string {
  return SENTENCES.has(problem.code) ? `${label}: ${text}` : `${label} ${text}`;
}

type Translate = (key: string, named: Record<string, string>) => string;
type HasText = (key: string) => boolean;

/**
 * The problem in the screen's language (`inputProblem.<code>` with its values); a code this
 * version of the app does not know yet shows the server's Dutch sentence.
 */
export function inputProblemText(t: Translate, te: HasText, problem: CodedProblem): string {
  const key = `inputProblem.${problem.code}`;
  if (!te(key)) return problem.message;
  return t(key, Object.fromEntries(problem.params.map((p) => [p.name, p.value])));
}

/**
 * Why a value of a roster file or an admin edit was refused: a stable code with its parameters,
 * which a client words in its own language, and the Dutch sentence (kept for clients that show
 * the server's words as they are).
 */

/** Every reason a value can be refused; see `DUTCH` for what each means. */
export const INPUT_PROBLEM_CODES = [
  "required",
  "too_long",
  "invalid_email",
  "invalid_date",
  "invalid_cohort",
  "not_whole_number",
  "invalid_leerweg",
  "invalid_crebo",
  "end_before_start",
  "duplicate_column",
  "missing_column",
  "extra_fields",
  "duplicate_placement",
  "email_taken",
  "unknown_begeleider",
  "not_a_praktijkopleider",
  "student_number_taken",
  "sbb_number_taken",
  "start_date_taken",
] as const;

/** One reason; see `INPUT_PROBLEM_CODES`. */
export type InputProblemCode = (typeof INPUT_PROBLEM_CODES)[number];

/** The values a problem's sentence names, by parameter name. */
export type InputProblemParams = Record<string, string | number>;

/** A refused value: the code, its parameters and the Dutch sentence. */
export interface InputProblem {
  code: InputProblemCode;
  params: InputProblemParams;
  message: string;
}

/** The Dutch sentence of each code, said of the value (the column or field is named beside it). */
const DUTCH: Record<InputProblemCode, (p: InputProblemParams) => string> = {
  required: () => "is leeg, maar verplicht",
  too_long: (p) => `is te lang (hoogstens ${p.max} tekens)`,
  invalid_email: () => "is geen geldig e-mailadres",
  invalid_date: () => "is geen geldige datum (dd-mm-jjjj of jjjj-mm-dd)",
  invalid_cohort: () => "moet een schooljaar zijn, bijvoorbeeld 2025-2026",
  not_whole_number: (p) => `moet een heel getal van ${p.min} tot en met ${p.max} zijn`,
  invalid_leerweg: () => "moet BOL of BBL zijn",
  invalid_crebo: () => "moet 5 cijfers zijn",
  end_before_start: () => "ligt vóór de startdatum",
  duplicate_column: () => "deze kolom staat er twee keer in",
  missing_column: () => "deze kolom ontbreekt",
  extra_fields: () => "deze rij heeft meer velden dan de kopregel",
  duplicate_placement: (p) => `deze student met deze startdatum staat al op rij ${p.row}`,
  email_taken: (p) => `${p.email} hoort al bij iemand anders`,
  unknown_begeleider: (p) => `er is geen BPV-begeleider met het e-mailadres ${p.email}`,
  not_a_praktijkopleider: (p) => `${p.email} hoort bij iemand die geen praktijkopleider is`,
  student_number_taken: () => "is al in gebruik bij een andere student",
  sbb_number_taken: (p) => `is al in gebruik bij ${p.company}`,
  start_date_taken: () => "de student heeft al een stage met deze startdatum",
};

/** The problem of `code` with `params`, its Dutch sentence included. */
export function inputProblem(
  code: InputProblemCode,
  params: InputProblemParams = {},
): InputProblem {
  return { code, params, message: DUTCH[code](params) };
}

/** The parameters as the API answers them: a list of name and value (as text), by name. */
export function paramList(params: InputProblemParams): { name: string; value: string }[] {
  return Object.entries(params)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => ({ name, value: String(value) }));
}

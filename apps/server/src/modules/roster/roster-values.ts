import { type InputProblem, inputProblem } from "./input-problem.js";

/** Reading single values of a roster file; each returns the value or the problem with it. */
export type Read<T> = { value: T } | { problem: InputProblem };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An e-mail address, lower-cased. */
export function readEmail(text: string): Read<string> {
  const value = text.trim().toLowerCase();
  return EMAIL.test(value) ? { value } : { problem: inputProblem("invalid_email") };
}

/** A date as `dd-mm-jjjj` (also with / or .) or ISO `jjjj-mm-dd`, as "YYYY-MM-DD". */
export function readDate(text: string): Read<string> {
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = dutch
    ? [Number(dutch[3]), Number(dutch[2]), Number(dutch[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [0, 0, 0];
  const date = new Date(Date.UTC(year, month - 1, day));
  const isReal =
    year >= 1900 &&
    year <= 2100 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day;
  if (!isReal) return { problem: inputProblem("invalid_date") };
  return { value: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` };
}

/** A cohort as the school year it started: "2025-2026", also given as "2025/2026" or "2025". */
export function readCohort(text: string): Read<string> {
  const match = /^(\d{4})(?:\s*[-/]\s*(\d{4}))?$/.exec(text);
  const start = Number(match?.[1]);
  const end = match?.[2] ? Number(match[2]) : start + 1;
  if (!match || end !== start + 1) {
    return { problem: inputProblem("invalid_cohort") };
  }
  return { value: `${start}-${end}` };
}

/** A whole number within [min, max]. */
export function readWhole(text: string, min: number, max: number): Read<number> {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    return { problem: inputProblem("not_whole_number", { min, max }) };
  }
  return { value };
}

/** A leerweg: BOL (school-based) or BBL (work-based), in any case. */
export function readLeerweg(text: string): Read<"BOL" | "BBL"> {
  const value = text.trim().toUpperCase();
  return value === "BOL" || value === "BBL"
    ? { value }
    : { problem: inputProblem("invalid_leerweg") };
}

/** Hours per week of a placement: a whole number from 1 to 60. */
export function readHoursPerWeek(text: string): Read<number> {
  return readWhole(text, 1, 60);
}

/** A text of at most `max` characters; empty only when not `required`. */
export function readText(text: string, max: number, required: boolean): Read<string> {
  const value = text.trim();
  if (value === "" && required) return { problem: inputProblem("required") };
  if (value.length > max) return { problem: inputProblem("too_long", { max }) };
  return { value };
}

/** The problem of an end date before its start date, or null. */
export function endDateProblem(startDate: string, endDate: string): InputProblem | null {
  return endDate < startDate ? inputProblem("end_before_start") : null;
}

/** The POK's own terms as the placement sets them: its dates, total hours and status. */
export function pokTerms(placement: {
  startDate: string;
  endDate: string;
  hoursPerWeek: number;
  pokStudentSignedAt: string | null;
  pokSchoolSignedAt: string | null;
  pokCompanySignedAt: string | null;
  storedStatus: "draft" | "active" | "terminated" | null;
}) {
  const weeks = (Date.parse(placement.endDate) - Date.parse(placement.startDate)) / (7 * 86400_000);
  const isSigned =
    placement.pokStudentSignedAt && placement.pokSchoolSignedAt && placement.pokCompanySignedAt;
  return {
    pokStartDate: placement.startDate,
    pokEndDate: placement.endDate,
    pokHours: Math.round(placement.hoursPerWeek * weeks),
    pokStatus: (placement.storedStatus === "terminated"
      ? "terminated"
      : isSigned
        ? "active"
        : "draft") as "draft" | "active" | "terminated",
  };
}

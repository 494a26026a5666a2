/** Reading single values of a roster file; each returns the value or a Dutch problem. */
export type Read<T> = { value: T } | { problem: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An e-mail address, lower-cased. */
export function readEmail(text: string): Read<string> {
  const value = text.trim().toLowerCase();
  return EMAIL.test(value) ? { value } : { problem: "is geen geldig e-mailadres" };
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
  if (!isReal) return { problem: "is geen geldige datum (dd-mm-jjjj of jjjj-mm-dd)" };
  return { value: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` };
}

/** A cohort as the school year it started: "2025-2026", also given as "2025/2026" or "2025". */
export function readCohort(text: string): Read<string> {
  const match = /^(\d{4})(?:\s*[-/]\s*(\d{4}))?$/.exec(text);
  const start = Number(match?.[1]);
  const end = match?.[2] ? Number(match[2]) : start + 1;
  if (!match || end !== start + 1) {
    return { problem: "moet een schooljaar zijn, bijvoorbeeld 2025-2026" };
  }
  return { value: `${start}-${end}` };
}

/** A whole number within [min, max]. */
export function readWhole(text: string, min: number, max: number): Read<number> {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    return { problem: `moet een heel getal van ${min} tot en met ${max} zijn` };
  }
  return { value };
}

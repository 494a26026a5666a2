import { assertIsoDate } from "./dates.js";

/** A Dutch school year: 1 August up to and including 31 July. */
export interface SchoolYear {
  /** First day, 1 August. */
  start: string;
  /** Last day, 31 July of the next calendar year. */
  end: string;
  /** Display label, e.g. "2026-2027". */
  label: string;
}

/** The school year (1 Aug – 31 Jul) that `date` falls in. Throws on an invalid date. */
export function schoolYearOf(date: string): SchoolYear {
  assertIsoDate(date);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const startYear = month >= 8 ? year : year - 1;
  return schoolYearStarting(startYear);
}

/** The school year that begins on 1 August of `startYear`. */
export function schoolYearStarting(startYear: number): SchoolYear {
  const pad = (y: number) => String(y).padStart(4, "0");
  return {
    start: `${pad(startYear)}-08-01`,
    end: `${pad(startYear + 1)}-07-31`,
    label: `${pad(startYear)}-${pad(startYear + 1)}`,
  };
}

import { parse } from "csv-parse/sync";
import { appError } from "../../graphql/errors.js";
import { type InputProblem, inputProblem } from "./input-problem.js";
import {
  columnOfHeader,
  ROSTER_COLUMNS,
  type RosterColumn,
  type RosterKey,
} from "./roster-columns.js";
import {
  endDateProblem,
  type Read,
  readCohort,
  readDate,
  readEmail,
  readHoursPerWeek,
  readLeerweg,
  readWhole,
} from "./roster-values.js";

/** One problem in the file: where (line number as a spreadsheet shows it, column) and what. */
export type RosterProblem = { row: number; column: string } & InputProblem;

/** One data row, read and checked. */
export interface RosterRow {
  row: number;
  studentNumber: string;
  firstName: string;
  lastName: string;
  studentEmail: string | null;
  crebo: string;
  programmeName: string;
  level: number;
  cohort: string;
  leerweg: "BOL" | "BBL" | null;
  companyName: string;
  city: string;
  sbbNumber: string | null;
  trainerName: string;
  trainerEmail: string | null;
  begeleiderEmail: string;
  startDate: string;
  endDate: string;
  hoursPerWeek: number;
  pokNumber: string;
  pokStudentSignedAt: string | null;
  pokSchoolSignedAt: string | null;
  pokCompanySignedAt: string | null;
}

/** The file read: its rows (only those without problems), every problem, and what was left out. */
export interface ParsedRoster {
  rows: RosterRow[];
  problems: RosterProblem[];
  /** Headers of columns Driehoek does not take in (their data is not stored). */
  ignoredColumns: string[];
  delimiter: ";" | ",";
  dataRows: number;
}

/** Columns whose format check says more than "too long" would. */
const CHECKED_BY_FORMAT = new Set<RosterKey>([
  "crebo",
  "level",
  "cohort",
  "leerweg",
  "startDate",
  "endDate",
  "hoursPerWeek",
  "pokStudentSignedAt",
  "pokSchoolSignedAt",
  "pokCompanySignedAt",
]);

/** The separator: whichever of ; and , the header line holds more of. */
function detectDelimiter(headerLine: string): ";" | "," {
  const count = (c: string) => headerLine.split(c).length - 1;
  return count(";") >= count(",") ? ";" : ",";
}

/**
 * Reads a roster file (UTF-8, with or without BOM, ; or , separated). Whole-file problems
 * (not a CSV, no roster header, too many rows) are thrown; problems in rows are all collected.
 */
export function parseRoster(csv: string, maxRows: number): ParsedRoster {
  const text = csv.replace(/^\uFEFF/, "");
  if (text.trim() === "" || text.includes("\u0000")) {
    throw appError(
      "BAD_USER_INPUT",
      "Dit is geen CSV-bestand: verwacht wordt tekst met ; of , tussen de kolommen.",
      "not_csv",
    );
  }
  const delimiter = detectDelimiter(text.slice(0, text.search(/\r?\n|$/)));
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      max_record_size: 64 * 1024,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw appError(
      "BAD_USER_INPUT",
      `Het bestand is geen geldige CSV${line ? ` (rond regel ${line})` : ""}: ${(error as Error).message}`,
      "invalid_csv",
      line ? { line } : {},
    );
  }
  const [header, ...data] = records;
  if (!header) throw appError("BAD_USER_INPUT", "Het bestand is leeg.", "empty_file");
  if (data.length > maxRows) {
    throw appError(
      "PAYLOAD_TOO_LARGE",
      `Het bestand heeft ${data.length} rijen; er kunnen er hoogstens ${maxRows} in één keer worden ingelezen. Splits het bestand.`,
      "too_many_rows",
      { rows: data.length, maxRows },
    );
  }

  const positions = new Map<RosterKey, number>();
  const ignoredColumns: string[] = [];
  const problems: RosterProblem[] = [];
  header.record.forEach((name, index) => {
    const column = columnOfHeader(name);
    if (!column) ignoredColumns.push(name);
    else if (positions.has(column.key)) {
      problems.push({ row: 1, column: name, ...inputProblem("duplicate_column") });
    } else positions.set(column.key, index);
  });
  const missing = ROSTER_COLUMNS.filter((c) => c.required && !positions.has(c.key));
  if (!positions.has("studentNumber") || missing.length > ROSTER_COLUMNS.length / 2) {
    throw appError(
      "BAD_USER_INPUT",
      `De eerste regel heeft niet de kolommen van een roosterbestand (${ROSTER_COLUMNS.map((c) => c.header).join("; ")}). Zie docs/IMPORT.md.`,
      "not_a_roster",
      { columns: ROSTER_COLUMNS.map((c) => c.header).join("; ") },
    );
  }
  for (const column of missing) {
    problems.push({ row: 1, column: column.header, ...inputProblem("missing_column") });
  }

  const rows: RosterRow[] = [];
  for (const { record, info } of data) {
    const row = readRow(record, info.lines, positions, header.record.length, problems);
    if (row) rows.push(row);
  }
  markDuplicates(rows, problems);
  problems.sort((a, b) => a.row - b.row);
  return { rows, problems, ignoredColumns, delimiter, dataRows: data.length };
}

function readRow(
  record: string[],
  row: number,
  positions: Map<RosterKey, number>,
  width: number,
  problems: RosterProblem[],
): RosterRow | null {
  const before = problems.length;
  const problem = (column: RosterColumn, found: InputProblem) =>
    problems.push({ row, column: column.header, ...found });
  if (record.length > width) {
    problems.push({ row, column: "", ...inputProblem("extra_fields") });
  }
  const raw = {} as Record<RosterKey, string>;
  for (const column of ROSTER_COLUMNS) {
    const index = positions.get(column.key);
    const value = index === undefined ? "" : (record[index] ?? "").trim();
    raw[column.key] = value;
    if (value === "") {
      if (column.required && index !== undefined) problem(column, inputProblem("required"));
    } else if (value.length > column.max && !CHECKED_BY_FORMAT.has(column.key)) {
      problem(column, inputProblem("too_long", { max: column.max }));
    }
  }
  const column = (key: RosterKey) => ROSTER_COLUMNS.find((c) => c.key === key) as RosterColumn;
  /** Reads an optional or present value; null when empty, undefined after a problem. */
  const read = <T>(key: RosterKey, reader: (text: string) => Read<T>): T | null | undefined => {
    if (raw[key] === "") return null;
    const result = reader(raw[key]);
    if ("problem" in result) {
      problem(column(key), result.problem);
      return undefined;
    }
    return result.value;
  };
  if (raw.crebo && !/^\d{5}$/.test(raw.crebo)) {
    problem(column("crebo"), inputProblem("invalid_crebo"));
  }
  const level = read("level", (t) => readWhole(t, 1, 4));
  const cohort = read("cohort", readCohort);
  const leerweg = read("leerweg", readLeerweg);
  const studentEmail = read("studentEmail", readEmail);
  const trainerEmail = read("trainerEmail", readEmail);
  const begeleiderEmail = read("begeleiderEmail", readEmail);
  const startDate = read("startDate", readDate);
  const endDate = read("endDate", readDate);
  const dateOrder = startDate && endDate ? endDateProblem(startDate, endDate) : null;
  if (dateOrder) problem(column("endDate"), dateOrder);
  const hoursPerWeek = read("hoursPerWeek", readHoursPerWeek);
  const signed = {
    pokStudentSignedAt: read("pokStudentSignedAt", readDate),
    pokSchoolSignedAt: read("pokSchoolSignedAt", readDate),
    pokCompanySignedAt: read("pokCompanySignedAt", readDate),
  };
  if (problems.length > before) return null;
  return {
    row,
    studentNumber: raw.studentNumber,
    firstName: raw.firstName,
    lastName: raw.lastName,
    studentEmail: studentEmail ?? null,
    crebo: raw.crebo,
    programmeName: raw.programmeName,
    level: level as number,
    cohort: cohort as string,
    leerweg: leerweg ?? null,
    companyName: raw.companyName,
    city: raw.city,
    sbbNumber: raw.sbbNumber || null,
    trainerName: raw.trainerName,
    trainerEmail: trainerEmail ?? null,
    begeleiderEmail: begeleiderEmail as string,
    startDate: startDate as string,
    endDate: endDate as string,
    hoursPerWeek: hoursPerWeek as number,
    pokNumber: raw.pokNumber,
    pokStudentSignedAt: signed.pokStudentSignedAt ?? null,
    pokSchoolSignedAt: signed.pokSchoolSignedAt ?? null,
    pokCompanySignedAt: signed.pokCompanySignedAt ?? null,
  };
}

/** A placement (studentnummer + startdatum) twice in one file: the later rows are problems. */
function markDuplicates(rows: RosterRow[], problems: RosterProblem[]): void {
  const first = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.studentNumber}|${row.startDate}`;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, row.row);
    else {
      problems.push({
        row: row.row,
        column: "studentnummer",
        ...inputProblem("duplicate_placement", { row: earlier }),
      });
    }
  }
}

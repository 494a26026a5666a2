/** The columns of a roster file, in the order the student systems export them. */
export const ROSTER_COLUMNS = [
  { key: "studentNumber", header: "studentnummer", required: true, max: 20 },
  { key: "firstName", header: "voornaam", required: true, max: 100 },
  { key: "lastName", header: "achternaam", required: true, max: 100 },
  { key: "studentEmail", header: "e-mail student", required: false, max: 254 },
  { key: "crebo", header: "crebo", required: true, max: 5 },
  { key: "programmeName", header: "opleiding", required: true, max: 200 },
  { key: "level", header: "niveau", required: true, max: 1 },
  { key: "cohort", header: "cohort", required: true, max: 9 },
  { key: "leerweg", header: "leerweg", required: false, max: 3 },
  { key: "companyName", header: "leerbedrijf", required: true, max: 200 },
  { key: "city", header: "plaats", required: true, max: 100 },
  { key: "sbbNumber", header: "sbb-nummer", required: false, max: 20 },
  { key: "trainerName", header: "praktijkopleider", required: true, max: 200 },
  { key: "trainerEmail", header: "e-mail praktijkopleider", required: false, max: 254 },
  { key: "begeleiderEmail", header: "bpv-begeleider", required: true, max: 254 },
  { key: "startDate", header: "startdatum", required: true, max: 10 },
  { key: "endDate", header: "einddatum", required: true, max: 10 },
  { key: "hoursPerWeek", header: "uren per week", required: true, max: 2 },
  { key: "pokNumber", header: "pok-nummer", required: false, max: 40 },
  { key: "pokStudentSignedAt", header: "pok getekend student", required: false, max: 10 },
  { key: "pokSchoolSignedAt", header: "pok getekend school", required: false, max: 10 },
  { key: "pokCompanySignedAt", header: "pok getekend bedrijf", required: false, max: 10 },
] as const;

/** One column of a roster file. */
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];
/** The field a column fills. */
export type RosterKey = RosterColumn["key"];

/**
 * A header as compared: lower case, accents and everything but letters and digits dropped, so
 * "E-mail Student", "e-mail  student" and "Email student" are one name.
 */
export function headerKey(header: string): string {
  return header
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** Other names student systems use for a column (compared as `headerKey`). */
const ALIASES: Record<string, RosterKey> = {
  leerwegbolbbl: "leerweg",
  studentemail: "studentEmail",
  emailpraktijkopleider: "trainerEmail",
  bpvbegeleideremail: "begeleiderEmail",
  emailbpvbegeleider: "begeleiderEmail",
  sbbnr: "sbbNumber",
  pok: "pokNumber",
  poknr: "pokNumber",
  urenperweek: "hoursPerWeek",
  uren: "hoursPerWeek",
};

/** The column a header names, or null for a column Driehoek does not take in. */
export function columnOfHeader(header: string): RosterColumn | null {
  const key = headerKey(header);
  const byAlias = ALIASES[key];
  return ROSTER_COLUMNS.find((c) => headerKey(c.header) === key || c.key === byAlias) ?? null;
}

import type { rosterNl } from "./roster.nl";

/** English texts for the roster import, key for key the same as the Dutch ones. */
export const rosterEn: typeof rosterNl = {
  roster: {
    nav: "Import",
    title: "Import students and placements",
    intro:
      "Read in an export from the student information system: one line per placement. Check the file first; it can be read in once it has no errors.",
    notAllowed: "Importing is for administrators.",
    file: "Choose a CSV file",
    fileHint: "With ; or , between the columns; dates as dd-mm-yyyy or yyyy-mm-dd.",
    paste: "Or paste its content here",
    check: "Check",
    commit: "Read in",
    busy: {
      check: "Checking…",
      commit: "Reading in…",
    },
    stale: "The text changed since the check. Check again before reading it in.",
    result: {
      preview: "Check",
      committed: "Read in",
      counts:
        "{rows} rows: {created} new, {updated} updated, {unchanged} unchanged (nothing saved yet).",
      countsDone: "{rows} rows read in: {created} new, {updated} updated, {unchanged} unchanged.",
      clean: "No errors found. You can read the file in now.",
      hasErrors:
        "The file has {n} error. Fix it and check again. | The file has {n} errors. Fix them and check again.",
      ignored: "Columns not read in (their data is not stored): {columns}",
    },
    errors: {
      caption: "{n} error | {n} errors",
      row: "Row",
      column: "Column",
      message: "What is wrong",
      forbidden: "Only an administrator can import.",
    },
    fileErrors: {
      not_csv: "This is not a CSV file: expected is text with ; or , between the columns.",
      invalid_csv: "The file is not a valid CSV. Check its quotes and separators.",
      invalid_csvAt:
        "The file is not a valid CSV (around line {line}). Check its quotes and separators.",
      empty_file: "The file is empty.",
      not_a_roster:
        "The first line does not have the columns of a roster file ({columns}). See the guide to importing.",
      too_many_rows:
        "The file has {rows} rows; at most {maxRows} can be read in at once. Split the file.",
      file_too_large:
        "The file is {megabytes} MB; at most {maxMegabytes} MB can be read in at once. Split the file.",
    },
    rows: {
      caption: "What happens per row",
      row: "Row",
      student: "Student",
      company: "Company",
      action: "Action",
    },
    action: {
      create: "New",
      update: "Update",
      unchanged: "Unchanged",
    },
    missing: {
      title: "No longer in the file",
      intro: "These placements are in Driehoek but not in this file. They are not deleted.",
    },
  },
  inputProblem: {
    required: "is empty, but required",
    too_long: "is too long (at most {max} characters)",
    invalid_email: "is not a valid e-mail address",
    invalid_date: "is not a valid date (dd-mm-yyyy or yyyy-mm-dd)",
    invalid_cohort: "must be a school year, for example 2025-2026",
    not_whole_number: "must be a whole number from {min} to {max}",
    invalid_leerweg: "must be BOL or BBL",
    invalid_crebo: "must be 5 digits",
    end_before_start: "is before the start date",
    duplicate_column: "this column is there twice",
    missing_column: "this column is missing",
    extra_fields: "this row has more fields than the header line",
    duplicate_placement: "this student with this start date is already on row {row}",
    email_taken: "{email} already belongs to someone else",
    unknown_begeleider: "there is no placement supervisor with the e-mail address {email}",
    not_a_praktijkopleider: "{email} belongs to someone who is not a workplace trainer",
    student_number_taken: "is already used by another student",
    sbb_number_taken: "is already used by {company}",
    start_date_taken: "the student already has a placement with this start date",
  },
};

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
};

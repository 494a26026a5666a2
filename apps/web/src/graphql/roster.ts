/** The roster import (the /beheer/import page): one mutation, previewed first, then committed. */

import type { ResultOf } from "@graphql-typed-document-node/core";
import { graphql } from "./generated";

/** Previews (`dryRun: true`) or commits a roster CSV; see docs/IMPORT.md. */
export const IMPORT_ROSTER = graphql(`
  mutation ImportRoster($csv: String!, $dryRun: Boolean!) {
    importRoster(csv: $csv, dryRun: $dryRun) {
      dryRun
      committed
      rows
      created
      updated
      unchanged
      delimiter
      ignoredColumns
      errors {
        row
        column
        code
        params {
          name
          value
        }
        message
      }
      rowResults {
        row
        action
        studentNumber
        studentName
        startDate
        companyName
        changes
      }
      missing {
        placementId
        studentNumber
        studentName
        startDate
        companyName
      }
    }
  }
`);

/** What the server answers for one preview or commit. */
export type RosterImportResult = ResultOf<typeof IMPORT_ROSTER>["importRoster"];

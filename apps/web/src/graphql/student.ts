/**
 * The student page (/studenten/:id) and the student list (/studenten/zoeken): one student
 * with placements, frequency windows and every conversation; the searchable, paged list.
 * Both answer only for the students the caller is responsible for (as the staff reports).
 */

import type { ResultOf, VariablesOf } from "@graphql-typed-document-node/core";
import { graphql } from "./generated";

/** One student with everything the page shows. */
export const STUDENT_RECORD = graphql(`
  query StudentRecord($id: ID!) {
    student(id: $id) {
      id
      name
      studentNumber
      programmeName
      crebo
      cohort
      leerweg
      trajectbegeleider {
        id
        name
      }
      placements {
        id
        companyName
        praktijkopleider {
          id
          name
        }
        begeleider {
          id
          name
        }
        startDate
        endDate
        hoursPerWeek
        pok {
          isValid
          problems
          endDate
        }
        frequency {
          required
          held
          missed
          isOverdue
          nextDueDate
          proposedDate
        }
        windows {
          start
          end
          state
          conversationIds
        }
      }
      conversations {
        id
        placementId
        scheduledAt
        status
        mode
        begeleider {
          id
          name
        }
        signedAt
        conclusion
        conclusionMotivation
        studentConclusion
        studentMotivation
        agreements {
          id
          text
          owner
          dueDate
          measure
          firstStep
          werkproces
          smart {
            isComplete
            missing
          }
          status
          reviewNote
          reviewedInId
        }
      }
    }
  }
`);

/** A page of the students the caller is responsible for, searched by name or number. */
export const STUDENT_SEARCH = graphql(`
  query StudentSearch($search: String, $first: Int!, $after: String) {
    studentSearch(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          name
          studentNumber
          programmeName
          cohort
          currentPlacement {
            id
            companyName
            startDate
            endDate
            frequency {
              required
              held
              isOverdue
              missed
              nextDueDate
            }
          }
          nextConversation {
            id
            scheduledAt
            status
          }
        }
      }
    }
  }
`);

export type StudentRecordData = NonNullable<ResultOf<typeof STUDENT_RECORD>["student"]>;
export type StudentPlacementData = StudentRecordData["placements"][number];
export type StudentWindowData = StudentPlacementData["windows"][number];
export type StudentConversationData = StudentRecordData["conversations"][number];
export type StudentAgreementData = StudentConversationData["agreements"][number];
export type StudentSearchData = ResultOf<typeof STUDENT_SEARCH>["studentSearch"];
export type StudentListRow = StudentSearchData["edges"][number]["node"];
export type StudentSearchVariables = VariablesOf<typeof STUDENT_SEARCH>;

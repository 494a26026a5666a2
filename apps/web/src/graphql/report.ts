/**
 * The staff reports (the /overzicht page): operations and the shapes this app selects of them.
 * Every report answers only with the rows the caller may see; the page joins them to the
 * placements (`STAFF_PLACEMENTS`) for the programme, cohort and begeleider filters.
 */

import type { ResultOf, VariablesOf } from "@graphql-typed-document-node/core";
import { graphql } from "./generated";

/** The placements the caller may see, with what the filters need. */
export const STAFF_PLACEMENTS = graphql(`
    query StaffPlacements {
      staffDirectory {
        id
        companyName
        student {
          id
          name
        }
        enrolment {
          id
          cohort
        }
        programme {
          id
          crebo
          name
        }
        begeleider {
          id
          name
        }
        conversations {
          id
          scheduledAt
          status
        }
      }
    }
  `);

/** Placements behind the frequency rule today. */
export const OVERDUE_CONVERSATIONS = graphql(`
  query OverdueConversations {
    overdueConversations {
      studentName
      placement {
        id
      }
      frequency {
        periodStart
        periodEnd
        required
        held
        missed
        nextDueDate
      }
    }
  }
`);

/** Placements whose POK is invalid today or ends within `withinDays`. */
export const POK_ISSUES = graphql(`
    query PokIssues($withinDays: Int!) {
      pokIssues(withinDays: $withinDays) {
        studentName
        placement {
          id
        }
        isValid
        problems
        expiresSoon
        pokEndDate
      }
    }
  `);

/** Every conclusion drawn, per student, oldest first. */
export const CONCLUSIONS_OVER_TIME = graphql(`
  query ConclusionsOverTime {
    conclusionsOverTime {
      conversationId
      studentId
      studentName
      date
      conclusion
      score
      studentConclusion
    }
  }
`);

/** The conclusions counted per programme, cohort or begeleider. */
export const CONCLUSION_DISTRIBUTION = graphql(`
  query ConclusionDistribution($groupBy: ConclusionGrouping!) {
    conclusionDistribution(groupBy: $groupBy) {
      group
      voor
      opSchema
      achter
    }
  }
`);

/** Open agreements past their due date. */
export const OVERDUE_AGREEMENTS = graphql(`
  query OverdueAgreements {
    overdueAgreements {
      studentName
      daysOverdue
      agreement {
        id
        conversationId
        text
        owner
        dueDate
        status
      }
    }
  }
`);

/** Signed conversations whose report nobody has marked as entered into the student system. */
export const NOT_ENTERED_CONVERSATIONS = graphql(`
  query NotEnteredConversations {
    notEnteredConversations {
      conversationId
      placementId
      studentName
      begeleiderName
      scheduledAt
      signedAt
    }
  }
`);

graphql(`
  fragment StaffParticularFields on Particular {
    id
    text
    createdAt
    handledAt
    createdBy {
      id
      name
    }
    conversation {
      id
      placement {
        id
        student {
          id
          name
        }
      }
    }
  }
`);

/** The particulars of the conversations the caller may see: the open or the handled ones. */
export const PARTICULARS = graphql(`
  query Particulars($handled: Boolean) {
    particulars(handled: $handled) {
      ...StaffParticularFields
    }
  }
`);

/** Trajectbegeleider or admin: marks a particular handled. */
export const MARK_PARTICULAR_HANDLED = graphql(`
  mutation MarkParticularHandled($particularId: ID!) {
    markParticularHandled(particularId: $particularId) {
      ...StaffParticularFields
    }
  }
`);

/** A placement as the report page knows it: who, which programme and cohort, which begeleider. */
export type ReportPlacement = ResultOf<typeof STAFF_PLACEMENTS>["staffDirectory"][number];
/** A placement behind the frequency rule. */
export type OverdueConversationRow = ResultOf<
  typeof OVERDUE_CONVERSATIONS
>["overdueConversations"][number];
/** A placement whose POK is invalid today or ends soon. */
export type PokIssueRow = ResultOf<typeof POK_ISSUES>["pokIssues"][number];
/** One conversation's conclusion, for the line against the nominal line. */
export type ConclusionPointRow = ResultOf<
  typeof CONCLUSIONS_OVER_TIME
>["conclusionsOverTime"][number];
/** What conclusions are grouped by in the distribution. */
export type ConclusionGrouping = VariablesOf<typeof CONCLUSION_DISTRIBUTION>["groupBy"];
/** How many conclusions of each kind one group has. */
export type ConclusionCountRow = ResultOf<
  typeof CONCLUSION_DISTRIBUTION
>["conclusionDistribution"][number];
/** An open agreement past its due date. */
export type OverdueAgreementRow = ResultOf<typeof OVERDUE_AGREEMENTS>["overdueAgreements"][number];
/** A signed conversation whose report is not yet entered into the student system. */
export type NotEnteredRow = ResultOf<
  typeof NOT_ENTERED_CONVERSATIONS
>["notEnteredConversations"][number];
/** A particular (bijzonderheid) flagged in a conversation. */
export type ParticularRow = ResultOf<typeof PARTICULARS>["particulars"][number];

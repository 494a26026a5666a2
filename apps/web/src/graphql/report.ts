/**
 * The staff reports (the /overzicht page): operations and the shapes this app selects of them.
 * Every report answers a page of the rows the caller may see, narrowed by the filters on the
 * server; the page looks up the placements of the rows on screen (`STAFF_PLACEMENTS`).
 */

import type { ResultOf, VariablesOf } from "@graphql-typed-document-node/core";
import { graphql } from "./generated";

/** The placements on screen (by id), with what their rows show: the filters' facets. */
export const STAFF_PLACEMENTS = graphql(`
  query StaffPlacements($placementIds: [ID!]!) {
    staffDirectory(placementIds: $placementIds, first: 200) {
      edges {
        node {
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
    }
  }
`);

/** The choices of the filters: programmes, cohorts and begeleiders the caller may see. */
export const REPORT_FILTER_OPTIONS = graphql(`
  query ReportFilterOptions {
    reportFilterOptions {
      programmes {
        id
        crebo
        name
      }
      cohorts
      begeleiders {
        id
        name
      }
    }
  }
`);

graphql(`
  fragment ReportPageInfo on PageInfo {
    hasNextPage
    endCursor
  }
`);

/** A page of the placements behind the frequency rule today. */
export const OVERDUE_CONVERSATIONS = graphql(`
  query OverdueConversations($first: Int!, $after: String, $programme: String, $cohort: String, $begeleiderId: ID, $student: String) {
    overdueConversations(first: $first, after: $after, programme: $programme, cohort: $cohort, begeleiderId: $begeleiderId, student: $student) {
      totalCount
      pageInfo {
        ...ReportPageInfo
      }
      edges {
        node {
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
    }
  }
`);

/** A page of the placements whose POK is invalid today or ends within `withinDays`. */
export const POK_ISSUES = graphql(`
  query PokIssues($withinDays: Int!, $first: Int!, $after: String, $programme: String, $cohort: String, $begeleiderId: ID, $student: String) {
    pokIssues(withinDays: $withinDays, first: $first, after: $after, programme: $programme, cohort: $cohort, begeleiderId: $begeleiderId, student: $student) {
      totalCount
      pageInfo {
        ...ReportPageInfo
      }
      edges {
        node {
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
    }
  }
`);

/** A page of the students with conclusions, each with their conclusions oldest first. */
export const CONCLUSIONS_OVER_TIME = graphql(`
  query ConclusionsOverTime($first: Int!, $after: String, $programme: String, $cohort: String, $begeleiderId: ID, $student: String) {
    conclusionsOverTime(first: $first, after: $after, programme: $programme, cohort: $cohort, begeleiderId: $begeleiderId, student: $student) {
      totalCount
      pageInfo {
        ...ReportPageInfo
      }
      edges {
        node {
          studentId
          points {
            conversationId
            placementId
            studentId
            studentName
            date
            conclusion
            score
            studentConclusion
          }
        }
      }
    }
  }
`);

/** The conclusions counted per programme, cohort or begeleider, within the filters. */
export const CONCLUSION_DISTRIBUTION = graphql(`
  query ConclusionDistribution(
    $groupBy: ConclusionGrouping!
    $programme: String
    $cohort: String
    $begeleiderId: ID
    $student: String
  ) {
    conclusionDistribution(
      groupBy: $groupBy
      programme: $programme
      cohort: $cohort
      begeleiderId: $begeleiderId
      student: $student
    ) {
      group
      voor
      opSchema
      achter
    }
  }
`);

/** A page of the open agreements past their due date. */
export const OVERDUE_AGREEMENTS = graphql(`
  query OverdueAgreements($first: Int!, $after: String, $programme: String, $cohort: String, $begeleiderId: ID, $student: String) {
    overdueAgreements(first: $first, after: $after, programme: $programme, cohort: $cohort, begeleiderId: $begeleiderId, student: $student) {
      totalCount
      pageInfo {
        ...ReportPageInfo
      }
      edges {
        node {
          studentName
          daysOverdue
          placementId
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
    }
  }
`);

/** A page of the signed conversations whose report nobody has marked as entered. */
export const NOT_ENTERED_CONVERSATIONS = graphql(`
  query NotEnteredConversations($first: Int!, $after: String, $programme: String, $cohort: String, $begeleiderId: ID, $student: String) {
    notEnteredConversations(first: $first, after: $after, programme: $programme, cohort: $cohort, begeleiderId: $begeleiderId, student: $student) {
      totalCount
      pageInfo {
        ...ReportPageInfo
      }
      edges {
        node {
          conversationId
          placementId
          studentName
          begeleiderName
          scheduledAt
          signedAt
        }
      }
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

type NodeOf<T> = T extends { edges: readonly { node: infer N }[] } ? N : never;

/** A placement as the report page knows it: who, which programme and cohort, which begeleider. */
export type ReportPlacement = NodeOf<ResultOf<typeof STAFF_PLACEMENTS>["staffDirectory"]>;
/** The choices of the filters. */
export type ReportFilterChoices = ResultOf<typeof REPORT_FILTER_OPTIONS>["reportFilterOptions"];
/** A placement behind the frequency rule. */
export type OverdueConversationRow = NodeOf<
  ResultOf<typeof OVERDUE_CONVERSATIONS>["overdueConversations"]
>;
/** A placement whose POK is invalid today or ends soon. */
export type PokIssueRow = NodeOf<ResultOf<typeof POK_ISSUES>["pokIssues"]>;
/** One conversation's conclusion, for the line against the nominal line. */
export type ConclusionPointRow = NodeOf<
  ResultOf<typeof CONCLUSIONS_OVER_TIME>["conclusionsOverTime"]
>["points"][number];
/** What conclusions are grouped by in the distribution. */
export type ConclusionGrouping = VariablesOf<typeof CONCLUSION_DISTRIBUTION>["groupBy"];
/** How many conclusions of each kind one group has. */
export type ConclusionCountRow = ResultOf<
  typeof CONCLUSION_DISTRIBUTION
>["conclusionDistribution"][number];
/** An open agreement past its due date. */
export type OverdueAgreementRow = NodeOf<ResultOf<typeof OVERDUE_AGREEMENTS>["overdueAgreements"]>;
/** A signed conversation whose report is not yet entered into the student system. */
export type NotEnteredRow = NodeOf<
  ResultOf<typeof NOT_ENTERED_CONVERSATIONS>["notEnteredConversations"]
>;
/** A particular (bijzonderheid) flagged in a conversation. */
export type ParticularRow = ResultOf<typeof PARTICULARS>["particulars"][number];

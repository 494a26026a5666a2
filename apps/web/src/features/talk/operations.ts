/** The 70 % meter's operations: report speaking intervals, read the shares, the staff report. */
import { graphql } from "../../graphql/generated";

graphql(`
  fragment TalkShareFields on TalkShare {
    studentShare
    target
    totals {
      role
      ms
    }
    phases {
      phase
      studentShare
      totals {
        role
        ms
      }
    }
  }
`);

export const TALK_SHARE = graphql(`
  query TalkShare($id: ID!) {
    conversation(id: $id) {
      id
      talkShare {
        ...TalkShareFields
      }
    }
  }
`);

export const SUBMIT_TALK = graphql(`
  mutation SubmitTalk($conversationId: ID!, $intervals: [TalkIntervalInput!]!) {
    submitTalk(conversationId: $conversationId, intervals: $intervals) {
      studentShare
    }
  }
`);

export const TALK_REPORT = graphql(`
  query TalkShareReport($groupBy: TalkGrouping!, $first: Int, $after: String) {
    talkShareReport(groupBy: $groupBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          group
          month
          conversations
          averageStudentShare
        }
      }
    }
  }
`);

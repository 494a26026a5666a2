/** The mail outbox (admin): what was sent, what waits and what failed, with the reason. */

import { graphql } from "./generated";

/** A page of the outbox, newest first, optionally of one status. */
export const MAIL_OUTBOX = graphql(`
  query MailOutbox($first: Int!, $after: String, $status: MailStatus) {
    mailOutbox(first: $first, after: $after, status: $status) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          kind
          to
          subject
          status
          attempts
          lastError
          createdAt
          sentAt
          nextAttemptAt
        }
      }
    }
  }
`);

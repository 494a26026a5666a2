/**
 * The begeleider's planner (the /studenten page): the placements with their frequency and POK
 * status and planned conversations, and the operations that plan, move and cancel them and
 * manage each participant's invite link.
 */

import type { ResultOf, VariablesOf } from "@graphql-typed-document-node/core";
import { graphql } from "./generated";

graphql(`
  fragment PlanningInviteFields on InviteLink {
    url
    hasEmail
    person {
      id
      name
    }
    invite {
      id
      role
      expiresAt
      revokedAt
      lastUsedAt
      lastMail {
        kind
        status
        sentAt
        lastError
      }
    }
  }
`);

/** Every placement the caller may see, with what planning needs. */
export const PLANNING_PLACEMENTS = graphql(`
  query PlanningPlacements {
    placements {
      id
      startDate
      endDate
      companyName
      student {
        id
        name
      }
      enrolment {
        id
      }
      pokCheck {
        isValid
        problems
        messages
      }
      frequency {
        periodStart
        periodEnd
        required
        held
        missed
        isOverdue
        nextDueDate
        proposedDate
      }
      conversations {
        id
        scheduledAt
        status
        mode
        durationMinutes
        location
        onlineUrl
        invites {
          ...PlanningInviteFields
        }
      }
    }
  }
`);

/** Plans a conversation for a placement; the server mails every participant their link. */
export const SCHEDULE_CONVERSATION = graphql(`
  mutation ScheduleConversation($input: ScheduleConversationInput!) {
    scheduleConversation(input: $input) {
      conversation {
        id
        scheduledAt
      }
    }
  }
`);

/** Moves a planned conversation; the participants get an update of the same calendar entry. */
export const MOVE_CONVERSATION = graphql(`
  mutation MoveConversation(
    $conversationId: ID!
    $startsAt: DateTimeISO!
    $durationMinutes: Int!
    $mode: ConversationMode
    $location: String
    $onlineUrl: String
  ) {
    moveConversation(
      conversationId: $conversationId
      startsAt: $startsAt
      durationMinutes: $durationMinutes
      mode: $mode
      location: $location
      onlineUrl: $onlineUrl
    ) {
      id
      scheduledAt
      durationMinutes
      mode
      location
      onlineUrl
    }
  }
`);

/** Calls a planned conversation off; it is deleted with its invites. */
export const CANCEL_CONVERSATION = graphql(`
  mutation CancelConversation($conversationId: ID!, $reason: String) {
    cancelConversation(conversationId: $conversationId, reason: $reason) {
      id
    }
  }
`);

/** Mails a participant the same link again. */
export const RESEND_INVITE = graphql(`
  mutation ResendInvite($inviteId: ID!) {
    resendInvite(inviteId: $inviteId) {
      ...PlanningInviteFields
    }
  }
`);

/** Revokes a participant's link and mails them a new one. */
export const REISSUE_INVITE = graphql(`
  mutation ReissueInvite($inviteId: ID!) {
    reissueInvite(inviteId: $inviteId) {
      ...PlanningInviteFields
    }
  }
`);

/** A placement as the planner shows it. */
export type PlanningPlacement = ResultOf<typeof PLANNING_PLACEMENTS>["placements"][number];
/** One of a placement's conversations. */
export type PlanningConversation = PlanningPlacement["conversations"][number];
/** A participant's invite link, with its state. */
export type PlanningInvite = NonNullable<PlanningConversation["invites"]>[number];
/** What scheduling sends. */
export type ScheduleInput = VariablesOf<typeof SCHEDULE_CONVERSATION>["input"];

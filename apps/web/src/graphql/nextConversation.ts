/** GraphQL operations for planning the placement's next conversation at the end of this one. */
import { graphql } from "./generated";

/** The conversation's placement, with every conversation it has (to see one is planned). */
export const PLACEMENT_CONVERSATIONS = graphql(`
  query PlacementConversations($id: ID!) {
    conversation(id: $id) {
      id
      scheduledAt
      mode
      placement {
        id
        endDate
        conversations {
          id
          status
          scheduledAt
        }
      }
    }
  }
`);

/** BPV-begeleider: plans the placement's next conversation. */
export const SCHEDULE_CONVERSATION = graphql(`
  mutation ScheduleNextConversation(
    $placementId: ID!
    $scheduledAt: DateTimeISO!
    $mode: ConversationMode!
  ) {
    scheduleConversation(
      input: { placementId: $placementId, scheduledAt: $scheduledAt, mode: $mode }
    ) {
      conversation {
        id
        scheduledAt
      }
    }
  }
`);

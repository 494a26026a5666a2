/** GraphQL operations for planning the placement's next conversation at the end of this one. */
import { gql, type TypedDocumentNode } from "@apollo/client";
import type { ConversationStatus } from "@driehoek/domain";

/** The conversation's placement, with every conversation it has (to see one is planned). */
export interface PlacementConversations {
  conversation: {
    id: string;
    scheduledAt: string;
    mode: "in_person" | "online";
    placement: {
      id: string;
      conversations: { id: string; status: ConversationStatus; scheduledAt: string }[];
    };
  } | null;
}

export const PLACEMENT_CONVERSATIONS: TypedDocumentNode<PlacementConversations, { id: string }> =
  gql`
    query PlacementConversations($id: ID!) {
      conversation(id: $id) {
        id
        scheduledAt
        mode
        placement {
          id
          conversations {
            id
            status
            scheduledAt
          }
        }
      }
    }
  `;

export interface ScheduleResult {
  scheduleConversation: { conversation: { id: string; scheduledAt: string } };
}

export const SCHEDULE_CONVERSATION: TypedDocumentNode<
  ScheduleResult,
  { placementId: string; scheduledAt: string; mode: "in_person" | "online" }
> = gql`
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
`;

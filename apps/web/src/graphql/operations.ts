import { gql, type TypedDocumentNode } from "@apollo/client";
import type {
  AuthPayload,
  Conversation,
  ConversationDetail,
  ConversationSummary,
  GuidePhase,
  PhaseChange,
} from "./types";

const PERSON_FIELDS = gql`
  fragment PersonFields on Person {
    id
    name
    role
  }
`;

const CONVERSATION_FIELDS = gql`
  fragment ConversationFields on Conversation {
    id
    status
    mode
    scheduledAt
    phase
    section
    phaseStartedAt
    startedAt
    endedAt
    myRole
    participants {
      role
      person {
        ...PersonFields
      }
    }
    placement {
      id
      companyName
      startDate
      endDate
      programme {
        id
        crebo
        name
      }
      pokCheck {
        isValid
        problems
        messages
      }
      student {
        ...PersonFields
      }
    }
  }
  ${PERSON_FIELDS}
`;

const AUTH_FIELDS = gql`
  fragment AuthFields on AuthPayload {
    accessToken
    role
    conversationId
    expiresAt
    person {
      ...PersonFields
    }
  }
  ${PERSON_FIELDS}
`;

/** Staff login with e-mail and password. */
export const LOGIN: TypedDocumentNode<{ login: AuthPayload }, { email: string; password: string }> =
  gql`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      ...AuthFields
    }
  }
  ${AUTH_FIELDS}
`;

/** Trades an invite link's token for a session on its one conversation. */
export const JOIN_WITH_INVITE: TypedDocumentNode<
  { joinWithInvite: AuthPayload },
  { token: string }
> = gql`
  mutation JoinWithInvite($token: String!) {
    joinWithInvite(token: $token) {
      ...AuthFields
    }
  }
  ${AUTH_FIELDS}
`;

/** The conversations the signed-in person takes part in or is responsible for. */
export const MY_CONVERSATIONS: TypedDocumentNode<
  { conversations: ConversationSummary[] },
  Record<string, never>
> = gql`
  query MyConversations {
    conversations {
      id
      status
      mode
      scheduledAt
      myRole
      placement {
        id
        companyName
        student {
          ...PersonFields
        }
      }
    }
  }
  ${PERSON_FIELDS}
`;

/** One conversation with its participants, where it stands and last time's agreements. */
export const CONVERSATION: TypedDocumentNode<{ conversation: ConversationDetail }, { id: string }> =
  gql`
  query Conversation($id: ID!) {
    conversation(id: $id) {
      ...ConversationFields
      previousAgreements {
        id
        text
        owner
        dueDate
        status
      }
    }
  }
  ${CONVERSATION_FIELDS}
`;

/** The guide's phases and sections in one language. */
export const GUIDE: TypedDocumentNode<{ guide: GuidePhase[] }, { locale: string }> = gql`
  query Guide($locale: String!) {
    guide(locale: $locale) {
      key
      title
      plannedMinutes
      goal
      sections {
        key
        title
        goal
        tip
        exampleQuestions
      }
    }
  }
`;

/** Every move of the conversation, pushed to everyone on it. */
export const PHASE_CHANGED: TypedDocumentNode<
  { phaseChanged: PhaseChange },
  { conversationId: string }
> = gql`
  subscription PhaseChanged($conversationId: ID!) {
    phaseChanged(conversationId: $conversationId) {
      conversationId
      phase
      section
      startedAt
      status
    }
  }
`;

/** Variables of the supervisor's moves that need only the conversation. */
type ConversationIdVars = { conversationId: string };

/** Supervisor: opens a planned conversation at the first section of the Inleiding. */
export const START_CONVERSATION: TypedDocumentNode<
  { startConversation: Conversation },
  ConversationIdVars
> = gql`
  mutation StartConversation($conversationId: ID!) {
    startConversation(conversationId: $conversationId) {
      ...ConversationFields
    }
  }
  ${CONVERSATION_FIELDS}
`;

/** Supervisor: moves on to the next phase. */
export const ADVANCE_PHASE: TypedDocumentNode<{ advancePhase: Conversation }, ConversationIdVars> =
  gql`
    mutation AdvancePhase($conversationId: ID!) {
      advancePhase(conversationId: $conversationId) {
        ...ConversationFields
      }
    }
    ${CONVERSATION_FIELDS}
  `;

/** Supervisor: goes back to the previous phase. */
export const RETURN_TO_PREVIOUS_PHASE: TypedDocumentNode<
  { returnToPreviousPhase: Conversation },
  ConversationIdVars
> = gql`
  mutation ReturnToPreviousPhase($conversationId: ID!) {
    returnToPreviousPhase(conversationId: $conversationId) {
      ...ConversationFields
    }
  }
  ${CONVERSATION_FIELDS}
`;

/** Supervisor: jumps to a section of the current phase. */
export const MOVE_TO_SECTION: TypedDocumentNode<
  { moveToSection: Conversation },
  ConversationIdVars & { section: string }
> = gql`
  mutation MoveToSection($conversationId: ID!, $section: String!) {
    moveToSection(conversationId: $conversationId, section: $section) {
      ...ConversationFields
    }
  }
  ${CONVERSATION_FIELDS}
`;

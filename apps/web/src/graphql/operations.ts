/**
 * The live conversation's operations: signing in, the list, one conversation with the guide,
 * the supervisor's moves and the one event that keeps the page current. Result and variable
 * types come from the schema (`npm run codegen`); the shapes components pass around are derived
 * from them below.
 */
import type { ResultOf } from "@graphql-typed-document-node/core";
import { graphql } from "./generated";

graphql(`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    endCursor
  }
`);

graphql(`
  fragment PersonFields on Person {
    id
    name
    role
  }
`);

graphql(`
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
`);

graphql(`
  fragment AuthFields on AuthPayload {
    accessToken
    role
    conversationId
    expiresAt
    person {
      ...PersonFields
    }
  }
`);

/** Staff login with e-mail and password. */
export const LOGIN = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      ...AuthFields
    }
  }
`);

/** Trades an invite link's token for a session on its one conversation. */
export const JOIN_WITH_INVITE = graphql(`
  mutation JoinWithInvite($token: String!) {
    joinWithInvite(token: $token) {
      ...AuthFields
    }
  }
`);

/** The conversations the signed-in person takes part in or is responsible for. */
export const MY_CONVERSATIONS = graphql(`
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
`);

/** One conversation with its participants, where it stands and last time's agreements. */
export const CONVERSATION = graphql(`
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
`);

/** The guide's phases and sections in one language. */
export const GUIDE = graphql(`
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
        exampleQuestionsLabel
        exampleQuestions
      }
    }
  }
`);

/**
 * Every change of the conversation, pushed to everyone on it: what changed (`kinds`) and where
 * it stands now.
 */
export const CONVERSATION_CHANGED = graphql(`
  subscription ConversationChanged($conversationId: ID!) {
    conversationChanged(conversationId: $conversationId) {
      conversationId
      kinds
      phase
      section
      startedAt
      sectionStartedAt
      status
      version
    }
  }
`);

/** Supervisor: opens a planned conversation at the first section of the Inleiding. */
export const START_CONVERSATION = graphql(`
  mutation StartConversation($conversationId: ID!) {
    startConversation(conversationId: $conversationId) {
      ...ConversationFields
    }
  }
`);

/** Supervisor: moves on to the next phase. */
export const ADVANCE_PHASE = graphql(`
  mutation AdvancePhase($conversationId: ID!) {
    advancePhase(conversationId: $conversationId) {
      ...ConversationFields
    }
  }
`);

/** Supervisor: goes back to the previous phase. */
export const RETURN_TO_PREVIOUS_PHASE = graphql(`
  mutation ReturnToPreviousPhase($conversationId: ID!) {
    returnToPreviousPhase(conversationId: $conversationId) {
      ...ConversationFields
    }
  }
`);

/** Supervisor: jumps to a section of the current phase. */
export const MOVE_TO_SECTION = graphql(`
  mutation MoveToSection($conversationId: ID!, $section: String!) {
    moveToSection(conversationId: $conversationId, section: $section) {
      ...ConversationFields
    }
  }
`);

/** What `login` and `joinWithInvite` return: a bearer token and who it belongs to. */
export type AuthPayload = ResultOf<typeof LOGIN>["login"];
/** A person as the API shows them. */
export type Person = AuthPayload["person"];
/** A conversation as listed on the start page. */
export type ConversationSummary = ResultOf<typeof MY_CONVERSATIONS>["conversations"][number];
/** The conversation as its page loads it, with last time's agreements for review. */
export type ConversationDetail = ResultOf<typeof CONVERSATION>["conversation"];
/** Someone taking part in a conversation, in the role they have there. */
export type Participant = ConversationDetail["participants"][number];
/** Whether the placement agreement (POK) is valid today, and if not, why. */
export type PokCheck = ConversationDetail["placement"]["pokCheck"];
/** An agreement of the placement's previous conversation. */
export type PreviousAgreement = ConversationDetail["previousAgreements"][number];
/** One phase of the guide, already in the requested language. */
export type GuidePhase = ResultOf<typeof GUIDE>["guide"][number];
/** One section of the guide, already in the requested language. */
export type GuideSection = GuidePhase["sections"][number];
/** One `conversationChanged` event. */
export type ConversationChange = ResultOf<typeof CONVERSATION_CHANGED>["conversationChanged"];
/** What an event says changed. */
export type ConversationChangeKind = ConversationChange["kinds"][number];

/** The time really spent per phase and section, read again whenever the conversation moves. */
export const CONVERSATION_TIMES = graphql(`
  query ConversationTimes($id: ID!) {
    conversation(id: $id) {
      id
      phasePeriods {
        phase
        startedAt
        endedAt
      }
      sectionPeriods {
        phase
        section
        startedAt
        endedAt
      }
    }
  }
`);

/**
 * TypeScript shapes of the server's GraphQL types, as far as this app selects them.
 * Hand-written from the schema until client types are generated from `schema.graphql`.
 */
import type {
  AgreementStatus,
  ConversationStatus,
  PhaseKey,
  PokProblem,
  Role,
} from "@driehoek/domain";

export type { ConversationStatus };

/** Whether the three meet at the company or by video call. */
export type ConversationMode = "in_person" | "online";

/** A person as the API shows them. */
export interface Person {
  id: string;
  name: string;
  role: Role;
}

/** What `login` and `joinWithInvite` return: a bearer token and who it belongs to. */
export interface AuthPayload {
  accessToken: string;
  role: Role;
  /** Set for invite sessions: the one conversation the token opens. */
  conversationId: string | null;
  expiresAt: string;
  person: Person;
}

/** One section of the guide, already in the requested language. */
export interface GuideSection {
  key: string;
  title: string;
  goal: string;
  tip: string | null;
  exampleQuestions: string[];
}

/** One phase of the guide, already in the requested language. */
export interface GuidePhase {
  key: PhaseKey;
  title: string;
  plannedMinutes: number;
  goal: string;
  sections: GuideSection[];
}

/** Someone taking part in a conversation, in the role they have there. */
export interface Participant {
  person: Person;
  role: Role;
}

/** The programme (opleiding) a placement belongs to. */
export interface Programme {
  id: string;
  crebo: string;
  name: string;
}

/** Whether the placement agreement (POK) is valid today, and if not, why. */
export interface PokCheck {
  isValid: boolean;
  problems: PokProblem[];
  /** The problems as Dutch sentences. */
  messages: string[];
}

/** An agreement of the placement's previous conversation. */
export interface PreviousAgreement {
  id: string;
  text: string;
  owner: Role | null;
  dueDate: string | null;
  status: AgreementStatus;
}

/** The placement a conversation is about. */
export interface Placement {
  id: string;
  student: Person;
  companyName: string;
  startDate: string;
  endDate: string;
  programme: Programme;
  pokCheck: PokCheck;
}

/** A conversation as listed on the start page. */
export interface ConversationSummary {
  id: string;
  status: ConversationStatus;
  mode: ConversationMode;
  scheduledAt: string;
  myRole: Role | null;
  placement: Pick<Placement, "id" | "companyName"> & { student: Person };
}

/** A conversation with everything the live page shows. */
export interface Conversation extends ConversationSummary {
  phase: PhaseKey | null;
  section: string | null;
  phaseStartedAt: string | null;
  startedAt: string | null;
  endedAt: string | null;
  participants: Participant[];
  placement: Placement;
}

/** The conversation as its page loads it: also the agreements of last time, for review. */
export interface ConversationDetail extends Conversation {
  previousAgreements: PreviousAgreement[];
}

/** The event every participant receives when the supervisor moves the conversation. */
export interface PhaseChange {
  conversationId: string;
  phase: PhaseKey | null;
  section: string | null;
  startedAt: string | null;
  status: ConversationStatus;
}

import {
  type ConversationStatus,
  LIMITS,
  type ParticipantRole,
  type PhaseKey,
} from "@driehoek/domain";
import { IsIn, IsOptional, IsString, MaxLength } from "class-validator";
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { CONVERSATION_CHANGE_KINDS, type ConversationChangeKind } from "../../events.js";
import {
  ConversationModeEnum,
  ConversationStatusEnum,
  PhaseEnum,
  RoleEnum,
} from "../../graphql/enums.js";
import { IsDateInRange } from "../../security/date-range.js";
import { Invite } from "../invite/invite.entity.js";
import { Person } from "../people/person.entity.js";
import { PlanDetailsInput } from "../planning/planning.types.js";
import { Conversation, type ConversationMode } from "./conversation.entity.js";

/** A person in a conversation, in their role there. */
@ObjectType("Participant")
export class ParticipantType {
  @Field(() => Person) person: Person;
  @Field(() => RoleEnum) role: ParticipantRole;
}

const ConversationChangeKindEnum = Object.fromEntries(
  CONVERSATION_CHANGE_KINDS.map((kind) => [kind, kind]),
) as Record<ConversationChangeKind, ConversationChangeKind>;

registerEnumType(ConversationChangeKindEnum, {
  name: "ConversationChangeKind",
  description: "What a conversationChanged event reports as changed.",
  valuesConfig: {
    PHASE: { description: "The phase moved (start, next or previous phase)." },
    SECTION: { description: "The section moved (within the phase, or with it)." },
    STATUS: { description: "The status changed (planned, live, ended, signed)." },
    CONCLUSION: {
      description: "The begeleider's conclusion or the student's own view was saved.",
    },
    SIGNATURES: { description: "An akkoord given or voided, or the paper form recorded." },
    NEXT_CONVERSATION: { description: "The placement's next conversation was planned." },
    RECORD: {
      description: "The stored record changed (summary, notes, agreements, review, particulars).",
    },
  },
});

/** Pushed to everyone who may see a conversation whenever something of it changes. */
@ObjectType("ConversationChange")
export class ConversationChange {
  @Field(() => ID) conversationId: string;
  @Field(() => [ConversationChangeKindEnum], {
    description: "What changed in this event (at least one).",
  })
  kinds: ConversationChangeKind[];
  @Field(() => PhaseEnum, { nullable: true }) phase: PhaseKey | null;
  @Field(() => String, { nullable: true }) section: string | null;
  @Field(() => Date, { nullable: true, description: "When the current phase started." })
  startedAt: Date | null;
  @Field(() => Date, { nullable: true, description: "When the current section started." })
  sectionStartedAt: Date | null;
  @Field(() => ConversationStatusEnum) status: ConversationStatus;
  @Field(() => Int, { description: "Goes up with every move of the guide or status." })
  version: number;
}

/** An invite as shown to the one who leads the conversation. */
@ObjectType("InviteLink")
export class InviteLink {
  @Field(() => Invite) invite: Invite;
  @Field(() => Person) person: Person;
  @Field(() => String, { description: "The personal link to send to this participant." })
  url: string;
  @Field(() => Boolean, {
    description:
      "Whether the participant has an e-mail address, so Driehoek can mail the link; without one it is copied and sent by hand.",
  })
  hasEmail: boolean;
}

/** A newly scheduled conversation and the invite link for each participant. */
@ObjectType("ScheduledConversation")
export class ScheduledConversation {
  @Field(() => Conversation) conversation: Conversation;
  @Field(() => [InviteLink]) invites: InviteLink[];
}

@InputType()
export class ScheduleConversationInput extends PlanDetailsInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(LIMITS.id)
  placementId: string;

  @Field(() => Date, { description: "Between 2000 and 2100." })
  @IsDateInRange()
  scheduledAt: Date;

  @Field(() => ConversationModeEnum, { defaultValue: "in_person" })
  @IsIn(["in_person", "online"])
  mode: ConversationMode;
}

@ArgsType()
export class ConversationIdArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(LIMITS.id)
  conversationId: string;
}

@ArgsType()
export class AdvancePhaseArgs extends ConversationIdArgs {
  @Field(() => PhaseEnum, {
    nullable: true,
    description: "The phase the caller saw; when it moved meanwhile, nothing happens (CONFLICT).",
  })
  @IsOptional()
  expectedPhase?: PhaseKey | null;
}

@ArgsType()
export class MoveToSectionArgs extends ConversationIdArgs {
  @Field(() => String)
  @IsString()
  @MaxLength(LIMITS.guideKey)
  section: string;
}

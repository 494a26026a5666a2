import {
  type ConversationStatus,
  LIMITS,
  type ParticipantRole,
  type PhaseKey,
} from "@driehoek/domain";
import { IsIn, IsOptional, IsString, MaxLength } from "class-validator";
import { ArgsType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import {
  ConversationModeEnum,
  ConversationStatusEnum,
  PhaseEnum,
  RoleEnum,
} from "../../graphql/enums.js";
import { Invite } from "../invite/invite.entity.js";
import { Person } from "../people/person.entity.js";
import { Conversation, type ConversationMode } from "./conversation.entity.js";

/** A person in a conversation, in their role there. */
@ObjectType("Participant")
export class ParticipantType {
  @Field(() => Person) person: Person;
  @Field(() => RoleEnum) role: ParticipantRole;
}

/** Pushed to participants whenever the guide moves or the conversation's status changes. */
@ObjectType("PhaseChange")
export class PhaseChange {
  @Field(() => ID) conversationId: string;
  @Field(() => PhaseEnum, { nullable: true }) phase: PhaseKey | null;
  @Field(() => String, { nullable: true }) section: string | null;
  @Field(() => Date, { nullable: true, description: "When the current phase started." })
  startedAt: Date | null;
  @Field(() => Date, { nullable: true }) sectionStartedAt: Date | null;
  @Field(() => ConversationStatusEnum) status: ConversationStatus;
  @Field(() => Int) version: number;
}

/** An invite as shown to the one who leads the conversation. */
@ObjectType("InviteLink")
export class InviteLink {
  @Field(() => Invite) invite: Invite;
  @Field(() => Person) person: Person;
  @Field(() => String, { description: "The personal link to send to this participant." })
  url: string;
}

/** A newly scheduled conversation and the invite link for each participant. */
@ObjectType("ScheduledConversation")
export class ScheduledConversation {
  @Field(() => Conversation) conversation: Conversation;
  @Field(() => [InviteLink]) invites: InviteLink[];
}

@InputType()
export class ScheduleConversationInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(LIMITS.id)
  placementId: string;

  @Field(() => Date)
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

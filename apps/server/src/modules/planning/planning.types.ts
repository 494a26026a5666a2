import { LIMITS, PLAN_DURATION } from "@driehoek/domain";
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { ConversationModeEnum } from "../../graphql/enums.js";
import { IsDateInRange } from "../../security/date-range.js";
import type { ConversationMode } from "../conversation/conversation.entity.js";

/** Shortest and longest conversation one may plan, in minutes (the web form uses the same). */
export const DURATION_RANGE = PLAN_DURATION;

/** How long and where: the part of a plan that goes into the calendar invite. */
@InputType()
@ArgsType()
export class PlanDetailsInput {
  @Field(() => Int, {
    defaultValue: DURATION_RANGE.default,
    description: "Length in minutes (40 by default).",
  })
  @IsInt()
  @Min(DURATION_RANGE.min)
  @Max(DURATION_RANGE.max)
  durationMinutes: number;

  @Field(() => String, { nullable: true, description: "Where the three meet in person." })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.planLocation)
  location?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The video-call link (http or https) for an online conversation.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.planOnlineUrl)
  onlineUrl?: string | null;
}

/** The details as stored; each given field is trimmed, an empty one is none. */
export interface PlanDetails {
  durationMinutes: number;
  location: string | null;
  onlineUrl: string | null;
}

@ArgsType()
export class MoveConversationArgs extends PlanDetailsInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(LIMITS.id)
  conversationId: string;

  @Field(() => Date, { description: "The new start (between 2000 and 2100)." })
  @IsDateInRange()
  startsAt: Date;

  @Field(() => ConversationModeEnum, {
    nullable: true,
    description: "In person or online; unchanged when left out.",
  })
  @IsOptional()
  @IsIn(["in_person", "online"])
  mode?: ConversationMode | null;
}

@ArgsType()
export class CancelConversationArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(LIMITS.id)
  conversationId: string;

  @Field(() => String, { nullable: true, description: "Told to the participants in the mail." })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.cancelReason)
  reason?: string | null;
}

@ArgsType()
export class InviteIdArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(LIMITS.id)
  inviteId: string;
}

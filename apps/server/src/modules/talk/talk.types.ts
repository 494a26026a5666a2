import { LIMITS, type ParticipantRole, type PhaseKey } from "@driehoek/domain";
import { ArrayMaxSize, IsOptional, IsString, Max, MaxLength, Min } from "class-validator";
import {
  ArgsType,
  Field,
  Float,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from "type-graphql";
import { PhaseEnum, RoleEnum } from "../../graphql/enums.js";
import { PageInfo } from "../../graphql/pagination.js";
import { IsDateInRange } from "../../security/date-range.js";
import { TALK_SOURCES, type TalkSource } from "./talk-interval.entity.js";
import { TALK_LIMITS } from "./talk-rules.js";

const TalkSourceEnum = Object.fromEntries(TALK_SOURCES.map((s) => [s, s])) as Record<
  TalkSource,
  TalkSource
>;
registerEnumType(TalkSourceEnum, {
  name: "TalkSource",
  description:
    "VAD: the speech model on the speaker's device; ENERGY: the lighter loudness detector; TAP: the begeleider tapping who speaks on a shared device.",
});

/** One "speaking from t1 to t2", as a device reports it. */
@InputType()
export class TalkIntervalInput {
  @Field(() => Date) @IsDateInRange() startedAt: Date;
  @Field(() => Date) @IsDateInRange() endedAt: Date;
  @Field(() => TalkSourceEnum) source: TalkSource;
  @Field(() => RoleEnum, {
    nullable: true,
    description:
      "Who spoke. Only with TAP, by the conversation's BPV-begeleider; otherwise the caller's own role.",
  })
  @IsOptional()
  role?: ParticipantRole | null;
}

@ArgsType()
export class SubmitTalkArgs {
  @Field(() => ID) @IsString() @MaxLength(LIMITS.id) conversationId: string;
  @Field(() => [TalkIntervalInput], {
    description: `At most ${TALK_LIMITS.perCall} intervals, each at most ${TALK_LIMITS.maxIntervalMs / 1000} s.`,
  })
  @ArrayMaxSize(TALK_LIMITS.perCall)
  intervals: TalkIntervalInput[];
}

/** Speaking time of one role. */
@ObjectType("TalkRoleTotal")
export class TalkRoleTotal {
  @Field(() => RoleEnum) role: ParticipantRole;
  @Field(() => Int, { description: "Milliseconds spoken." }) ms: number;
}

/** Speaking time in one phase. */
@ObjectType("TalkPhaseShare")
export class TalkPhaseShare {
  @Field(() => PhaseEnum) phase: PhaseKey;
  @Field(() => [TalkRoleTotal]) totals: TalkRoleTotal[];
  @Field(() => Float, { nullable: true, description: "The student's part of all speech, 0–1." })
  studentShare: number | null;
}

/** Speaking time in one section of the guide. */
@ObjectType("TalkSectionTotal")
export class TalkSectionTotal {
  @Field(() => PhaseEnum) phase: PhaseKey;
  @Field(() => String) section: string;
  @Field(() => [TalkRoleTotal]) totals: TalkRoleTotal[];
}

/** Who talked how much: the 70 % meter (docs/TALK-METER.md). */
@ObjectType("TalkShare")
export class TalkShare {
  @Field(() => [TalkRoleTotal], { description: "Per role, the whole conversation." })
  totals: TalkRoleTotal[];
  @Field(() => Float, {
    nullable: true,
    description: "The student's part of all speech, 0–1; null before anyone spoke.",
  })
  studentShare: number | null;
  @Field(() => [TalkPhaseShare], { description: "Per phase that has speech, in guide order." })
  phases: TalkPhaseShare[];
  @Field(() => [TalkSectionTotal], { description: "Per section that has speech." })
  sections: TalkSectionTotal[];
  @Field(() => Float, { description: "The guide's mark: the student talks about 70 %." })
  target: number;
}

/** How the talk report groups conversations. */
export enum TalkGrouping {
  begeleider = "begeleider",
  programme = "programme",
  cohort = "cohort",
  student = "student",
}
registerEnumType(TalkGrouping, { name: "TalkGrouping" });

@ArgsType()
export class TalkReportArgs {
  @Field(() => TalkGrouping) groupBy: TalkGrouping;
  @Field(() => Int, { defaultValue: 25 }) @Min(1) @Max(100) first: number;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  after?: string | null;
}

/** The average student share of one group in one month. */
@ObjectType("TalkReportRow")
export class TalkReportRow {
  @Field(() => String, { description: "A begeleider's or student's name, a crebo, a cohort." })
  group: string;
  @Field(() => String, { description: "The month, YYYY-MM." }) month: string;
  @Field(() => Int, { description: "Conversations with measured speech." }) conversations: number;
  @Field(() => Float, { description: "Average of the conversations' student shares, 0–1." })
  averageStudentShare: number;
}

@ObjectType("TalkReportEdge")
export class TalkReportEdge {
  @Field(() => TalkReportRow) node: TalkReportRow;
  @Field(() => String) cursor: string;
}

@ObjectType("TalkReportConnection")
export class TalkReportConnection {
  @Field(() => Int, { description: "Rows on all pages." }) totalCount: number;
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => [TalkReportEdge]) edges: TalkReportEdge[];
}

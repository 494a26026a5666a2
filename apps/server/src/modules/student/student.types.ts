import {
  type AgreementStatus,
  type ConversationStatus,
  type ParticipantRole,
  type PokProblem,
  SMART_LETTERS,
  type SmartLetter,
} from "@driehoek/domain";
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import {
  AgreementStatusEnum,
  ConclusionEnum,
  ConversationModeEnum,
  ConversationStatusEnum,
  PokProblemEnum,
  RoleEnum,
} from "../../graphql/enums.js";
import { PageInfo } from "../../graphql/pagination.js";
import type { ConversationMode } from "../conversation/conversation.entity.js";
import { FrequencyStatusType } from "../placement/placement.types.js";

/** Where one window of the frequency rule stands today. */
export const WINDOW_STATES = ["covered", "missed", "current", "upcoming"] as const;
export type WindowState = (typeof WINDOW_STATES)[number];
/** Turns a list of values into a GraphQL enum whose names equal the values. */
const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

const WindowStateEnum = enumOf(WINDOW_STATES);
registerEnumType(WindowStateEnum, {
  name: "FrequencyWindowState",
  description:
    "covered: a conversation was held in it; missed: it ended without one; current: it holds today, no conversation yet; upcoming: it has not started.",
});

const SMART_LETTERS_ENUM = enumOf(SMART_LETTERS);
registerEnumType(SMART_LETTERS_ENUM, {
  name: "SmartLetter",
  description: "Specifiek, Meetbaar, Acceptabel, Realistisch, Tijdgebonden.",
});

/** An id with a display name. */
@ObjectType("StudentRef")
export class StudentRef {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
}

/** One window the frequency rule asks a conversation in (the domain's `frequencyStatus`). */
@ObjectType("FrequencyWindow")
export class FrequencyWindowType {
  @Field(() => String, { description: "First day, YYYY-MM-DD." }) start: string;
  @Field(() => String, { description: "Last day, YYYY-MM-DD." }) end: string;
  @Field(() => WindowStateEnum) state: WindowState;
  @Field(() => [ID], { description: "The held conversations in this window." })
  conversationIds: string[];
}

/** The POK check of a placement today (the domain's `checkPok`). */
@ObjectType("StudentPokCheck")
export class StudentPokCheck {
  @Field(() => Boolean) isValid: boolean;
  @Field(() => [PokProblemEnum]) problems: PokProblem[];
  @Field(() => String, { description: "Last day of the POK." }) endDate: string;
}

/** One placement of the student, with its POK check and the frequency rule's windows. */
@ObjectType("StudentPlacement")
export class StudentPlacement {
  @Field(() => ID) id: string;
  @Field(() => String) companyName: string;
  @Field(() => StudentRef) praktijkopleider: StudentRef;
  @Field(() => StudentRef, { description: "The BPV-begeleider." }) begeleider: StudentRef;
  @Field(() => String) startDate: string;
  @Field(() => String) endDate: string;
  @Field(() => Int) hoursPerWeek: number;
  @Field(() => StudentPokCheck) pok: StudentPokCheck;
  @Field(() => FrequencyStatusType, { description: "The stored verdict of the frequency rule." })
  frequency: FrequencyStatusType;
  @Field(() => [FrequencyWindowType], { description: "The placement's windows, in order." })
  windows: FrequencyWindowType[];
}

/** The SMART check of an agreement, judged on the day of the conversation that made it. */
@ObjectType("SmartState")
export class SmartState {
  @Field(() => Boolean) isComplete: boolean;
  @Field(() => [SMART_LETTERS_ENUM]) missing: SmartLetter[];
}

/** An agreement made in a conversation, and how a later conversation reviewed it. */
@ObjectType("StudentAgreement")
export class StudentAgreement {
  @Field(() => ID) id: string;
  @Field(() => String) text: string;
  @Field(() => RoleEnum, { nullable: true }) owner: ParticipantRole | null;
  @Field(() => String, { nullable: true }) dueDate: string | null;
  @Field(() => String) measure: string;
  @Field(() => String) firstStep: string;
  @Field(() => String, { nullable: true, description: "The linked werkproces code." })
  werkproces: string | null;
  @Field(() => SmartState) smart: SmartState;
  @Field(() => AgreementStatusEnum, { description: "open until reviewed." })
  status: AgreementStatus;
  @Field(() => String, { nullable: true }) reviewNote: string | null;
  @Field(() => ID, { nullable: true, description: "The conversation that reviewed it." })
  reviewedInId: string | null;
}

/** One conversation of the student, with its conclusions and the agreements made in it. */
@ObjectType("StudentConversation")
export class StudentConversation {
  @Field(() => ID) id: string;
  @Field(() => ID) placementId: string;
  @Field(() => Date) scheduledAt: Date;
  @Field(() => ConversationStatusEnum) status: ConversationStatus;
  @Field(() => ConversationModeEnum) mode: ConversationMode;
  @Field(() => StudentRef, { description: "The BPV-begeleider who led it." })
  begeleider: StudentRef;
  @Field(() => Date, { nullable: true }) signedAt: Date | null;
  @Field(() => ConclusionEnum, { nullable: true, description: "The conclusion drawn." })
  conclusion: string | null;
  @Field(() => String, { nullable: true }) conclusionMotivation: string | null;
  @Field(() => ConclusionEnum, { nullable: true, description: "The student's own conclusion." })
  studentConclusion: string | null;
  @Field(() => String, { nullable: true }) studentMotivation: string | null;
  @Field(() => [StudentAgreement], { description: "Made in this conversation, in order." })
  agreements: StudentAgreement[];
}

/** A student as staff see them: enrolment, placements and every conversation. */
@ObjectType("StudentRecord")
export class StudentRecord {
  @Field(() => ID, { description: "The student's id (Student.id)." }) id: string;
  @Field(() => String) name: string;
  @Field(() => String) studentNumber: string;
  @Field(() => String) programmeName: string;
  @Field(() => String) crebo: string;
  @Field(() => String) cohort: string;
  @Field(() => String, { nullable: true }) leerweg: string | null;
  @Field(() => StudentRef, { nullable: true }) trajectbegeleider: StudentRef | null;
  @Field(() => [StudentPlacement], { description: "Newest first." })
  placements: StudentPlacement[];
  @Field(() => [StudentConversation], { description: "Newest first." })
  conversations: StudentConversation[];
}

/** The next conversation planned (or under way) for a student. */
@ObjectType("StudentNextConversation")
export class StudentNextConversation {
  @Field(() => ID) id: string;
  @Field(() => Date) scheduledAt: Date;
  @Field(() => ConversationStatusEnum) status: ConversationStatus;
}

/** A student's current placement in the list. */
@ObjectType("StudentCurrentPlacement")
export class StudentCurrentPlacement {
  @Field(() => ID) id: string;
  @Field(() => String) companyName: string;
  @Field(() => String) startDate: string;
  @Field(() => String) endDate: string;
  @Field(() => FrequencyStatusType, { nullable: true }) frequency: FrequencyStatusType | null;
}

/** One row of the student list. */
@ObjectType("StudentListItem")
export class StudentListItem {
  @Field(() => ID, { description: "The student's id (Student.id)." }) id: string;
  @Field(() => String) name: string;
  @Field(() => String) studentNumber: string;
  @Field(() => String, { nullable: true }) programmeName: string | null;
  @Field(() => String, { nullable: true }) cohort: string | null;
  @Field(() => StudentCurrentPlacement, {
    nullable: true,
    description: "Running today, else the next to start, else the last that ended.",
  })
  currentPlacement: StudentCurrentPlacement | null;
  @Field(() => StudentNextConversation, { nullable: true })
  nextConversation: StudentNextConversation | null;
}

@ObjectType("StudentListEdge")
export class StudentListEdge {
  @Field(() => StudentListItem) node: StudentListItem;
  @Field(() => String) cursor: string;
}

@ObjectType("StudentListConnection")
export class StudentListConnection {
  @Field(() => Int, { description: "Students matching the search, on all pages." })
  totalCount: number;
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => [StudentListEdge]) edges: StudentListEdge[];
}

/** The largest page of students one asks for. */
export const MAX_STUDENT_PAGE = 100;

/** Search and paging of the student list. */
@ArgsType()
export class StudentSearchArgs {
  @Field(() => String, {
    nullable: true,
    description: "Words to look for (any case) in the name or student number.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;

  @Field(() => Int, { defaultValue: 25, description: `Rows per page, 1 to ${MAX_STUDENT_PAGE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_STUDENT_PAGE)
  first: number;

  @Field(() => String, {
    nullable: true,
    description: "The endCursor of the page before; omitted: the first page.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  after?: string | null;
}

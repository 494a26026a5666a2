import { type Conclusion, type PokProblem } from "@driehoek/domain";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { ConclusionEnum, PokProblemEnum } from "../../graphql/enums.js";
import { connectionOf } from "../../graphql/pagination.js";
import { Agreement } from "../agreement/agreement.entity.js";
import { Placement } from "../placement/placement.entity.js";
import { FrequencyStatusType } from "../placement/placement.types.js";

/** What conclusions are grouped by. */
export enum ConclusionGrouping {
  programme = "programme",
  cohort = "cohort",
  begeleider = "begeleider",
}
registerEnumType(ConclusionGrouping, { name: "ConclusionGrouping" });

/** A placement whose conversations are behind the frequency rule. */
@ObjectType("OverduePlacement")
export class OverduePlacement {
  @Field(() => Placement) placement: Placement;
  @Field(() => String) studentName: string;
  @Field(() => FrequencyStatusType) frequency: FrequencyStatusType;
}

/** A placement whose POK is invalid today or expires soon. */
@ObjectType("PokIssue")
export class PokIssue {
  @Field(() => Placement) placement: Placement;
  @Field(() => String) studentName: string;
  @Field(() => Boolean) isValid: boolean;
  @Field(() => [PokProblemEnum]) problems: PokProblem[];
  @Field(() => Boolean, { description: "Valid today, but ends within the asked number of days." })
  expiresSoon: boolean;
  @Field(() => String) pokEndDate: string;
}

/** One conclusion of one conversation, for the line against the nominal line. */
@ObjectType("ConclusionPoint")
export class ConclusionPoint {
  @Field(() => ID) conversationId: string;
  @Field(() => ID, { description: "The placement the conversation belongs to." })
  placementId: string;
  @Field(() => ID) studentId: string;
  @Field(() => String) studentName: string;
  @Field(() => String, { description: "The conversation's date, YYYY-MM-DD." }) date: string;
  @Field(() => ConclusionEnum) conclusion: Conclusion;
  @Field(() => Int, { description: "+1 ahead, 0 on schedule, −1 behind." }) score: number;
  @Field(() => ConclusionEnum, {
    nullable: true,
    description:
      "What the student stated; differs from `conclusion` when the begeleider judged otherwise.",
  })
  studentConclusion: Conclusion | null;
}

/** A student with conclusions, and those conclusions: one line of the chart. */
@ObjectType("ConclusionStudent")
export class ConclusionStudent {
  @Field(() => ID, { description: "The student's id (Student.id)." }) studentId: string;
  @Field(() => String) studentName: string;
  @Field(() => Int, { description: "How many points `points` holds." }) pointCount: number;
  /** Reads a student's points, batched over the page (not a field). */
  pointsOf: (studentId: string) => Promise<ConclusionPoint[]>;

  @Field(() => [ConclusionPoint], { description: "The student's conclusions, oldest first." })
  points(): Promise<ConclusionPoint[]> {
    return this.pointsOf(this.studentId);
  }
}

/** How many conclusions of each kind a group has. */
@ObjectType("ConclusionCount")
export class ConclusionCount {
  @Field(() => String, { description: "The group: a crebo, a cohort or a begeleider's name." })
  group: string;
  @Field(() => Int) voor: number;
  @Field(() => Int) opSchema: number;
  @Field(() => Int) achter: number;
}

/** An open agreement past its due date. */
@ObjectType("OverdueAgreement")
export class OverdueAgreement {
  @Field(() => Agreement) agreement: Agreement;
  @Field(() => ID, { description: "The placement the agreement was made in." })
  placementId: string;
  @Field(() => String) studentName: string;
  @Field(() => Int) daysOverdue: number;
}

export const OverduePlacementConnection = connectionOf("OverduePlacement", OverduePlacement);
export const PokIssueConnection = connectionOf("PokIssue", PokIssue);
export const ConclusionStudentConnection = connectionOf(
  "ConclusionStudent",
  ConclusionStudent,
  "Students with a conclusion matching the filters, on all pages.",
);
export const OverdueAgreementConnection = connectionOf("OverdueAgreement", OverdueAgreement);

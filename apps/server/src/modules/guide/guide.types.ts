import type { PhaseKey } from "@driehoek/domain";
import { Field, Int, ObjectType } from "type-graphql";
import { PhaseEnum } from "../../graphql/enums.js";

/** One section of the guide, in the requested language. */
@ObjectType("GuideSection")
export class GuideSectionType {
  @Field(() => String) key: string;
  @Field(() => String) title: string;
  @Field(() => String) goal: string;
  @Field(() => String, { nullable: true }) tip: string | null;
  @Field(() => [String]) exampleQuestions: string[];
}

/** One phase of the guide, in the requested language. */
@ObjectType("GuidePhase")
export class GuidePhaseType {
  @Field(() => PhaseEnum) key: PhaseKey;
  @Field(() => String) title: string;
  @Field(() => Int) plannedMinutes: number;
  @Field(() => String) goal: string;
  @Field(() => [GuideSectionType]) sections: GuideSectionType[];
}

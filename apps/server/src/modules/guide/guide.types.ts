import type { ParticipantRole, PhaseKey } from "@driehoek/domain";
import { Field, Int, ObjectType } from "type-graphql";
import { PhaseEnum, RoleEnum } from "../../graphql/enums.js";

/** One section of the guide, in the requested language. */
@ObjectType("GuideSection")
export class GuideSectionType {
  @Field(() => String) key: string;
  @Field(() => String) title: string;
  @Field(() => String) goal: string;
  @Field(() => String, { nullable: true }) tip: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The label above the list as the guide prints it ("Voorbeeldvragen", "Voorbeeldvragen/-opmerkingen"); null when the list is steps or empty.',
  })
  exampleQuestionsLabel: string | null;
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

/** A headed paragraph of the guide's opening, in the requested language. */
@ObjectType("GuideIntroParagraph")
export class GuideIntroParagraphType {
  @Field(() => String) heading: string;
  @Field(() => String) text: string;
}

/** What one of the three does before the conversation, from "Voorbereiding gesprek". */
@ObjectType("GuidePreparationTasks")
export class GuidePreparationTasksType {
  @Field(() => RoleEnum) role: ParticipantRole;
  @Field(() => [String]) tasks: string[];
}

/** The guide's opening (before its phases), in the requested language. */
@ObjectType("GuideIntro")
export class GuideIntroType {
  @Field(() => String) title: string;
  @Field(() => GuideIntroParagraphType, { description: "Doel BPV- gesprek." })
  purpose: GuideIntroParagraphType;
  @Field(() => GuideIntroParagraphType, {
    description: "Gesprekspartners, frequentie en tijdsduur.",
  })
  frequency: GuideIntroParagraphType;
  @Field(() => GuideIntroParagraphType, { description: "Voorbereiding gesprek." })
  preparation: GuideIntroParagraphType;
  @Field(() => String, { description: "Kenmerken van een goed BPV-gesprek: the heading." })
  characteristicsHeading: string;
  @Field(() => [String], { description: "The four characteristics of a good conversation." })
  characteristics: string[];
  @Field(() => [GuidePreparationTasksType], {
    description: "Each participant's preparation, as a short checklist per role.",
  })
  preparationTasks: GuidePreparationTasksType[];
}

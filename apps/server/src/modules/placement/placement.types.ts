import type { PokProblem } from "@driehoek/domain";
import { Field, Int, ObjectType } from "type-graphql";
import { PokProblemEnum } from "../../graphql/enums.js";
import type { PokStatus } from "./placement.entity.js";

/** The praktijkovereenkomst as recorded. */
@ObjectType("Pok")
export class PokType {
  @Field(() => String) number: string;
  @Field(() => String) status: PokStatus;
  @Field(() => String) startDate: string;
  @Field(() => String) endDate: string;
  @Field(() => Int) hours: number;
  @Field(() => String, { nullable: true }) studentSignedAt: string | null;
  @Field(() => String, { nullable: true }) schoolSignedAt: string | null;
  @Field(() => String, { nullable: true }) companySignedAt: string | null;
  @Field(() => String, { nullable: true }) parentSignedAt: string | null;
}

/** The supervisor's POK check: valid or not, and every reason why not. */
@ObjectType("PokCheck")
export class PokCheckType {
  @Field(() => Boolean) isValid: boolean;
  @Field(() => [PokProblemEnum]) problems: PokProblem[];
  @Field(() => [String], { description: "The problems as Dutch sentences." }) messages: string[];
}

/**
 * The frequency rule applied to a placement today: two conversations a school year, or one per
 * leerwerkperiode for a shorter placement, each in its own window.
 */
@ObjectType("FrequencyStatus")
export class FrequencyStatusType {
  @Field(() => String, {
    description: "First day of the window that matters now (the next one due).",
  })
  periodStart: string;
  @Field(() => String, { description: "Last day of that window." }) periodEnd: string;
  @Field(() => Int, { description: "Windows of the placement; each asks one conversation." })
  required: number;
  @Field(() => Int, { description: "Windows with a conversation held." }) held: number;
  @Field(() => Int, { description: "Windows ended without a conversation." }) missed: number;
  @Field(() => Boolean, { description: "Current and missed a window." }) isOverdue: boolean;
  @Field(() => String, {
    nullable: true,
    description: "End of the first uncovered window still open.",
  })
  nextDueDate: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The school day the rule proposes for the next conversation.",
  })
  proposedDate: string | null;
  @Field(() => Boolean, {
    description: "False once the placement ended more than a school year ago.",
  })
  isCurrent: boolean;
}

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

/** The frequency rule applied to a placement today. */
@ObjectType("FrequencyStatus")
export class FrequencyStatusType {
  @Field(() => String) periodStart: string;
  @Field(() => String) periodEnd: string;
  @Field(() => Int) required: number;
  @Field(() => Int) held: number;
  @Field(() => Int) missed: number;
  @Field(() => Boolean) isOverdue: boolean;
  @Field(() => String, { nullable: true }) nextDueDate: string | null;
}

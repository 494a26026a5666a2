import { HOLIDAY_LIMITS, LEERWERKPERIODE_COUNT } from "@driehoek/domain";
import {
  ArrayMaxSize,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from "class-validator";
import { Field, InputType, Int, ObjectType } from "type-graphql";
import { DATE_YEARS, IsDayInRange } from "../../security/date-range.js";

/** A leerwerkperiode: its first and last day ('YYYY-MM-DD'). */
@ObjectType("Leerwerkperiode")
export class LeerwerkperiodeType {
  @Field(() => String) start: string;
  @Field(() => String) end: string;
}

/** A school holiday. */
@ObjectType("Holiday")
export class HolidayType {
  @Field(() => String) name: string;
  @Field(() => String) start: string;
  @Field(() => String) end: string;
}

/** The school's calendar for one school year (1 August – 31 July). */
@ObjectType("SchoolCalendar")
export class SchoolCalendarType {
  @Field(() => Int, { description: "The calendar year it starts in: 2026 for 2026-2027." })
  schoolYear: number;
  @Field(() => String, { description: "e.g. 2026-2027" }) label: string;
  @Field(() => String, { description: "First day of the school year." }) start: string;
  @Field(() => String, { description: "Last day of the school year." }) end: string;
  @Field(() => [LeerwerkperiodeType]) periods: LeerwerkperiodeType[];
  @Field(() => [HolidayType]) holidays: HolidayType[];
  @Field(() => Boolean, { description: "Nothing stored: the default calendar." })
  isDefault: boolean;
}

@InputType()
export class LeerwerkperiodeInput {
  @Field(() => String) @IsString() @MaxLength(10) @IsDayInRange() start: string;
  @Field(() => String) @IsString() @MaxLength(10) @IsDayInRange() end: string;
}

@InputType()
export class HolidayInput {
  @Field(() => String) @IsString() @MaxLength(HOLIDAY_LIMITS.name * 2) name: string;
  @Field(() => String) @IsString() @MaxLength(10) @IsDayInRange() start: string;
  @Field(() => String) @IsString() @MaxLength(10) @IsDayInRange() end: string;
}

@InputType()
export class SchoolCalendarInput {
  @Field(() => Int) @IsInt() @Min(DATE_YEARS.min) @Max(DATE_YEARS.max - 1) schoolYear: number;
  @Field(() => [LeerwerkperiodeInput])
  @ArrayMaxSize(LEERWERKPERIODE_COUNT.max * 2)
  @ValidateNested()
  periods: LeerwerkperiodeInput[];
  @Field(() => [HolidayInput])
  @ArrayMaxSize(HOLIDAY_LIMITS.count * 2)
  @ValidateNested()
  holidays: HolidayInput[];
}

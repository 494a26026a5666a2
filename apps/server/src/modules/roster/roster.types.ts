import { IsBoolean, IsString } from "class-validator";
import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { INPUT_PROBLEM_CODES, type InputProblemCode } from "./input-problem.js";

export const RosterRowActionEnum = {
  create: "create",
  update: "update",
  unchanged: "unchanged",
} as const;
registerEnumType(RosterRowActionEnum, {
  name: "RosterRowAction",
  description: "What importing a row does to its placement.",
});

@ArgsType()
export class ImportRosterArgs {
  @Field(() => String, { description: "The CSV file's text (UTF-8; ; or , separated)." })
  @IsString()
  csv: string;

  @Field(() => Boolean, {
    description: "true: only preview; false: commit when there are no errors.",
  })
  @IsBoolean()
  dryRun: boolean;
}

export const InputProblemCodeEnum = Object.fromEntries(
  INPUT_PROBLEM_CODES.map((code) => [code, code]),
) as { [K in InputProblemCode]: K };
registerEnumType(InputProblemCodeEnum, {
  name: "InputProblemCode",
  description:
    "Why a value of a roster file or an admin edit was refused; a client words it in its own language with the problem's params.",
});

/** A value a problem's sentence names, e.g. max = 60 in "at most 60 characters". */
@ObjectType("InputProblemParam")
export class InputProblemParam {
  @Field(() => String, {
    description:
      "max, min (numbers), row (an earlier row), email (an address), company (a company's name).",
  })
  name: string;
  @Field(() => String, { description: "The value, as text." }) value: string;
}

/** A problem in the file, with the line number a spreadsheet shows (the header is row 1). */
@ObjectType("RosterError")
export class RosterErrorType {
  @Field(() => Int) row: number;
  @Field(() => String, { description: "The column's name, as in docs/IMPORT.md." })
  column: string;
  @Field(() => InputProblemCodeEnum, { description: "What is wrong, as a stable code." })
  code: InputProblemCode;
  @Field(() => [InputProblemParam], { description: "The values the problem names." })
  params: InputProblemParam[];
  @Field(() => String, { description: 'In Dutch, e.g. "ligt vóór de startdatum".' })
  message: string;
}

/** What one row does. */
@ObjectType("RosterRowResult")
export class RosterRowResult {
  @Field(() => Int) row: number;
  @Field(() => RosterRowActionEnum) action: keyof typeof RosterRowActionEnum;
  @Field(() => String) studentNumber: string;
  @Field(() => String) studentName: string;
  @Field(() => String) startDate: string;
  @Field(() => String) companyName: string;
  @Field(() => [String], { description: "The columns whose stored values change." })
  changes: string[];
}

/** A placement of an earlier import that the file no longer holds (reported, never deleted). */
@ObjectType("MissingPlacement")
export class MissingPlacementType {
  @Field(() => ID) placementId: string;
  @Field(() => String) studentNumber: string;
  @Field(() => String) studentName: string;
  @Field(() => String) startDate: string;
  @Field(() => String) endDate: string;
  @Field(() => String) companyName: string;
}

/** The outcome of a roster import or its preview. */
@ObjectType("RosterImport")
export class RosterImport {
  @Field(() => Boolean) dryRun: boolean;
  @Field(() => Boolean, { description: "Whether the rows were written (never with errors)." })
  committed: boolean;
  @Field(() => String, { description: "SHA-256 of the file, as in the audit log." })
  sha256: string;
  @Field(() => Int, { description: "Data rows in the file." })
  rows: number;
  @Field(() => Int, { description: "Placements created (or that would be)." })
  created: number;
  @Field(() => Int) updated: number;
  @Field(() => Int) unchanged: number;
  @Field(() => [RosterErrorType]) errors: RosterErrorType[];
  @Field(() => [RosterRowResult], { description: "Per row, what happens (rows without errors)." })
  rowResults: RosterRowResult[];
  @Field(() => [MissingPlacementType]) missing: MissingPlacementType[];
  @Field(() => [String], { description: "Columns not taken in: their data is not stored." })
  ignoredColumns: string[];
  @Field(() => String) delimiter: string;
}

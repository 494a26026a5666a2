import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { PageInfo } from "../../graphql/pagination.js";
import { IsDayInRange } from "../../security/date-range.js";
import type { InputProblemCode } from "../roster/input-problem.js";
import { InputProblemCodeEnum, InputProblemParam } from "../roster/roster.types.js";

/** The largest page an admin table asks for. */
export const MAX_PAGE = 100;

/** Search and paging of an admin table. */
@ArgsType()
export class AdminPageArgs {
  @Field(() => String, {
    nullable: true,
    description: "Words to look for (any case) in the table's names, numbers and e-mail addresses.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;

  @Field(() => Int, { defaultValue: 25, description: `Rows per page, 1 to ${MAX_PAGE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  first: number;

  @Field(() => String, {
    nullable: true,
    description: "The endCursor of the page before; omitted: the first page.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  after?: string | null;
}

/** A value the admin entered that was refused: the input field, why (a code) and a Dutch message. */
@ObjectType("AdminFieldError")
export class AdminFieldError {
  @Field(() => String, { description: "The input field, e.g. endDate." }) field: string;
  @Field(() => InputProblemCodeEnum, { description: "What is wrong, as a stable code." })
  code: InputProblemCode;
  @Field(() => [InputProblemParam], { description: "The values the problem names." })
  params: InputProblemParam[];
  @Field(() => String, { description: 'In Dutch, e.g. "ligt vóór de startdatum".' })
  message: string;
}

/** A student: enrolment and person, with the roster file's columns. */
@ObjectType("AdminStudent")
export class AdminStudent {
  @Field(() => ID) id: string;
  @Field(() => String) studentNumber: string;
  @Field(() => String) name: string;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => String) crebo: string;
  @Field(() => String) programmeName: string;
  @Field(() => Int) level: number;
  @Field(() => String) cohort: string;
  @Field(() => String, { nullable: true }) leerweg: string | null;
}

/** A placement with its student, company, people and POK, as in the roster file. */
@ObjectType("AdminPlacement")
export class AdminPlacement {
  @Field(() => ID) id: string;
  @Field(() => String) studentNumber: string;
  @Field(() => String) studentName: string;
  @Field(() => String) companyName: string;
  @Field(() => String) trainerName: string;
  @Field(() => String) begeleiderName: string;
  @Field(() => String, { nullable: true }) begeleiderEmail: string | null;
  @Field(() => String) startDate: string;
  @Field(() => String) endDate: string;
  @Field(() => Int) hoursPerWeek: number;
  @Field(() => String) pokNumber: string;
  @Field(() => String, { nullable: true }) pokStudentSignedAt: string | null;
  @Field(() => String, { nullable: true }) pokSchoolSignedAt: string | null;
  @Field(() => String, { nullable: true }) pokCompanySignedAt: string | null;
}

/** A leerbedrijf. */
@ObjectType("AdminCompany")
export class AdminCompany {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => String) city: string;
  @Field(() => String, { nullable: true }) sbbNumber: string | null;
  @Field(() => Int, { description: "Placements at this company." }) placementCount: number;
}

/** A praktijkopleider and their company. */
@ObjectType("AdminTrainer")
export class AdminTrainer {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => String, { nullable: true }) companyName: string | null;
}

function connection<T>(name: string, node: new () => T) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => node) node: T;
    @Field(() => String) cursor: string;
  }
  @ObjectType(`${name}Connection`)
  class Connection {
    @Field(() => Int, { description: "Rows matching the search, on all pages." })
    totalCount: number;
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => [Edge]) edges: Edge[];
  }
  return Connection;
}

export const AdminStudentConnection = connection("AdminStudent", AdminStudent);
export const AdminPlacementConnection = connection("AdminPlacement", AdminPlacement);
export const AdminCompanyConnection = connection("AdminCompany", AdminCompany);
export const AdminTrainerConnection = connection("AdminTrainer", AdminTrainer);

/** A page of an admin table. */
export interface AdminPage<T> {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { node: T; cursor: string }[];
}

const text = (description: string) => ({ nullable: true, description });

/**
 * The most any admin text field reads at all. Each field's own limit (the roster's rules) is
 * checked after this and answers with a field error; this bound only stops huge values early.
 */
const FIELD_MAX = 1000;

/** An admin text field, as typed: optional (left out stays as it is), a string, within FIELD_MAX. */
function AdminText(description: string): PropertyDecorator {
  return (target, key) => {
    Field(() => String, text(description))(target, key);
    IsOptional()(target, key);
    IsString()(target, key);
    MaxLength(FIELD_MAX)(target, key);
  };
}

/** A student's new values, as typed; a field left out stays as it is. */
@InputType()
export class UpdateStudentInput {
  @Field(() => ID) @IsString() @MaxLength(64) id: string;
  @AdminText("studentnummer")
  studentNumber?: string;
  @AdminText("Full name.")
  name?: string;
  @AdminText("Empty: none.")
  email?: string;
  @AdminText("e.g. 2025-2026")
  cohort?: string;
  @AdminText("BOL, BBL or empty.")
  leerweg?: string;
}

/** A placement's new values, as typed (dates dd-mm-jjjj or jjjj-mm-dd); left out: unchanged. */
@InputType()
export class UpdatePlacementInput {
  @Field(() => ID) @IsString() @MaxLength(64) id: string;
  @AdminText("startdatum")
  @IsDayInRange()
  startDate?: string;
  @AdminText("einddatum")
  @IsDayInRange()
  endDate?: string;
  @AdminText("1 to 60")
  hoursPerWeek?: string;
  @AdminText("E-mail of a BPV-begeleider.")
  begeleiderEmail?: string;
  @AdminText("pok-nummer")
  pokNumber?: string;
  @AdminText("Empty: not signed.")
  @IsDayInRange()
  pokStudentSignedAt?: string;
  @AdminText("Empty: not signed.")
  @IsDayInRange()
  pokSchoolSignedAt?: string;
  @AdminText("Empty: not signed.")
  @IsDayInRange()
  pokCompanySignedAt?: string;
}

/** A company's new values; left out: unchanged. */
@InputType()
export class UpdateCompanyInput {
  @Field(() => ID) @IsString() @MaxLength(64) id: string;
  @AdminText("leerbedrijf")
  name?: string;
  @AdminText("plaats")
  city?: string;
  @AdminText("Empty: none.")
  sbbNumber?: string;
}

/** A praktijkopleider's new values; left out: unchanged. */
@InputType()
export class UpdateTrainerInput {
  @Field(() => ID) @IsString() @MaxLength(64) id: string;
  @AdminText("Full name.")
  name?: string;
  @AdminText("Empty: none.")
  email?: string;
}

/** The outcome of an update: the row as stored now, or every refused field (nothing saved). */
function updateResult<T>(name: string, node: new () => T) {
  @ObjectType(`${name}Update`)
  class Update {
    @Field(() => node, { nullable: true, description: "The row after saving; null on errors." })
    node: T | null;
    @Field(() => [AdminFieldError]) errors: AdminFieldError[];
  }
  return Update;
}

export const StudentUpdate = updateResult("Student", AdminStudent);
export const PlacementUpdate = updateResult("Placement", AdminPlacement);
export const CompanyUpdate = updateResult("Company", AdminCompany);
export const TrainerUpdate = updateResult("Trainer", AdminTrainer);

/** What an update mutation answers. */
export interface AdminUpdate<T> {
  node: T | null;
  errors: AdminFieldError[];
}

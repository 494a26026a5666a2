import { LIMITS, PASSWORD_MIN_LENGTH, STAFF_ROLES, type StaffRole } from "@driehoek/domain";
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from "class-validator";
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { PageInfo } from "../../graphql/pagination.js";

/** The roles a staff account can have. */
export const StaffRoleEnum = Object.fromEntries(STAFF_ROLES.map((r) => [r, r])) as Record<
  StaffRole,
  StaffRole
>;
registerEnumType(StaffRoleEnum, {
  name: "StaffRole",
  description: "bpv_begeleider, trajectbegeleider or admin.",
});

/** A staff member's account as the admin sees it. */
@ObjectType("StaffAccount")
export class StaffAccount {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => String) email: string;
  @Field(() => StaffRoleEnum) role: StaffRole;
  @Field(() => String, { description: "The language of their mails: nl or en." })
  locale: string;
  @Field(() => Boolean, { description: "Whether they have set a password yet." })
  hasPassword: boolean;
  @Field(() => Date, { nullable: true, description: "Set while the account is deactivated." })
  deactivatedAt: Date | null;
  @Field(() => Date) createdAt: Date;
}

@ObjectType("StaffAccountEdge")
export class StaffAccountEdge {
  @Field(() => String) cursor: string;
  @Field(() => StaffAccount) node: StaffAccount;
}

/** Staff accounts by name, a page at a time. */
@ObjectType("StaffAccountConnection")
export class StaffAccountConnection {
  @Field(() => [StaffAccountEdge]) edges: StaffAccountEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ArgsType()
export class StaffAccountsArgs {
  @Field(() => String, { nullable: true, description: "Part of the name or e-mail address." })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.name)
  search?: string | null;

  @Field(() => Int, { defaultValue: 50 })
  @IsInt()
  @Min(1)
  @Max(200)
  first: number;

  @Field(() => String, { nullable: true, description: "The endCursor of the previous page." })
  @IsOptional()
  @IsString()
  @MaxLength(600)
  after?: string | null;
}

@InputType("CreateStaffAccountInput")
export class CreateStaffAccountInput {
  @Field(() => String)
  @IsString()
  @MinLength(1, { message: "Enter a name." })
  @MaxLength(LIMITS.name)
  name: string;

  @Field(() => String)
  @IsEmail({}, { message: "Enter a valid e-mail address." })
  @MaxLength(LIMITS.email)
  email: string;

  @Field(() => StaffRoleEnum)
  @IsIn(STAFF_ROLES)
  role: StaffRole;

  @Field(() => String, { defaultValue: "nl", description: "The language of their mails." })
  @IsIn(["nl", "en"])
  locale: "nl" | "en";
}

/** A new password, within the limits both the server and the form use. */
function passwordField() {
  return (prototype: object, property: string) => {
    Field(() => String)(prototype, property);
    IsString()(prototype, property);
    MinLength(PASSWORD_MIN_LENGTH, {
      message: `A password has at least ${PASSWORD_MIN_LENGTH} characters.`,
    })(prototype, property);
    MaxLength(LIMITS.password)(prototype, property);
  };
}

@ArgsType()
export class SetPasswordArgs {
  @Field(() => String, { description: "The token at the end of the link (/wachtwoord/<token>)." })
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.token)
  token: string;

  @passwordField()
  password: string;
}

@ArgsType()
export class PasswordLinkArgs {
  @Field(() => String, { description: "The token at the end of the link (/wachtwoord/<token>)." })
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.token)
  token: string;
}

/** Whether a set-password link still works: see `passwordLinkStatus`. */
export const PasswordLinkStatusEnum = {
  valid: "valid",
  used: "used",
  expired: "expired",
  invalid: "invalid",
} as const;
export type PasswordLinkStatus = keyof typeof PasswordLinkStatusEnum;
registerEnumType(PasswordLinkStatusEnum, {
  name: "PasswordLinkStatus",
  description:
    "valid: it sets a password; used: it did already (or a newer link voided it); expired; invalid: unknown, or its account is deactivated.",
});

@ArgsType()
export class ChangePasswordArgs {
  @Field(() => String)
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.password)
  currentPassword: string;

  @passwordField()
  newPassword: string;
}

@ArgsType()
export class RequestPasswordResetArgs {
  @Field(() => String)
  @IsEmail({}, { message: "Enter a valid e-mail address." })
  @MaxLength(LIMITS.email)
  email: string;
}

@ArgsType()
export class AccountIdArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(LIMITS.id)
  personId: string;
}

import { LIMITS, type Role } from "@driehoek/domain";
import { IsEmail, IsString, MaxLength, MinLength } from "class-validator";
import { ArgsType, Field, ID, ObjectType } from "type-graphql";
import { RoleEnum } from "../../graphql/enums.js";
import { Person } from "../people/person.entity.js";

/** What logging in or opening an invite yields. */
@ObjectType("AuthPayload")
export class AuthPayload {
  @Field(() => String, { description: "Send as `Authorization: Bearer <accessToken>`." })
  accessToken: string;
  @Field(() => RoleEnum)
  role: Role;
  @Field(() => ID, { nullable: true, description: "For an invite: the conversation it opens." })
  conversationId: string | null;
  @Field(() => Date)
  expiresAt: Date;
  @Field(() => Person)
  person: Person;
}

@ArgsType()
export class LoginArgs {
  @Field(() => String)
  @IsEmail({}, { message: "Enter a valid e-mail address." })
  @MaxLength(LIMITS.email)
  email: string;

  @Field(() => String)
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.password)
  password: string;
}

@ArgsType()
export class JoinArgs {
  @Field(() => String, { description: "The token at the end of the invite link (/join/<token>)." })
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.token)
  token: string;
}

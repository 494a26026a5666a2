import { CONCLUSIONS, type Conclusion, LIMITS } from "@driehoek/domain";
import { IsIn, IsOptional, IsString, Length, MaxLength } from "class-validator";
import { ArgsType, Field, ObjectType } from "type-graphql";
import { ConclusionEnum } from "../../graphql/enums.js";
import { ConversationIdArgs } from "../conversation/conversation.types.js";
import { Person } from "../people/person.entity.js";
import { RecordChange } from "./record-changes.js";
import { Signature } from "./signature.entity.js";

/** The record as it stands (or as locked), with the hash a signature binds to. */
@ObjectType("ConversationRecord")
export class RecordView {
  @Field(() => String, { description: "SHA-256 (hex) of `json`; send it to signConversation." })
  hash: string;
  @Field(() => String, {
    description: "The record as canonical JSON (the gespreksformulier's content).",
  })
  json: string;
  @Field(() => Boolean, {
    description: "True once signed by all three: this is the locked record.",
  })
  isLocked: boolean;
}

/** A signature with who gave it, and whether it still holds for the current content. */
@ObjectType("SignatureView")
export class SignatureView {
  @Field(() => Signature) signature: Signature;
  @Field(() => Person) person: Person;
  @Field(() => Boolean, { description: "Given to the record's current content and not voided." })
  isValid: boolean;
  @Field(() => [RecordChange], {
    description:
      "For a signature that no longer holds: what differs between the record it was given to and the record now, field by field, and who changed it. Empty for a valid one.",
  })
  changes: RecordChange[];
}

/** The result of checking a locked record against its signatures. */
@ObjectType("RecordVerification")
export class RecordVerification {
  @Field(() => Boolean) isLocked: boolean;
  @Field(() => String, { nullable: true }) storedHash: string | null;
  @Field(() => String, { nullable: true }) computedHash: string | null;
  @Field(() => Boolean, { description: "The stored record still hashes to the stored hash." })
  isIntact: boolean;
  @Field(() => Boolean, { description: "All three signatures bind to exactly this record." })
  signaturesMatch: boolean;
}

@ArgsType()
export class SignArgs extends ConversationIdArgs {
  @Field(() => String, {
    description: "The hash of the record the signer read (ConversationRecord.hash).",
  })
  @IsString()
  @Length(64, 64)
  contentHash: string;
}

@ArgsType()
export class ConclusionArgs extends ConversationIdArgs {
  @Field(() => ConclusionEnum)
  @IsIn([...CONCLUSIONS])
  conclusion: Conclusion;

  @Field(() => String, { nullable: true, description: "A short motivation." })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.conclusionMotivation)
  motivation?: string | null;
}

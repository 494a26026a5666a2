import { Args, Ctx, Field, ID, ObjectType, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../context.js";
import { ConversationIdArgs } from "../conversation/conversation.types.js";
import { exportRecord } from "./record-export.js";

/** A signed record, ready for the student system. */
@ObjectType("RecordExport")
class RecordExportType {
  @Field(() => ID) conversationId: string;
  @Field(() => String, { description: "SHA-256 of `json`, as signed." }) hash: string;
  @Field(() => String, { description: "The record (schema driehoek.record/1)." }) json: string;
  @Field(() => String, { description: "The record as `field,value` rows." }) csv: string;
}

/** Export of signed records (also as downloads: /export/conversations/<id>.json|.csv). */
@Resolver()
export class ExportResolver {
  @Query(() => RecordExportType, {
    description: "The signed record as JSON and CSV; audit-logged.",
  })
  conversationExport(
    @Args(() => ConversationIdArgs) args: ConversationIdArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return exportRecord(ctx, args.conversationId);
  }
}

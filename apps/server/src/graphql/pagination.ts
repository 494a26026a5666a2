import { Field, ObjectType } from "type-graphql";

/** Where a page of a list ends and whether there is more: one shape for every paged list. */
@ObjectType("PageInfo")
export class PageInfo {
  @Field(() => Boolean) hasNextPage: boolean;
  @Field(() => String, { nullable: true, description: "Pass as `after` for the next page." })
  endCursor: string | null;
}

import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import { badInput } from "./errors.js";

/** Where a page of a list ends and whether there is more: one shape for every paged list. */
@ObjectType("PageInfo")
export class PageInfo {
  @Field(() => Boolean) hasNextPage: boolean;
  @Field(() => String, { nullable: true, description: "Pass as `after` for the next page." })
  endCursor: string | null;
}

/** The largest page a paged list (other than the admin tables) answers with. */
export const MAX_PAGE_SIZE = 200;

/** The `first` argument of a paged list: rows per page, `fallback` when left out, 1 to `max`. */
export function PageSize(fallback: number, max: number): PropertyDecorator {
  return (target, key) => {
    Field(() => Int, { defaultValue: fallback, description: `Rows per page, 1 to ${max}.` })(
      target,
      key,
    );
    IsInt()(target, key);
    Min(1)(target, key);
    Max(max)(target, key);
  };
}

/** The `after` argument of a paged list: the cursor of the last row seen, opaque, bounded. */
export function AfterCursor(maxLength = 1000): PropertyDecorator {
  return (target, key) => {
    Field(() => String, {
      nullable: true,
      description: "The endCursor of the page before; omitted: the first page.",
    })(target, key);
    IsOptional()(target, key);
    IsString()(target, key);
    MaxLength(maxLength)(target, key);
  };
}

/** `first` / `after` of a paged list: the default page is 50 rows, at most `MAX_PAGE_SIZE`. */
@ArgsType()
export class PageArgs {
  @PageSize(50, MAX_PAGE_SIZE) first: number;
  @AfterCursor() after?: string | null;
}

/** One page of a connection, as a resolver returns it. */
export interface Page<T> {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { node: T; cursor: string }[];
}

/** The constructor of a connection type made by `connectionOf`. */
export type ConnectionType<T> = new () => Page<T>;

/**
 * The GraphQL type of a page of `node`s named `${name}Connection` (with `${name}Edge`): the one
 * shape of every paged list, `edges { node cursor }`, `pageInfo` and `totalCount`.
 */
export function connectionOf<T>(
  name: string,
  node: new () => T,
  counted = "Rows matching the filters, on all pages.",
): ConnectionType<T> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => node) node: T;
    @Field(() => String, { description: "Pass as `after` for the rows after this one." })
    cursor: string;
  }
  @ObjectType(`${name}Connection`)
  class Connection implements Page<T> {
    @Field(() => Int, { description: counted }) totalCount: number;
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => [Edge]) edges: Edge[];
  }
  return Connection;
}

/**
 * A keyset cursor: the values of a row's sort key, opaque to the client. `tag` names the list, so
 * a cursor of one list is refused by another; `length` is the number of sort columns.
 */
export const keysetCursor = {
  encode(tag: string, values: readonly unknown[]): string {
    return Buffer.from(JSON.stringify([tag, ...values])).toString("base64url");
  },
  decode(tag: string, length: number, cursor: string): (string | number)[] {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(cursor, "base64url").toString());
    } catch {
      parsed = null;
    }
    if (
      !Array.isArray(parsed) ||
      parsed[0] !== tag ||
      parsed.length !== length + 1 ||
      !parsed.slice(1).every((v) => typeof v === "string" || typeof v === "number")
    ) {
      throw badInput("after is not a cursor of this list.");
    }
    return parsed.slice(1) as (string | number)[];
  },
};

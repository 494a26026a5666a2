import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { badInput } from "../../graphql/errors.js";
import type { AdminPage, AdminPageArgs } from "./admin.types.js";

/*
 * Admin tables page by position in a stable order (each query ends its ORDER BY with the id).
 * The cursor is that position, opaque to the client; a row added or removed between two pages
 * shifts the rest by one, which an administrator paging a table can live with.
 */

const cursorOf = (position: number) => Buffer.from(`admin:${position}`).toString("base64url");

function positionOf(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const match = /^admin:(\d{1,9})$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!match) throw badInput("after is not a cursor of this table.");
  return Number(match[1]);
}

/**
 * Narrows `query` to rows where every word of `search` occurs (any case) in one of `columns`,
 * in SQL, with LIKE's wildcards in the words taken literally.
 */
export function whereSearch<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  search: string | null | undefined,
  columns: readonly string[],
): SelectQueryBuilder<T> {
  const words = (search ?? "").toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  words.forEach((word, i) => {
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const anyColumn = columns
      .map((column) => `LOWER(COALESCE(${column}, '')) LIKE :w${i} ESCAPE '\\'`)
      .join(" OR ");
    query.andWhere(`(${anyColumn})`, { [`w${i}`]: pattern });
  });
  return query;
}

/** One page of `query` (searched and ordered already), its rows made into nodes by `toNode`. */
export async function pageOf<T extends ObjectLiteral, R, N>(
  query: SelectQueryBuilder<T>,
  args: AdminPageArgs,
  toNode: (row: R) => N,
): Promise<AdminPage<N>> {
  const start = positionOf(args.after);
  const totalCount = await query.getCount();
  const rows: R[] = await query
    .offset(start)
    .limit(args.first + 1)
    .getRawMany();
  const edges = rows.slice(0, args.first).map((row, i) => ({
    node: toNode(row),
    cursor: cursorOf(start + i + 1),
  }));
  return {
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > args.first,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    edges,
  };
}

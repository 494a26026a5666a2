import { addDays } from "@driehoek/domain";
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { RequestContext } from "../../context.js";
import { keysetCursor, MAX_PAGE_SIZE, type Page, type PageArgs } from "../../graphql/pagination.js";
import { IsDayInRange } from "../../security/date-range.js";
import { whereSearch } from "../admin/admin-page.js";
import type { Placement } from "../placement/placement.entity.js";

/*
 * Every staff report is a page of rows in a stable order, narrowed in SQL by the staff page's
 * filters. A report's query (over the caller's placements, with the student joined as `st` and
 * `sp`) is built once per kind of caller and set of filters used; a page is that query as a
 * derived table, cut after the cursor's row by its sort key (keyset, no OFFSET) and limited, and
 * the total is a COUNT over the same derived table: two queries per page whatever its size.
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The staff page's filters; each one left out does not narrow. */
@ArgsType()
export class ReportFilterArgs {
  @Field(() => String, { nullable: true, description: "A programme's crebo." })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  programme?: string | null;

  @Field(() => String, { nullable: true, description: "A cohort, e.g. 2024." })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  cohort?: string | null;

  @Field(() => ID, { nullable: true, description: "The begeleider's person id." })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  begeleiderId?: string | null;

  @Field(() => ID, { nullable: true, description: "One student (Student.id, the enrolment)." })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  studentId?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      "Only these placements (at most 200): e.g. the ones a page of another report shows.",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PAGE_SIZE)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  placementIds?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: "Words that must all occur (any case) in the student's name.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  student?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "From this day (YYYY-MM-DD, inclusive): on the report's date (conversation, due date, POK end) or, for placements, those running on or after it.",
  })
  @IsOptional()
  @MaxLength(10)
  @Matches(DAY, { message: "Use YYYY-MM-DD." })
  @IsDayInRange()
  from?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Up to this day (YYYY-MM-DD, inclusive), as `from`.",
  })
  @IsOptional()
  @MaxLength(10)
  @Matches(DAY, { message: "Use YYYY-MM-DD." })
  @IsDayInRange()
  to?: string | null;
}

/**
 * What the date range of the filters applies to: a date or moment column (ISO text, so a day
 * compares as the moments of that day in UTC), or the placement's period overlapping the range.
 */
export type DateRule = { column: string } | "placement";

/** Which filters are used (the query's text depends on it, not on their values). */
export function shapeOf(filters: ReportFilterArgs, dates: DateRule | undefined): string {
  const words = searchParameters(filters.student);
  return [
    filters.programme ? "p" : "",
    filters.cohort ? "c" : "",
    filters.begeleiderId ? "b" : "",
    filters.studentId ? "s" : "",
    filters.placementIds ? "i" : "",
    `w${Object.keys(words).length}`,
    dates && filters.from ? "f" : "",
    dates && filters.to ? "t" : "",
  ].join("");
}

/** The parameters of the name words (as `whereSearch` binds them). */
function searchParameters(words: string | null | undefined): ObjectLiteral {
  if (!words?.trim()) return {};
  const query = new NoQuery();
  whereSearch(query as unknown as SelectQueryBuilder<ObjectLiteral>, words, []);
  return query.parameters;
}

/** Collects what `whereSearch` binds, without a query. */
class NoQuery {
  parameters: ObjectLiteral = {};
  andWhere(_where: string, parameters: ObjectLiteral) {
    Object.assign(this.parameters, parameters);
    return this;
  }
}

/**
 * Narrows a report query (placements `p`, students `st`, persons `sp`) by the filters in use. Only
 * SQL: the values are bound by `filterParameters`.
 */
export function whereFilters<T extends SelectQueryBuilder<ObjectLiteral>>(
  query: T,
  filters: ReportFilterArgs,
  dates?: DateRule,
): T {
  if (filters.programme) {
    query.andWhere(
      "st.programme_id IN (SELECT fpr.id FROM programme fpr WHERE fpr.crebo = :fProgramme)",
    );
  }
  if (filters.cohort) query.andWhere("st.cohort = :fCohort");
  if (filters.begeleiderId) query.andWhere("p.begeleider_id = :fBegeleider");
  if (filters.studentId) query.andWhere("st.id = :fStudent");
  // An empty list keeps nothing (`IN ()` is no SQL): a list that cannot match stands in.
  if (filters.placementIds) query.andWhere("p.id IN (:...fPlacements)");
  if (filters.student?.trim()) whereSearch(query, filters.student, ["sp.name"]);
  if (dates === "placement") {
    if (filters.from) query.andWhere("p.end_date >= :fFrom");
    if (filters.to) query.andWhere("p.start_date <= :fTo");
  } else if (dates) {
    if (filters.from) query.andWhere(`${dates.column} >= :fFrom`);
    if (filters.to) query.andWhere(`${dates.column} < :fAfterTo`);
  }
  return query;
}

/** Whether the filters read the student (`st`) or the student's person (`sp`). */
export function filtersStudent(filters: ReportFilterArgs): boolean {
  return Boolean(
    filters.programme || filters.cohort || filters.studentId || filters.student?.trim(),
  );
}

/** Whether the filters read the placement (`p`) itself, with `dates` as the report applies them. */
export function filtersPlacement(filters: ReportFilterArgs, dates: DateRule | undefined): boolean {
  return Boolean(
    filters.begeleiderId ||
      filters.placementIds ||
      (dates === "placement" && (filters.from || filters.to)),
  );
}

/** The values `whereFilters` binds. */
export function filterParameters(filters: ReportFilterArgs): ObjectLiteral {
  return {
    fProgramme: filters.programme ?? null,
    fCohort: filters.cohort ?? null,
    fBegeleider: filters.begeleiderId ?? null,
    fStudent: filters.studentId ?? null,
    fPlacements: filters.placementIds?.length ? filters.placementIds : [""],
    fFrom: filters.from ?? null,
    fTo: filters.to ?? null,
    fAfterTo: filters.to ? addDays(filters.to, 1) : null,
    ...searchParameters(filters.student),
  };
}

/** One column of a report's order: an alias the report's query selects. */
export interface SortKey {
  alias: string;
  descending?: boolean;
}

/** A report's page as `reportPage` runs it. */
export interface ReportPageSpec<N> {
  /** The report's name: part of the cache key and of its cursors. */
  report: string;
  /**
   * Which of the report's ways of reading its rows this is (part of the cache key, not of the
   * cursors): for a report with more than one, giving the same rows in the same order.
   */
  sql?: string;
  scope: SelectQueryBuilder<Placement>;
  /** The report's own parameters (the filters' are added). */
  parameters: ObjectLiteral;
  page: PageArgs;
  filters: ReportFilterArgs;
  dates?: DateRule;
  /** A unique order: the last key is an id. */
  order: SortKey[];
  /** The report's rows, unordered, selecting every alias of `order`. */
  build: () => SelectQueryBuilder<ObjectLiteral>;
  /**
   * As many rows as `build` (one per row it gives), for the total: without the joins that only
   * add columns. `build` when left out.
   */
  count?: () => SelectQueryBuilder<ObjectLiteral>;
  /** Whether `count` applies the filters itself (where they belong in a subquery). */
  countFiltersItself?: boolean;
  /**
   * Count the rows in the page's own query (`COUNT(*) OVER ()` before the cursor and the limit
   * cut) instead of a second query: for a report whose order no index gives, which reads every
   * row for each page anyway.
   */
  countsInPage?: boolean;
  /**
   * Columns read for the page's rows only, after the cut: joins to the page (alias `r`) and the
   * columns they add. For a report that sorts many rows, so they are sorted narrow.
   */
  widen?: { joins: string; selects: string };
  toNode: (row: Record<string, unknown>) => N;
}

/** The SQL of each report per scope and filter shape, built once (see `reportRows`). */
const pageSql = new Map<string, { count: string; first: string; next: string }>();

/** The column of the total when a page counts its rows itself (`countsInPage`). */
const TOTAL = "report_total";

/**
 * `r.a >= :k0 AND (r.a > :k0 OR (r.a = :k0 AND (r.b < :k1 OR …)))`: the rows after the cursor's
 * row. The first conjunct says nothing new; it is there so the database can start an index on
 * the first key at the cursor instead of reading the rows before it.
 */
function afterRow(order: SortKey[], quote: (alias: string) => string): string {
  const first = order[0] as SortKey;
  const from = `r.${quote(first.alias)} ${first.descending ? "<=" : ">="} :k0`;
  return order.length === 1 ? afterKeys(order, quote) : `${from} AND ${afterKeys(order, quote)}`;
}

/** `r.a > :k0 OR (r.a = :k0 AND (r.b < :k1 OR …))`. */
function afterKeys(order: SortKey[], quote: (alias: string) => string, i = 0): string {
  const key = order[i] as SortKey;
  const column = `r.${quote(key.alias)}`;
  const beyond = `${column} ${key.descending ? "<" : ">"} :k${i}`;
  if (i === order.length - 1) return beyond;
  return `(${beyond} OR (${column} = :k${i} AND ${afterKeys(order, quote, i + 1)}))`;
}

/** One page of a report, with the number of rows on all pages. */
export async function reportPage<N>(
  ctx: RequestContext,
  spec: ReportPageSpec<N>,
): Promise<Page<N>> {
  const { dataSource } = ctx.services;
  const { page, filters, order } = spec;
  const key = [
    dataSource.options.type,
    spec.report,
    spec.sql ?? "",
    shapeOf(filters, spec.dates),
    spec.scope.getQuery(),
  ].join("\n");
  let sql = pageSql.get(key);
  if (sql === undefined) {
    const inner = whereFilters(spec.build(), filters, spec.dates).getQuery();
    const countInner = !spec.count
      ? inner
      : spec.countFiltersItself
        ? spec.count().getQuery()
        : whereFilters(spec.count(), filters, spec.dates).getQuery();
    const quote = (alias: string) => dataSource.driver.escape(alias);
    const orderBy = order
      .map((k) => `r.${quote(k.alias)} ${k.descending ? "DESC" : "ASC"}`)
      .join(", ");
    const rows = spec.countsInPage
      ? `(SELECT w.*, COUNT(*) OVER () AS ${TOTAL} FROM (${inner}) w)`
      : `(${inner})`;
    const widened = (cut: string) =>
      spec.widen
        ? `SELECT r.*, ${spec.widen.selects} FROM (${cut}) r ${spec.widen.joins} ORDER BY ${orderBy}`
        : cut;
    sql = {
      count: `SELECT COUNT(*) AS n FROM (${countInner}) r`,
      first: widened(`SELECT * FROM ${rows} r ORDER BY ${orderBy} LIMIT :limit`),
      next: widened(
        `SELECT * FROM ${rows} r WHERE ${afterRow(order, quote)} ORDER BY ${orderBy} LIMIT :limit`,
      ),
    };
    pageSql.set(key, sql);
  }
  const after = page.after ? keysetCursor.decode(spec.report, order.length, page.after) : null;
  const parameters: ObjectLiteral = {
    ...spec.scope.getParameters(),
    ...filterParameters(filters),
    ...spec.parameters,
    limit: page.first + 1,
  };
  after?.forEach((value, i) => {
    parameters[`k${i}`] = value;
  });
  const run = (text: string) => {
    const [query, values] = dataSource.driver.escapeQueryWithParameters(text, parameters, {});
    return dataSource.query(query, values) as Promise<Record<string, unknown>[]>;
  };
  let total: number;
  let rows: Record<string, unknown>[];
  if (spec.countsInPage) {
    rows = await run(after ? sql.next : sql.first);
    // A page past the last row has no row to read the total from.
    total =
      rows.length > 0
        ? Number(rows[0]?.[TOTAL])
        : after
          ? Number((await run(sql.count))[0]?.n ?? 0)
          : 0;
  } else {
    const [counted, page] = await Promise.all([run(sql.count), run(after ? sql.next : sql.first)]);
    total = Number(counted[0]?.n ?? 0);
    rows = page;
  }
  const edges = rows.slice(0, page.first).map((row) => ({
    node: spec.toNode(row),
    cursor: keysetCursor.encode(
      spec.report,
      order.map((k) => row[k.alias] as string | number),
    ),
  }));
  return {
    totalCount: total,
    pageInfo: { hasNextPage: rows.length > page.first, endCursor: edges.at(-1)?.cursor ?? null },
    edges,
  };
}

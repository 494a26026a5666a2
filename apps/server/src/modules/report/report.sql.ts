import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";

/*
 * SQL fragments the reports are built from. Dates are stored as 'YYYY-MM-DD' text and moments
 * as 24-character ISO text (docs/decisions/0001), so date logic is string logic that reads the
 * same on SQLite and PostgreSQL. These fragments only narrow the rows a report reads (which
 * placements may have a POK issue); the verdict on each row is the domain's own, and the
 * frequency rule's verdict is stored per placement (modules/placement/frequency-state.ts).
 */

/** What each database spells differently. */
export interface SqlDialect {
  /**
   * Whether SBB recognises `company` for `programme` on `today` (as `pokFactsOf` asks): SQLite
   * probes the (company_id, programme_id) index per placement; PostgreSQL hashes today's
   * recognitions once, as it would run a probe per placement with the cost of a sequential plan.
   */
  isRecognised(company: string, programme: string, today: string): string;
  /**
   * `expression` as a value no index lookup is made with: SQLite's unary `+` (its documented way
   * to keep the planner from an index), so a join written `c.placement_id = +p.id`
   * runs from the placements to their conversations and not the other way round. PostgreSQL
   * weighs both orders from its statistics: the expression as is.
   */
  unindexed(expression: string): string;
}

const validOn = (today: string) =>
  `r.valid_from <= ${today} AND (r.valid_until IS NULL OR r.valid_until >= ${today})`;

const sqlite: SqlDialect = {
  isRecognised: (company, programme, today) =>
    `EXISTS (SELECT 1 FROM company_recognition r WHERE r.company_id = ${company} AND r.programme_id = ${programme} AND ${validOn(today)})`,
  unindexed: (expression) => `+${expression}`,
};

const postgres: SqlDialect = {
  isRecognised: (company, programme, today) =>
    `(${company}, ${programme}) IN (SELECT r.company_id, r.programme_id FROM company_recognition r WHERE ${validOn(today)})`,
  unindexed: (expression) => expression,
};

/** The dialect of a data source (SQLite or PostgreSQL). */
export function dialectOf(dataSource: DataSource): SqlDialect {
  return dataSource.options.type === "postgres" ? postgres : sqlite;
}

/**
 * Whether a placement ending on `end` has not ended on `today` (it still runs, or has yet to
 * start): a placement ending today still counts. ISO date text orders as dates do.
 */
export function hasNotEndedSql(end: string, today: string): string {
  return `${end} >= ${today}`;
}

/** The calendar year of a date expression, as an integer. */
const yearOf = (date: string) => `CAST(substr(${date}, 1, 4) AS INTEGER)`;

/** Age in completed years on `date` of someone born on `birthDate` (the domain's `ageOn`). */
export function ageOnSql(birthDate: string, date: string): string {
  return `(${yearOf(date)} - ${yearOf(birthDate)} - CASE WHEN substr(${date}, 6, 5) < substr(${birthDate}, 6, 5) THEN 1 ELSE 0 END)`;
}

/**
 * Selecting an entity's columns from raw SQL and turning rows back into entities (with the
 * same conversions and transformers TypeORM applies), for queries that also compute columns.
 */
export interface EntityColumns<T> {
  /** `[expression, alias]` pairs to select. */
  selects: [string, string][];
  /** Builds the entity from a raw row holding the selected aliases. */
  hydrate(raw: Record<string, unknown>): T;
}

/** The columns of `target` under the SQL alias `alias`, selected as `<alias>_<column>`. */
export function entityColumns<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  alias: string,
): EntityColumns<T> {
  const metadata = dataSource.getMetadata(target);
  const driver = dataSource.driver;
  if (metadata.columns.some((column) => column.embeddedMetadata || column.relationMetadata)) {
    throw new Error(`${metadata.name}: entityColumns reads plain columns only`);
  }
  const columns = metadata.columns.map((column) => ({
    column,
    key: `${alias}_${column.databaseName}`,
    // Text and integers arrive from both drivers as they are stored; anything else (and any
    // transformer) goes through the driver's own conversion.
    isPlain:
      !column.transformer && ["varchar", "text", "integer", String].includes(column.type as string),
  }));
  return {
    selects: columns.map(({ column, key }) => [`${alias}.${column.databaseName}`, key]),
    hydrate: (raw) => {
      const entity = metadata.create() as Record<string, unknown>;
      for (const { column, key, isPlain } of columns) {
        const value = raw[key];
        entity[column.propertyName] = isPlain
          ? (value ?? null)
          : driver.prepareHydratedValue(value, column);
      }
      return entity as T;
    },
  };
}

import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";

/*
 * SQL fragments the reports are built from. Dates are stored as 'YYYY-MM-DD' text and moments
 * as 24-character ISO text (docs/decisions/0001), so most of the date logic is string logic that
 * reads the same on SQLite and PostgreSQL; only day arithmetic differs per dialect.
 *
 * The domain package stays the source of truth: these fragments restate its rules so the
 * database can filter, and test/e2e/reports-sql.test.ts checks them against the domain functions on a
 * large varied set of cases.
 */

/** The date arithmetic each database spells differently. */
export interface SqlDialect {
  /** Whole days from date `a` to date `b` (positive when `b` is later). */
  daysBetween(a: string, b: string): string;
  /** The date `days` whole days after `date`, as 'YYYY-MM-DD'. */
  addDays(date: string, days: string): string;
  /** Half of a non-negative whole number of days, rounded down. */
  halfDown(days: string): string;
  /**
   * Whether `end` lies before the eve of the first anniversary of `start` (the domain's
   * `isShorterThanSchoolYear`: `end < addDays(addMonths(start, 12), -1)`, where 29 February
   * plus a year is 28 February).
   */
  endsBeforeFirstAnniversaryEve(start: string, end: string): string;
  /** The first day (1 August) of the school year a date falls in, as 'YYYY-MM-DD'. */
  schoolYearStart(date: string): string;
  /** The later and the earlier of two ISO dates (text order is date order). */
  later(a: string, b: string): string;
  earlier(a: string, b: string): string;
  /**
   * Whether SBB recognises `company` for `programme` on `today` (as `pokFactsOf` asks): SQLite
   * probes the (company_id, programme_id) index per placement; PostgreSQL hashes today's
   * recognitions once, as it would run a probe per placement with the cost of a sequential plan.
   */
  isRecognised(company: string, programme: string, today: string): string;
}

const validOn = (today: string) =>
  `r.valid_from <= ${today} AND (r.valid_until IS NULL OR r.valid_until >= ${today})`;

const sqlite: SqlDialect = {
  // julianday() of a date is an exact x.5; the difference of two is an exact whole number.
  daysBetween: (a, b) => `(julianday(${b}) - julianday(${a}))`,
  addDays: (date, days) => `date(${date}, '+' || CAST(${days} AS INTEGER) || ' days')`,
  // Day differences are whole numbers held as reals here.
  halfDown: (days) => `CAST((${days}) / 2 AS INTEGER)`,
  // 'floor' makes 29 February + 1 year the 28th instead of overflowing into March (SQLite 3.42+).
  endsBeforeFirstAnniversaryEve: (start, end) =>
    `(${end} < date(${start}, '+1 year', 'floor', '-1 day'))`,
  // Seven months back lands August–July in one calendar year; its 1 January + 7 months is 1 August.
  schoolYearStart: (date) => `date(${date}, '-7 months', 'start of year', '+7 months')`,
  later: (a, b) => `max(${a}, ${b})`,
  earlier: (a, b) => `min(${a}, ${b})`,
  isRecognised: (company, programme, today) =>
    `EXISTS (SELECT 1 FROM company_recognition r WHERE r.company_id = ${company} AND r.programme_id = ${programme} AND ${validOn(today)})`,
};

const postgres: SqlDialect = {
  daysBetween: (a, b) => `(CAST(${b} AS DATE) - CAST(${a} AS DATE))`,
  addDays: (date, days) => `to_char(CAST(${date} AS DATE) + (${days}), 'YYYY-MM-DD')`,
  halfDown: (days) => `((${days}) / 2)`,
  // PostgreSQL's year interval keeps 29 February + 1 year on 28 February, as the domain does.
  endsBeforeFirstAnniversaryEve: (start, end) =>
    `(CAST(${end} AS DATE) < CAST(CAST(${start} AS DATE) + INTERVAL '1 year' AS DATE) - 1)`,
  schoolYearStart: (date) =>
    `to_char(date_trunc('year', CAST(${date} AS DATE) - INTERVAL '7 months') + INTERVAL '7 months', 'YYYY-MM-DD')`,
  later: (a, b) => `GREATEST(${a}, ${b})`,
  earlier: (a, b) => `LEAST(${a}, ${b})`,
  isRecognised: (company, programme, today) =>
    `(${company}, ${programme}) IN (SELECT r.company_id, r.programme_id FROM company_recognition r WHERE ${validOn(today)})`,
};

/** The dialect of a data source (SQLite or PostgreSQL). */
export function dialectOf(dataSource: DataSource): SqlDialect {
  return dataSource.options.type === "postgres" ? postgres : sqlite;
}

/** SQL expressions (over ISO date text) for the frequency rule; see `judgedPeriodSql`. */
export interface FrequencyTerms {
  /** The placement's start and end date, and today. */
  start: string;
  end: string;
  today: string;
  /** The first and last day of today's school year (`schoolYearOf(today)`). */
  yearStart: string;
  yearEnd: string;
}

/** The judged period of a placement as SQL columns; see `judgedPeriodSql`. */
export interface JudgedPeriodSql {
  /** Shorter than a school year: one leerwerkperiode (a condition). */
  shorter: string;
  /** First day of the judged period. */
  periodStart: string;
  /** Last day of the judged period, inclusive. */
  periodEnd: string;
}

/**
 * The period `frequencyStatus` judges a placement over on `today` (`judgedPeriod` in
 * packages/domain/src/frequency.ts), for a placement that has started (start ≤ today; one
 * that has not can have nothing overdue, as its first due date lies after its start):
 * - shorter than a school year: the whole placement;
 * - else its overlap with the school year of today, or — once it has ended — of its end date.
 */
export function judgedPeriodSql(d: SqlDialect, t: FrequencyTerms): JudgedPeriodSql {
  const shorter = d.endsBeforeFirstAnniversaryEve(t.start, t.end);
  const hasEnded = `${t.end} < ${t.today}`;
  return {
    shorter,
    periodStart: `CASE WHEN ${shorter} THEN ${t.start} WHEN ${hasEnded} THEN ${d.later(t.start, d.schoolYearStart(t.end))} ELSE ${d.later(t.start, t.yearStart)} END`,
    // An ended placement's school year holds its end date.
    periodEnd: `CASE WHEN ${shorter} OR ${hasEnded} THEN ${t.end} ELSE ${d.earlier(t.end, t.yearEnd)} END`,
  };
}

/**
 * Conversations required in a judged period: 1 for a placement shorter than a school year,
 * else 2 when the period covers at least half its school year. Twice the overlap ≥ the school
 * year's 365 or 366 days holds, in whole days, exactly when the overlap is ≥ 183 days.
 */
export function requiredSql(
  d: SqlDialect,
  shorter: string,
  periodStart: string,
  periodEnd: string,
): string {
  return `CASE WHEN ${shorter} THEN 1 WHEN ${d.daysBetween(periodStart, periodEnd)} + 1 >= 183 THEN 2 ELSE 1 END`;
}

/**
 * Whether the first due date (`frequencyStatus`'s `dueDates[0]`) lies before today: the
 * period's end when one conversation is required, else `round(span / 2)` days after its start
 * (`round` of a non-negative half rounds up: (span + 1) div 2, which is < n exactly when
 * span + 1 < 2n).
 */
export function firstDuePassedSql(
  d: SqlDialect,
  required: string,
  periodStart: string,
  periodEnd: string,
  today: string,
): string {
  const span = d.daysBetween(periodStart, periodEnd);
  return `((${required} = 1 AND ${periodEnd} < ${today}) OR (${required} = 2 AND ${span} + 1 < 2 * ${d.daysBetween(periodStart, today)}))`;
}

/**
 * Whether a placement is overdue (`frequencyStatus(...).isOverdue`) given its judged period,
 * the number of conversations held in it, and that its first due date lies before today:
 * nothing held, or two required, fewer held and the period's end (the second due date) passed.
 */
export function overdueGivenFirstDuePassedSql(
  held: string,
  required: string,
  periodEnd: string,
  today: string,
): string {
  return `${held} < CASE WHEN ${required} = 2 AND ${periodEnd} < ${today} THEN 2 ELSE 1 END`;
}

/** The rest of `frequencyStatus` for a judged period with `held` conversations held in it. */
export interface FrequencyFiguresSql {
  /** `dueDates[0]`; the second, when two are required, is the period's end. */
  firstDueDate: string;
  missed: string;
  /** Null when every due date is covered. */
  nextDueDate: string;
}

/**
 * `frequencyStatus`'s due dates, missed count and next due date: the k-th of n conversations
 * is due round(k × span / n) days after the period's start — for one, the period's end; for
 * two, the end and the day round(span / 2) after the start ((span + 1) div 2) — and a due date
 * is missed once past (before today) while fewer than k conversations were held.
 */
export function frequencyFiguresSql(
  d: SqlDialect,
  c: { required: string; periodStart: string; periodEnd: string; held: string; today: string },
): FrequencyFiguresSql {
  const half = d.halfDown(`${d.daysBetween(c.periodStart, c.periodEnd)} + 1`);
  const firstDueDate = `CASE WHEN ${c.required} = 1 THEN ${c.periodEnd} ELSE ${d.addDays(c.periodStart, half)} END`;
  return {
    firstDueDate,
    missed: `(CASE WHEN ${firstDueDate} < ${c.today} AND ${c.held} < 1 THEN 1 ELSE 0 END + CASE WHEN ${c.required} = 2 AND ${c.periodEnd} < ${c.today} AND ${c.held} < 2 THEN 1 ELSE 0 END)`,
    nextDueDate: `CASE WHEN ${c.held} < 1 THEN ${firstDueDate} WHEN ${c.required} = 2 AND ${c.held} < 2 THEN ${c.periodEnd} END`,
  };
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

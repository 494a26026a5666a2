/**
 * Each staff report as one hand-written SQL query per database, using that database's own date
 * functions: the yardstick for the server's queries. Each returns the rows the report returns
 * (the whole placement or agreement where the report returns one), in the report's order as far
 * as the database's collation agrees with the server's (names sort by the C collation here), and
 * `line` turns a row into the report's canonical text line (see reports-reference.ts).
 *
 * Parameters: $1 today, $2 today + withinDays (POK issues), $3 the begeleider (when scoped).
 * POK issues and overdue agreements cover only placements that have not ended (end date today
 * or later) unless `includeEnded`.
 */
import { CONCLUSIONS, HELD_STATUSES, OPEN_AGREEMENT_STATUSES } from "@driehoek/domain";
import type { ReportName } from "./reports-reference.js";

/** A hand-written report query. */
export interface HandQuery {
  sql: string;
  line(row: Record<string, unknown>): string;
}

type Dialect = "sqlite" | "postgres";

/** The domain's fixed names as an SQL list ('a', 'b'). */
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(", ");
const HELD = `c.status IN (${list(HELD_STATUSES)})`;
const CONCLUDED = `c.conclusion IN (${list(CONCLUSIONS)})`;
const join = (...values: unknown[]) => values.map((v) => (v === null ? "" : String(v))).join("|");

/** `(years completed)` from birth to `on`, dates as text (the same on both databases). */
const age = (birth: string, on: string) =>
  `(CAST(substr(${on}, 1, 4) AS INTEGER) - CAST(substr(${birth}, 1, 4) AS INTEGER) - CASE WHEN substr(${on}, 6, 5) < substr(${birth}, 6, 5) THEN 1 ELSE 0 END)`;

/**
 * Placements behind the frequency rule: the stored verdicts (placement_frequency, judged by the
 * domain's rule) filtered and sorted, as a person would write it by hand.
 */
function overdue(dialect: Dialect, scope: string): string {
  return `
SELECT p.id, p.student_id, p.company_id, p.praktijkopleider_id, p.begeleider_id, p.start_date,
  p.end_date, p.hours_per_week, p.pok_number, p.pok_status, p.pok_start_date, p.pok_end_date, p.pok_hours,
  p.pok_student_signed_at, p.pok_school_signed_at, p.pok_company_signed_at, p.pok_parent_signed_at,
  sp.name AS student_name, f.period_start, f.period_end, f.required, f.held, f.missed,
  f.next_due_date AS next_due, f.proposed_date
FROM placement p JOIN placement_frequency f ON f.placement_id = p.id
  JOIN student st ON st.id = p.student_id JOIN person sp ON sp.id = st.person_id
WHERE ${scope} AND f.is_overdue = ${dialect === "postgres" ? "TRUE" : "1"}
ORDER BY f.missed DESC, student_name, p.id`;
}

function pokIssues(dialect: Dialect, scope: string, notEnded: string): string {
  const problem = (condition: string, name: string) =>
    `CASE WHEN ${condition} THEN '${name},' ELSE '' END`;
  const conditions: [string, string][] = [
    ["p.pok_status = 'terminated'", "terminated"],
    ["p.pok_student_signed_at IS NULL", "missing_student_signature"],
    ["p.pok_school_signed_at IS NULL", "missing_school_signature"],
    ["p.pok_company_signed_at IS NULL", "missing_company_signature"],
    [
      `st.birth_date IS NOT NULL AND p.pok_parent_signed_at IS NULL AND ${age("st.birth_date", "p.pok_start_date")} < 18`,
      "missing_parent_signature",
    ],
    ["$1 < p.pok_start_date", "not_started"],
    ["$1 > p.pok_end_date", "expired"],
    [
      dialect === "postgres"
        ? `(p.company_id, st.programme_id) NOT IN (SELECT r.company_id, r.programme_id
            FROM company_recognition r WHERE r.valid_from <= $1 AND (r.valid_until IS NULL OR r.valid_until >= $1))`
        : `NOT EXISTS (SELECT 1 FROM company_recognition r WHERE r.company_id = p.company_id
            AND r.programme_id = st.programme_id AND r.valid_from <= $1
            AND (r.valid_until IS NULL OR r.valid_until >= $1))`,
      "company_not_recognised",
    ],
  ];
  return `
SELECT x.*, CASE WHEN x.problems = '' THEN 'true' ELSE 'false' END AS is_valid
FROM (
  SELECT p.*, sp.name AS student_name,
    ${conditions.map(([condition, name]) => problem(condition, name)).join("\n    || ")} AS problems
  FROM placement p JOIN student st ON st.id = p.student_id JOIN person sp ON sp.id = st.person_id
  WHERE ${scope} AND ${notEnded} AND (p.pok_end_date <= $2 OR ${conditions.map(([condition]) => `(${condition})`).join(" OR ")})
) x
ORDER BY x.problems = '', x.pok_end_date, x.student_name, x.id`;
}

function points(scope: string): string {
  return `
SELECT c.id, st.id AS student_id, sp.name AS student_name, substr(c.scheduled_at, 1, 10) AS date, c.conclusion,
  CASE c.conclusion WHEN 'voor' THEN 1 WHEN 'op_schema' THEN 0 ELSE -1 END AS score
FROM conversation c JOIN placement p ON p.id = c.placement_id
  JOIN student st ON st.id = p.student_id JOIN person sp ON sp.id = st.person_id
WHERE ${scope} AND ${HELD} AND ${CONCLUDED}
ORDER BY c.scheduled_at, c.id`;
}

function distribution(scope: string, by: "programme" | "cohort" | "begeleider"): string {
  const [group, joins] =
    by === "programme"
      ? [
          "pr.crebo",
          "JOIN student st ON st.id = p.student_id JOIN programme pr ON pr.id = st.programme_id",
        ]
      : by === "cohort"
        ? ["st.cohort", "JOIN student st ON st.id = p.student_id"]
        : ["b.name", "JOIN person b ON b.id = p.begeleider_id"];
  const count = (c: string) => `SUM(CASE WHEN c.conclusion = '${c}' THEN 1 ELSE 0 END)`;
  return `
SELECT ${group} AS grp, ${count("voor")} AS voor, ${count("op_schema")} AS op_schema, ${count("achter")} AS achter
FROM conversation c JOIN placement p ON p.id = c.placement_id ${joins}
WHERE ${scope} AND ${HELD} AND ${CONCLUDED}
GROUP BY ${group}
ORDER BY ${group}`;
}

function agreements(dialect: Dialect, scope: string, notEnded: string): string {
  const days =
    dialect === "postgres"
      ? "$1::varchar::date - a.due_date::date"
      : "CAST(julianday($1) - julianday(a.due_date) AS INTEGER)";
  return `
SELECT a.*, sp.name AS student_name, ${days} AS days_overdue
FROM agreement a JOIN conversation c ON c.id = a.conversation_id JOIN placement p ON p.id = c.placement_id
  JOIN student st ON st.id = p.student_id JOIN person sp ON sp.id = st.person_id
WHERE ${scope} AND ${notEnded} AND a.status IN (${list(OPEN_AGREEMENT_STATUSES)}) AND a.due_date < ${dialect === "postgres" ? "$1::varchar" : "$1"}
ORDER BY a.due_date, a.id`;
}

/** A hand-written report query with its parameters. */
export interface BoundHandQuery extends HandQuery {
  params: unknown[];
}

/**
 * The hand-written queries for one database, for `today`, POK issues within `until`, when
 * `begeleiderId` is given only that begeleider's placements, and with `includeEnded` the POK
 * issues and overdue agreements of ended placements too.
 */
export function handQueries(
  dialect: Dialect,
  values: { today: string; until: string; begeleiderId: string | null; includeEnded?: boolean },
): Record<ReportName, BoundHandQuery> {
  const scope = values.begeleiderId ? "p.begeleider_id = $3" : "1 = 1";
  const notEnded = values.includeEnded
    ? "1 = 1"
    : `p.end_date >= ${dialect === "postgres" ? "$1::varchar" : "$1"}`;
  const all = [values.today, values.until, values.begeleiderId];
  // Numbers the parameters a query uses 1, 2, ... (as $n, or ?n for SQLite) and binds those.
  const bind = (text: string) => {
    const used: number[] = [];
    const sql = text.replace(/\$(\d)/g, (_, n: string) => {
      let index = used.indexOf(Number(n));
      if (index < 0) index = used.push(Number(n)) - 1;
      return `${dialect === "sqlite" ? "?" : "$"}${index + 1}`;
    });
    return { sql, params: used.map((n) => all[n - 1]) };
  };
  const distributionQuery = (by: "programme" | "cohort" | "begeleider"): BoundHandQuery => ({
    ...bind(distribution(scope, by)),
    line: (r) => join(r.grp, r.voor, r.op_schema, r.achter),
  });
  return {
    overdueConversations: {
      ...bind(overdue(dialect, scope)),
      line: (r) =>
        join(
          r.id,
          r.student_name,
          r.period_start,
          r.period_end,
          r.required,
          r.held,
          r.missed,
          r.next_due,
          true,
          r.proposed_date,
        ),
    },
    pokIssues: {
      ...bind(pokIssues(dialect, scope, notEnded)),
      line: (r) =>
        join(
          r.id,
          r.student_name,
          r.is_valid,
          String(r.problems).replace(/,$/, ""),
          r.is_valid,
          r.pok_end_date,
        ),
    },
    conclusionsOverTime: {
      ...bind(points(scope)),
      line: (r) => join(r.id, r.student_id, r.student_name, r.date, r.conclusion, r.score),
    },
    "conclusionDistribution(programme)": distributionQuery("programme"),
    "conclusionDistribution(cohort)": distributionQuery("cohort"),
    "conclusionDistribution(begeleider)": distributionQuery("begeleider"),
    overdueAgreements: {
      ...bind(agreements(dialect, scope, notEnded)),
      line: (r) => join(r.id, r.student_name, r.due_date, r.days_overdue),
    },
  };
}

/**
 * The staff reports computed the plain way: every visible placement loaded into memory and
 * judged by the domain functions (the frequency rule by `frequencyStatus` itself, on the
 * conversations' dates in the school's time zone and with the stored school calendars). Slow, obviously right, and the oracle the
 * server's reports — which read the stored frequency state — are checked against (report tests
 * and the benchmark). Also the canonical text form of each report's rows, so results of
 * different origins compare.
 */
import {
  type AgreementStatus,
  CONCLUSIONS,
  type Conclusion,
  type ConversationStatus,
  calendarLookup,
  checkPok,
  conclusionScore,
  daysBetween,
  frequencyStatus,
  isConclusion,
  isHeld,
  isStillOpen,
  type PokFacts,
  pokExpiresWithin,
  type Role,
  type SchoolCalendar,
  schoolDate,
} from "@driehoek/domain";
import type { DataSource } from "typeorm";
import type { RequestContext, Services } from "../src/context.js";
import { MAX_PAGE_SIZE, type Page, type PageArgs } from "../src/graphql/pagination.js";
import {
  conclusionDistribution,
  conclusionsOverTime,
} from "../src/modules/report/conclusions.report.js";
import { overdueAgreements } from "../src/modules/report/overdue-agreements.report.js";
import { overdueConversations } from "../src/modules/report/overdue-conversations.report.js";
import { pokIssues } from "../src/modules/report/pok-issues.report.js";
import {
  type ConclusionCount,
  ConclusionGrouping,
  type ConclusionPoint,
  type OverdueAgreement,
  type OverduePlacement,
  type PokIssue,
} from "../src/modules/report/report.types.js";

/** The staff reports, each from its own file. */
const reports = {
  overdueConversations,
  pokIssues,
  conclusionsOverTime,
  conclusionDistribution,
  overdueAgreements,
};

/** The report names, in the order the benchmark prints them. */
export type ReportName =
  | "overdueConversations"
  | "pokIssues"
  | "conclusionsOverTime"
  | "conclusionDistribution(programme)"
  | "conclusionDistribution(cohort)"
  | "conclusionDistribution(begeleider)"
  | "overdueAgreements";

/** Each report's rows as text lines, in the report's order. */
export type CanonicalReports = Record<ReportName, string[]>;

/** Canonical lines of the server's report results. */
export const canonical = {
  overdue: (rows: OverduePlacement[]) =>
    rows.map((r) =>
      [
        r.placement.id,
        r.studentName,
        r.frequency.periodStart,
        r.frequency.periodEnd,
        r.frequency.required,
        r.frequency.held,
        r.frequency.missed,
        r.frequency.nextDueDate ?? "",
        r.frequency.isOverdue,
        r.frequency.proposedDate ?? "",
      ].join("|"),
    ),
  pok: (rows: PokIssue[]) =>
    rows.map((r) =>
      [
        r.placement.id,
        r.studentName,
        r.isValid,
        r.problems.join(","),
        r.expiresSoon,
        r.pokEndDate,
      ].join("|"),
    ),
  points: (rows: ConclusionPoint[]) =>
    rows.map((r) =>
      [r.conversationId, r.studentId, r.studentName, r.date, r.conclusion, r.score].join("|"),
    ),
  distribution: (rows: ConclusionCount[]) =>
    rows.map((r) => [r.group, r.voor, r.opSchema, r.achter].join("|")),
  agreements: (rows: OverdueAgreement[]) =>
    rows.map((r) => [r.agreement.id, r.studentName, r.agreement.dueDate, r.daysOverdue].join("|")),
};

/**
 * Every row of a paged report, page after page (`first` rows each) through the cursors; fails
 * when the pages do not add up to the total.
 */
export async function everyRow<T>(
  pageOf: (page: PageArgs) => Promise<Page<T>>,
  first = MAX_PAGE_SIZE,
): Promise<T[]> {
  const rows: T[] = [];
  let after: string | null = null;
  let totalCount = 0;
  do {
    const page: Page<T> = await pageOf({ first, after });
    totalCount = page.totalCount;
    rows.push(...page.edges.map((edge) => edge.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  if (rows.length !== totalCount) {
    throw new Error(`pages hold ${rows.length} rows, totalCount says ${totalCount}`);
  }
  return rows;
}

/** A request context for calling the report functions directly, as `viewer` on `today`. */
export function reportContext(
  dataSource: DataSource,
  viewer: { personId: string; role: Role },
  today: string,
): RequestContext {
  const now = new Date(`${today}T12:00:00.000Z`);
  // The reports read only the data source and the clock.
  const services = { dataSource, now: () => new Date(now) } as unknown as Services;
  return { services, viewer: { personId: viewer.personId, role: viewer.role }, authProblem: null };
}

/**
 * Every report as the server computes it for `ctx`, in canonical form; `includeEnded` as the
 * POK issues and overdue agreements take it.
 */
export async function serverReports(
  ctx: RequestContext,
  withinDays = 30,
  includeEnded = false,
): Promise<CanonicalReports> {
  const students = await everyRow((page) => reports.conclusionsOverTime(ctx, page));
  const points: ConclusionPoint[] = [];
  for (const student of students) points.push(...(await student.points()));
  return {
    overdueConversations: canonical.overdue(
      await everyRow((page) => reports.overdueConversations(ctx, page)),
    ),
    pokIssues: canonical.pok(
      await everyRow((page) => reports.pokIssues(ctx, page, {}, withinDays, includeEnded)),
    ),
    conclusionsOverTime: canonical.points(points),
    "conclusionDistribution(programme)": canonical.distribution(
      await reports.conclusionDistribution(ctx, ConclusionGrouping.programme),
    ),
    "conclusionDistribution(cohort)": canonical.distribution(
      await reports.conclusionDistribution(ctx, ConclusionGrouping.cohort),
    ),
    "conclusionDistribution(begeleider)": canonical.distribution(
      await reports.conclusionDistribution(ctx, ConclusionGrouping.begeleider),
    ),
    overdueAgreements: canonical.agreements(
      await everyRow((page) => reports.overdueAgreements(ctx, page, {}, includeEnded)),
    ),
  };
}

/** Everything the reports read, loaded once. */
export interface ReferenceData {
  placements: Record<string, string>[];
  students: Map<string, Record<string, string>>;
  names: Map<string, string>;
  crebos: Map<string, string>;
  recognitions: Record<string, string>[];
  conversations: Record<string, string>[];
  agreements: Record<string, string>[];
  /** The stored school calendars (school years without one use the default). */
  calendars: SchoolCalendar[];
}

/** Loads every row the reports may read. */
export async function loadReferenceData(dataSource: DataSource): Promise<ReferenceData> {
  const all = (sql: string) => dataSource.query(sql) as Promise<Record<string, string>[]>;
  const byId = (rows: Record<string, string>[]) => new Map(rows.map((r) => [r.id as string, r]));
  return {
    placements: await all("SELECT * FROM placement"),
    students: byId(await all("SELECT * FROM student")),
    names: new Map(
      (await all("SELECT id, name FROM person")).map((r) => [r.id as string, r.name as string]),
    ),
    crebos: new Map(
      (await all("SELECT id, crebo FROM programme")).map((r) => [
        r.id as string,
        r.crebo as string,
      ]),
    ),
    recognitions: await all("SELECT * FROM company_recognition"),
    conversations: await all(
      "SELECT id, placement_id, scheduled_at, status, conclusion FROM conversation",
    ),
    agreements: await all("SELECT id, conversation_id, status, due_date FROM agreement"),
    calendars: (await all("SELECT * FROM school_calendar")).map((r) => ({
      schoolYear: Number(r.school_year),
      periods: JSON.parse(r.periods as string),
      holidays: JSON.parse(r.holidays as string),
    })),
  };
}

const byName = new Intl.Collator().compare;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every report for one caller on `today`, computed in memory with the domain functions. POK
 * issues and overdue agreements cover only placements that have not ended (end date today or
 * later) unless `includeEnded`.
 */
export function referenceReports(
  data: ReferenceData,
  viewer: { personId: string; role: Role },
  today: string,
  withinDays = 30,
  includeEnded = false,
): CanonicalReports {
  const studentOf = (p: Record<string, string>) =>
    data.students.get(p.student_id as string) as Record<string, string>;
  const nameOf = (p: Record<string, string>) =>
    data.names.get(studentOf(p).person_id as string) ?? "";
  const placements = data.placements.filter((p) =>
    viewer.role === "admin"
      ? true
      : viewer.role === "bpv_begeleider"
        ? p.begeleider_id === viewer.personId
        : viewer.role === "trajectbegeleider"
          ? studentOf(p).trajectbegeleider_id === viewer.personId
          : false,
  );
  const visible = new Map(placements.map((p) => [p.id as string, p]));
  const actionable = (p: Record<string, string>) => includeEnded || (p.end_date as string) >= today;
  const conversations = data.conversations.filter((c) => visible.has(c.placement_id as string));
  const held = conversations.filter((c) => isHeld(c.status as ConversationStatus));
  const heldDates = new Map<string, string[]>();
  for (const c of held) {
    const list = heldDates.get(c.placement_id as string) ?? [];
    list.push(schoolDate(new Date(c.scheduled_at as string)));
    heldDates.set(c.placement_id as string, list);
  }

  const recognitionsOf = new Map<string, Record<string, string>[]>();
  for (const r of data.recognitions) {
    const list = recognitionsOf.get(r.company_id as string) ?? [];
    list.push(r);
    recognitionsOf.set(r.company_id as string, list);
  }

  const calendars = calendarLookup(data.calendars);
  const overdue = placements
    .map((p) => ({
      p,
      name: nameOf(p),
      f: frequencyStatus({
        placementStart: p.start_date as string,
        placementEnd: p.end_date as string,
        heldDates: heldDates.get(p.id as string) ?? [],
        today,
        calendars,
      }),
    }))
    .filter((r) => r.f.isOverdue)
    .sort(
      (a, b) =>
        b.f.missed - a.f.missed ||
        compare(a.name, b.name) ||
        compare(a.p.id as string, b.p.id as string),
    )
    .map((r) =>
      [
        r.p.id,
        r.name,
        r.f.periodStart,
        r.f.periodEnd,
        r.f.required,
        r.f.held,
        r.f.missed,
        r.f.nextDueDate ?? "",
        r.f.isOverdue,
        r.f.proposedDate ?? "",
      ].join("|"),
    );

  const pok = placements
    .filter(actionable)
    .flatMap((p) => {
      const student = studentOf(p);
      const facts: PokFacts = {
        status: p.pok_status as PokFacts["status"],
        startDate: p.pok_start_date as string,
        endDate: p.pok_end_date as string,
        studentSignedAt: p.pok_student_signed_at ?? null,
        schoolSignedAt: p.pok_school_signed_at ?? null,
        companySignedAt: p.pok_company_signed_at ?? null,
        parentSignedAt: p.pok_parent_signed_at ?? null,
        studentBirthDate: student.birth_date ?? null,
        companyRecognised: (recognitionsOf.get(p.company_id as string) ?? []).some(
          (r) =>
            r.company_id === p.company_id &&
            r.programme_id === student.programme_id &&
            (r.valid_from as string) <= today &&
            (r.valid_until === null || (r.valid_until as string) >= today),
        ),
      };
      const check = checkPok(facts, today);
      const expiresSoon = check.isValid && pokExpiresWithin(facts, today, withinDays);
      return !check.isValid || expiresSoon ? [{ p, name: nameOf(p), check, expiresSoon }] : [];
    })
    .sort(
      (a, b) =>
        Number(a.check.isValid) - Number(b.check.isValid) ||
        compare(a.p.pok_end_date as string, b.p.pok_end_date as string) ||
        compare(a.name, b.name) ||
        compare(a.p.id as string, b.p.id as string),
    )
    .map((r) =>
      [
        r.p.id,
        r.name,
        r.check.isValid,
        r.check.problems.join(","),
        r.expiresSoon,
        r.p.pok_end_date,
      ].join("|"),
    );

  const points = held
    .filter((c) => c.conclusion !== null && isConclusion(c.conclusion as string))
    .sort(
      (a, b) =>
        compare(a.scheduled_at as string, b.scheduled_at as string) ||
        compare(a.id as string, b.id as string),
    )
    .map((c) => {
      const p = visible.get(c.placement_id as string) as Record<string, string>;
      return { c, p, student: studentOf(p), conclusion: c.conclusion as Conclusion };
    });
  // The chart's order: per student (by name, then id), each student's points oldest first.
  const byStudent = [...points].sort(
    (a, b) =>
      compare(nameOf(a.p), nameOf(b.p)) || compare(a.student.id as string, b.student.id as string),
  );
  const pointLines = byStudent.map(({ c, p, student, conclusion }) =>
    [
      c.id,
      student.id,
      nameOf(p),
      schoolDate(new Date(c.scheduled_at as string)),
      conclusion,
      conclusionScore(conclusion),
    ].join("|"),
  );
  const distribution = (key: (point: (typeof points)[number]) => string) => {
    const groups = new Map<string, Record<Conclusion, number>>();
    for (const point of points) {
      const group = key(point);
      const counts = groups.get(group) ?? { voor: 0, op_schema: 0, achter: 0 };
      counts[point.conclusion] += 1;
      groups.set(group, counts);
    }
    return [...groups.entries()]
      .sort((a, b) => byName(a[0], b[0]))
      .map(([group, counts]) => [group, ...CONCLUSIONS.map((c) => counts[c])].join("|"));
  };

  const conversationById = new Map(conversations.map((c) => [c.id as string, c]));
  const placementOf = (a: Record<string, string>) => {
    const c = conversationById.get(a.conversation_id as string);
    return c && (visible.get(c.placement_id as string) as Record<string, string>);
  };
  const agreements = data.agreements
    .filter((a) => {
      const p = placementOf(a);
      return (
        p !== undefined &&
        actionable(p) &&
        isStillOpen(a.status as AgreementStatus) &&
        a.due_date !== null &&
        (a.due_date as string) < today
      );
    })
    .sort(
      (a, b) =>
        compare(a.due_date as string, b.due_date as string) ||
        compare(a.id as string, b.id as string),
    )
    .map((a) => {
      const p = placementOf(a) as Record<string, string>;
      return [a.id, nameOf(p), a.due_date, daysBetween(a.due_date as string, today)].join("|");
    });

  return {
    overdueConversations: overdue,
    pokIssues: pok,
    conclusionsOverTime: pointLines,
    "conclusionDistribution(programme)": distribution(
      ({ student }) => data.crebos.get(student.programme_id as string) ?? "",
    ),
    "conclusionDistribution(cohort)": distribution(({ student }) => student.cohort as string),
    "conclusionDistribution(begeleider)": distribution(
      ({ p }) => data.names.get(p.begeleider_id as string) ?? "",
    ),
    overdueAgreements: agreements,
  };
}

/**
 * The placements whose stored frequency verdict (placement_frequency) differs from what the
 * domain's `frequencyStatus()` says on `today`, as text lines (empty when all agree).
 */
export async function storedFrequencyMismatches(
  dataSource: DataSource,
  data: ReferenceData,
  today: string,
): Promise<string[]> {
  const stored = new Map(
    (
      (await dataSource.query("SELECT * FROM placement_frequency")) as Record<string, unknown>[]
    ).map((r) => [r.placement_id as string, r]),
  );
  const heldDates = new Map<string, string[]>();
  for (const c of data.conversations) {
    if (!isHeld(c.status as ConversationStatus)) continue;
    const list = heldDates.get(c.placement_id as string) ?? [];
    list.push(schoolDate(new Date(c.scheduled_at as string)));
    heldDates.set(c.placement_id as string, list);
  }
  const calendars = calendarLookup(data.calendars);
  return data.placements.flatMap((p) => {
    const f = frequencyStatus({
      placementStart: p.start_date as string,
      placementEnd: p.end_date as string,
      heldDates: heldDates.get(p.id as string) ?? [],
      today,
      calendars,
    });
    const expected = [
      f.periodStart,
      f.periodEnd,
      f.required,
      f.held,
      f.missed,
      f.nextDueDate,
      f.isOverdue,
      f.isCurrent,
      f.proposedDate,
      today,
    ];
    const row = stored.get(p.id as string);
    const actual = row && [
      row.period_start,
      row.period_end,
      Number(row.required),
      Number(row.held),
      Number(row.missed),
      row.next_due_date ?? null,
      Boolean(row.is_overdue),
      Boolean(row.is_current),
      row.proposed_date ?? null,
      row.judged_on,
    ];
    return JSON.stringify(actual) === JSON.stringify(expected)
      ? []
      : [`${p.id}: stored ${JSON.stringify(actual)}, domain ${JSON.stringify(expected)}`];
  });
}

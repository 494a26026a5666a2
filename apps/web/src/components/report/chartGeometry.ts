import { CONCLUSIONS, type Conclusion, conclusionScore } from "@driehoek/domain";

/** One conclusion of one conversation, as the chart draws it. */
export interface ChartPoint {
  conversationId: string;
  /** YYYY-MM-DD. */
  date: string;
  conclusion: Conclusion;
  /** What the student stated, when the record holds it (differs where the begeleider judged otherwise). */
  studentConclusion?: Conclusion | null;
}

/** One student's conclusions, oldest first. */
export interface StudentSeries {
  studentId: string;
  studentName: string;
  points: ChartPoint[];
  /** The most recent conclusion. */
  latest: ChartPoint;
}

/** How the small multiples are ordered. */
export type SeriesOrder = "name" | "behind";

/** The size of one chart in SVG units, and the margins around its plot area. */
export interface ChartFrame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** One student's chart: about as wide as a phone, three across on a desktop. */
export const SMALL_MULTIPLE: ChartFrame = {
  width: 320,
  height: 136,
  left: 80,
  right: 14,
  top: 12,
  bottom: 30,
};

/** The size of the chart's text in CSS pixels, the card's small print (--text-sm): it never scales. */
export const CHART_TEXT_PX = 14;
/** The narrowest a chart is drawn, so its plot keeps room beside the labels. */
const MIN_CHART_WIDTH = 220;
/** Room left of the plot for the conclusions' names ("On schedule", "Op schema") at that size. */
const LABEL_ROOM = 100;

/**
 * The frame of a chart shown `width` CSS pixels wide: drawn one unit to a pixel, so its text
 * is CHART_TEXT_PX on screen whatever the width (a scaled chart's 12 units were 10 px on a
 * tablet's three columns and 11 px on a phone). Without a width (not laid out yet) the
 * small multiple's.
 */
export function frameForWidth(width: number | null): ChartFrame {
  const drawn =
    width && width > 0 ? Math.max(MIN_CHART_WIDTH, Math.round(width)) : SMALL_MULTIPLE.width;
  return { ...SMALL_MULTIPLE, width: drawn, left: LABEL_ROOM };
}

/** The dates the x axis spans, YYYY-MM-DD, both inclusive. */
export interface DateDomain {
  from: string;
  to: string;
}

/** Everything needed to draw one student's chart. */
export interface ChartGeometry {
  /** The plot area. */
  plot: { x0: number; x1: number; y0: number; y1: number };
  /** Where each conclusion lies, "voor" at the top. */
  levels: { conclusion: Conclusion; y: number }[];
  /** The nominal line ("op schema"). */
  nominalY: number;
  xTicks: { date: string; x: number }[];
  points: (ChartPoint & { x: number; y: number })[];
  /** The line through the points, an SVG path ("" without points). */
  path: string;
}

const DAY_MS = 86_400_000;
/** A chart of a single date still spans this many days either side, so the point sits mid-way. */
const SINGLE_DATE_PADDING_DAYS = 30;
/** Keeps markers on the axis ends inside the plot. */
const INSET = 10;

/** Groups conclusion points per student, each series oldest first, students by name. */
export function studentSeries(
  points: readonly (ChartPoint & { studentId: string; studentName: string })[],
): StudentSeries[] {
  const byStudent = new Map<string, { studentName: string; points: ChartPoint[] }>();
  for (const { studentId, studentName, ...point } of points) {
    const entry = byStudent.get(studentId) ?? { studentName, points: [] };
    entry.points.push(point);
    byStudent.set(studentId, entry);
  }
  return [...byStudent]
    .map(([studentId, { studentName, points: own }]) => {
      const sorted = [...own].sort((a, b) => a.date.localeCompare(b.date));
      return { studentId, studentName, points: sorted, latest: sorted[sorted.length - 1] };
    })
    .filter((s): s is StudentSeries => s.latest !== undefined)
    .sort((a, b) => a.studentName.localeCompare(b.studentName, "nl"));
}

/** Orders the series by name, or those furthest behind on their latest conclusion first. */
export function sortSeries(series: readonly StudentSeries[], order: SeriesOrder): StudentSeries[] {
  const byName = (a: StudentSeries, b: StudentSeries) =>
    a.studentName.localeCompare(b.studentName, "nl");
  if (order === "name") return [...series].sort(byName);
  return [...series].sort(
    (a, b) =>
      conclusionScore(a.latest.conclusion) - conclusionScore(b.latest.conclusion) || byName(a, b),
  );
}

/** The span of the dates, widened around a single date; null without dates. */
export function dateDomain(dates: readonly string[]): DateDomain | null {
  if (dates.length === 0) return null;
  const sorted = [...dates].sort();
  const from = sorted[0] as string;
  const to = sorted[sorted.length - 1] as string;
  if (from !== to) return { from, to };
  return {
    from: fromDay(toDay(from) - SINGLE_DATE_PADDING_DAYS),
    to: fromDay(toDay(to) + SINGLE_DATE_PADDING_DAYS),
  };
}

/**
 * First days of months within the domain, every 1, 2, 3, 6 or 12 months — the smallest step
 * that gives at most `maxTicks`. A domain within one month gets its two ends instead.
 */
export function monthTicks(domain: DateDomain, maxTicks: number): string[] {
  const months: { date: string; index: number }[] = [];
  let [year, month] = domain.from.split("-").map(Number) as [number, number];
  if (!domain.from.endsWith("-01")) month += 1;
  for (;;) {
    if (month > 12) {
      year += 1;
      month = 1;
    }
    const date = `${year}-${String(month).padStart(2, "0")}-01`;
    if (date > domain.to) break;
    months.push({ date, index: year * 12 + month - 1 });
    month += 1;
  }
  if (months.length === 0) return [domain.from, domain.to];
  for (const step of [1, 2, 3, 6, 12, 24, 60]) {
    const ticks = months.filter((m) => m.index % step === 0).map((m) => m.date);
    if (ticks.length <= maxTicks && ticks.length > 0) return ticks;
  }
  return [months[0]?.date as string];
}

/** Where `conclusion` lies vertically: +1 (voor) at the top, −1 (achter) at the bottom. */
export function levelY(conclusion: Conclusion, frame: ChartFrame): number {
  const top = frame.top + INSET;
  const bottom = frame.height - frame.bottom - INSET;
  return top + ((1 - conclusionScore(conclusion)) / 2) * (bottom - top);
}

/** Lays out one student's points against the shared date domain. */
export function chartGeometry(
  points: readonly ChartPoint[],
  domain: DateDomain,
  frame: ChartFrame = SMALL_MULTIPLE,
  maxTicks = 3,
): ChartGeometry {
  const x0 = frame.left;
  const x1 = frame.width - frame.right;
  const start = toDay(domain.from);
  const span = Math.max(toDay(domain.to) - start, 1);
  const xOf = (date: string) =>
    round(x0 + INSET + ((toDay(date) - start) / span) * (x1 - x0 - 2 * INSET));
  const placed = [...points]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((p) => ({ ...p, x: xOf(p.date), y: round(levelY(p.conclusion, frame)) }));
  return {
    plot: { x0, x1, y0: frame.top, y1: frame.height - frame.bottom },
    levels: CONCLUSIONS.map((conclusion) => ({ conclusion, y: round(levelY(conclusion, frame)) })),
    nominalY: round(levelY("op_schema", frame)),
    xTicks: monthTicks(domain, maxTicks).map((date) => ({ date, x: xOf(date) })),
    points: placed,
    path: placed.map((p, i) => `${i === 0 ? "M" : "L"}${p.x} ${p.y}`).join(" "),
  };
}

/**
 * The marker of a conclusion, so it reads without colour: a triangle up for "voor", a circle
 * (as a path) for "op schema", a triangle down for "achter".
 */
export function markerPath(conclusion: Conclusion, x: number, y: number, r = 5): string {
  if (conclusionScore(conclusion) > 0)
    return `M${x} ${y - r} L${x + r} ${y + r * 0.8} L${x - r} ${y + r * 0.8} Z`;
  if (conclusionScore(conclusion) < 0)
    return `M${x} ${y + r} L${x + r} ${y - r * 0.8} L${x - r} ${y - r * 0.8} Z`;
  return `M${x - r} ${y} a${r} ${r} 0 1 0 ${2 * r} 0 a${r} ${r} 0 1 0 ${-2 * r} 0 Z`;
}

function toDay(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Math.round(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS);
}

function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

import type {
  ConclusionCountRow,
  ConclusionGrouping,
  ReportFilterChoices,
} from "../../graphql/report";
import type { ReportFacets, ReportRow } from "./reportRows";

/** The filters of the staff page; an empty string means "all". */
export interface ReportFilter {
  /** A crebo. */
  programme: string;
  cohort: string;
  /** A begeleider's person id. */
  begeleider: string;
  /** Words that must all occur in the student's name (case and accents ignored). */
  name: string;
}

/** No filter at all: every row shows. */
export const NO_FILTER: ReportFilter = Object.freeze({
  programme: "",
  cohort: "",
  begeleider: "",
  name: "",
});

/** One choice in a filter's list. */
export interface FilterOption {
  value: string;
  label: string;
}

/** The choices the filters offer, taken from the placements the caller may see. */
export interface FilterOptions {
  programmes: FilterOption[];
  cohorts: FilterOption[];
  begeleiders: FilterOption[];
}

/** Whether any filter narrows the rows. */
export function isFiltering(filter: ReportFilter): boolean {
  return Boolean(filter.programme || filter.cohort || filter.begeleider || filter.name.trim());
}

/** Lower case without accents, so "celik" finds "Çelik" and "oz" finds "Öz". */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLocaleLowerCase("nl");
}

/** Whether the row passes every filter. A row whose placement is unknown passes only the name. */
export function matchesFilter(
  row: Pick<ReportRow<unknown>, "studentName" | "facets">,
  filter: ReportFilter,
): boolean {
  const words = foldForSearch(filter.name).split(/\s+/).filter(Boolean);
  if (words.length > 0) {
    const name = foldForSearch(row.studentName);
    if (!words.every((word) => name.includes(word))) return false;
  }
  const facets = row.facets;
  if (filter.programme && facets?.programme.crebo !== filter.programme) return false;
  if (filter.cohort && facets?.cohort !== filter.cohort) return false;
  if (filter.begeleider && facets?.begeleider.id !== filter.begeleider) return false;
  return true;
}

/** The rows that pass the filter, in their order. */
export function filterRows<T extends Pick<ReportRow<unknown>, "studentName" | "facets">>(
  rows: readonly T[],
  filter: ReportFilter,
): T[] {
  return rows.filter((row) => matchesFilter(row, filter));
}

/** The distinct programmes, cohorts (newest first) and begeleiders among the placements. */
export function filterOptions(placements: readonly ReportFacets[]): FilterOptions {
  const programmes = new Map<string, string>();
  const cohorts = new Set<string>();
  const begeleiders = new Map<string, string>();
  for (const p of placements) {
    programmes.set(p.programme.crebo, `${p.programme.name} (${p.programme.crebo})`);
    cohorts.add(p.cohort);
    begeleiders.set(p.begeleider.id, p.begeleider.name);
  }
  const byLabel = (a: FilterOption, b: FilterOption) => a.label.localeCompare(b.label, "nl");
  return {
    programmes: [...programmes].map(([value, label]) => ({ value, label })).sort(byLabel),
    cohorts: [...cohorts]
      .sort((a, b) => b.localeCompare(a))
      .map((value) => ({ value, label: value })),
    begeleiders: [...begeleiders].map(([value, label]) => ({ value, label })).sort(byLabel),
  };
}

/** The choices the server gives, as the filters list them (cohorts newest first). */
export function filterOptionsOf(choices: ReportFilterChoices | undefined): FilterOptions {
  if (!choices) return { programmes: [], cohorts: [], begeleiders: [] };
  return {
    programmes: choices.programmes.map((p) => ({
      value: p.crebo,
      label: `${p.name} (${p.crebo})`,
    })),
    cohorts: choices.cohorts.map((value) => ({ value, label: value })),
    begeleiders: choices.begeleiders.map((b) => ({ value: b.id, label: b.name })),
  };
}

/**
 * The distribution's groups that pass the filter. The server counts per group, so only the
 * filter on the grouped dimension itself can apply: the programme filter when grouped by
 * programme, and so on. `appliesFilter` tells the page whether one did.
 */
export function filterDistribution(
  rows: readonly ConclusionCountRow[],
  groupBy: ConclusionGrouping,
  filter: ReportFilter,
  options: FilterOptions,
): { rows: ConclusionCountRow[]; appliesFilter: boolean } {
  const wanted =
    groupBy === "programme"
      ? filter.programme
      : groupBy === "cohort"
        ? filter.cohort
        : options.begeleiders.find((b) => b.value === filter.begeleider)?.label;
  if (!wanted) return { rows: [...rows], appliesFilter: false };
  return { rows: rows.filter((row) => row.group === wanted), appliesFilter: true };
}

/** How a group of the distribution is named: a programme by name and crebo, others as they are. */
export function groupLabel(
  group: string,
  groupBy: ConclusionGrouping,
  options: FilterOptions,
): string {
  if (groupBy !== "programme") return group;
  return options.programmes.find((p) => p.value === group)?.label ?? group;
}

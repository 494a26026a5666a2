import type { ErrorLike, Reference } from "@apollo/client";
import { type ComputedRef, computed, type Ref, reactive, ref, type ShallowRef, watch } from "vue";
import { type QueryState, useQuery } from "../../composables/useQuery";
import { useGraphQL } from "../../graphql/client";
import {
  CONCLUSION_DISTRIBUTION,
  CONCLUSIONS_OVER_TIME,
  type ConclusionGrouping,
  MARK_PARTICULAR_HANDLED,
  NOT_ENTERED_CONVERSATIONS,
  OVERDUE_AGREEMENTS,
  OVERDUE_CONVERSATIONS,
  PARTICULARS,
  POK_ISSUES,
  REPORT_FILTER_OPTIONS,
  STAFF_PLACEMENTS,
} from "../../graphql/report";
import { filterOptionsOf, filterRows, type ReportFilter } from "./reportFilter";
import {
  agreementRows,
  conclusionRows,
  notEnteredRows,
  overdueRows,
  type PlacementDirectory,
  particularRows,
  placementDirectory,
  pokRows,
  type ReportRow,
} from "./reportRows";

/** The most placements one look-up asks for (the server's largest page). */
const MAX_LOOKUP = 200;

/** Where a paged report is: previous and next page, and which rows of how many. */
export interface ReportPager {
  /** The number of this page's first row (1 on the first page). */
  first: number;
  hasPrevious: boolean;
  hasNext: boolean;
  previous(): void;
  next(): void;
}

/** One report as a section shows it: a page of the rows that pass the filters, and its state. */
export interface ReportView<T> {
  /** The rows of this page (the server filtered them). */
  all: ComputedRef<ReportRow<T>[]>;
  /** The same rows: what the lists show. */
  rows: ComputedRef<ReportRow<T>[]>;
  /** Rows that pass the filters, on all pages. */
  total: ComputedRef<number>;
  /** True until the first answer (a refetch keeps the old rows on screen). */
  isLoading: ComputedRef<boolean>;
  /** True while another page or filter loads. */
  isBusy: Readonly<Ref<boolean>>;
  error: Readonly<ShallowRef<ErrorLike | undefined>>;
  refetch: () => Promise<void>;
  pager: ReportPager;
}

/** What the page asks the reports for. */
export interface ReportInputs {
  filter: Readonly<Ref<ReportFilter>>;
  /** POK: invalid ones, and valid ones ending within this many days. */
  withinDays: Readonly<Ref<number>>;
  groupBy: Readonly<Ref<ConclusionGrouping>>;
}

/** Rows per page of a list; the chart shows fewer students at a time. */
export const PAGE_SIZE = 50;
export const CHART_PAGE_SIZE = 20;

/** The filters as the server takes them (an empty one is left out). */
export function serverFilter(filter: ReportFilter) {
  return {
    programme: filter.programme || null,
    cohort: filter.cohort || null,
    begeleiderId: filter.begeleider || null,
    student: filter.name.trim() || null,
  };
}

/** A page of a report as the operations answer it. */
interface Connection<N> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: readonly { node: N }[];
}

/**
 * Every report of the staff page, a page at a time, narrowed by the filters on the server. The
 * placements of the rows on screen are looked up (`STAFF_PLACEMENTS`) for what rows show of them.
 */
export function useReports(inputs: ReportInputs) {
  const { client } = useGraphQL();
  const choices = useQuery(REPORT_FILTER_OPTIONS, {});
  const options = computed(() => filterOptionsOf(choices.data.value?.reportFilterOptions));
  const filterKey = computed(() => JSON.stringify(serverFilter(inputs.filter.value)));

  function view<TData, N, T>(
    pageSize: number,
    ask: (page: () => { first: number; after: string | null }) => QueryState<TData>,
    connectionOf: (data: TData) => Connection<N>,
    placementIdsOf: (nodes: readonly N[]) => string[],
    toRows: (nodes: readonly N[], directory: PlacementDirectory) => ReportRow<T>[],
  ): ReportView<T> {
    // The cursors of the pages before this one; a filter change starts at the first page.
    const cursors = ref<(string | null)[]>([]);
    watch(filterKey, () => {
      cursors.value = [];
    });
    const after = computed(() => cursors.value.at(-1) ?? null);
    const query = ask(() => ({ first: pageSize, after: after.value }));
    const page = computed(() => (query.data.value ? connectionOf(query.data.value) : undefined));
    const nodes = computed(() => page.value?.edges.map((edge) => edge.node) ?? []);
    const placementIds = computed(() => [...new Set(placementIdsOf(nodes.value))].sort());
    const placements = useQuery(STAFF_PLACEMENTS, () => ({ placementIds: placementIds.value }));
    const directory = computed(() =>
      placementDirectory(
        placements.data.value?.staffDirectory.edges.map((edge) => edge.node) ?? [],
      ),
    );
    const all = computed(() => toRows(nodes.value, directory.value));
    return {
      all,
      rows: all,
      total: computed(() => page.value?.totalCount ?? 0),
      isLoading: computed(() => query.data.value === undefined && !query.error.value),
      isBusy: query.loading,
      error: query.error,
      refetch: query.refetch,
      pager: reactive({
        first: computed(() => cursors.value.length * pageSize + 1),
        hasPrevious: computed(() => cursors.value.length > 0),
        hasNext: computed(() => Boolean(page.value?.pageInfo.hasNextPage)),
        previous: () => {
          cursors.value = cursors.value.slice(0, -1);
        },
        next: () => {
          const cursor = page.value?.pageInfo.endCursor;
          if (cursor) cursors.value = [...cursors.value, cursor];
        },
      }) as ReportPager,
    };
  }

  // Each query's variables follow its page and the filters.
  const filterVars = () => serverFilter(inputs.filter.value);
  const overdue = view(
    PAGE_SIZE,
    (page) => useQuery(OVERDUE_CONVERSATIONS, () => ({ ...filterVars(), ...page() })),
    (d) => d.overdueConversations,
    (nodes) => nodes.map((n) => n.placement.id),
    overdueRows,
  );
  const pok = view(
    PAGE_SIZE,
    (page) =>
      useQuery(POK_ISSUES, () => ({
        withinDays: inputs.withinDays.value,
        ...filterVars(),
        ...page(),
      })),
    (d) => d.pokIssues,
    (nodes) => nodes.map((n) => n.placement.id),
    pokRows,
  );
  const conclusions = view(
    CHART_PAGE_SIZE,
    (page) =>
      useQuery(CONCLUSIONS_OVER_TIME, () => ({
        ...filterVars(),
        ...page(),
      })),
    (d) => d.conclusionsOverTime,
    (nodes) => nodes.flatMap((n) => n.points.map((p) => p.placementId)),
    (nodes, directory) =>
      conclusionRows(
        nodes.flatMap((n) => n.points),
        directory,
      ),
  );
  const distributionQuery = useQuery(CONCLUSION_DISTRIBUTION, () => ({
    groupBy: inputs.groupBy.value,
    ...filterVars(),
  }));
  const agreements = view(
    PAGE_SIZE,
    (page) => useQuery(OVERDUE_AGREEMENTS, () => ({ ...filterVars(), ...page() })),
    (d) => d.overdueAgreements,
    (nodes) => nodes.map((n) => n.placementId),
    agreementRows,
  );
  const notEntered = view(
    PAGE_SIZE,
    (page) =>
      useQuery(NOT_ENTERED_CONVERSATIONS, () => ({
        ...filterVars(),
        ...page(),
      })),
    (d) => d.notEnteredConversations,
    (nodes) => nodes.map((n) => n.placementId),
    notEnteredRows,
  );

  // The particulars are one list (not paged); their placements are looked up as the reports'.
  function particularView(handled: boolean) {
    const query = useQuery(PARTICULARS, { handled });
    const ids = computed(() =>
      [...new Set((query.data.value?.particulars ?? []).map((p) => p.conversation.placement.id))]
        .sort()
        .slice(0, MAX_LOOKUP),
    );
    const placements = useQuery(STAFF_PLACEMENTS, () => ({ placementIds: ids.value }));
    const directory = computed(() =>
      placementDirectory(
        placements.data.value?.staffDirectory.edges.map((edge) => edge.node) ?? [],
      ),
    );
    const all = computed(() =>
      query.data.value ? particularRows(query.data.value.particulars, directory.value) : [],
    );
    return {
      all,
      rows: computed(() => filterRows(all.value, inputs.filter.value)),
      total: computed(() => all.value.length),
      isLoading: computed(() => query.data.value === undefined && !query.error.value),
      error: query.error,
      refetch: query.refetch,
    };
  }
  const openParticulars = particularView(false);
  const handledParticulars = particularView(true);

  /** Particulars being marked handled right now, and the last failure per particular. */
  const marking = reactive({ pending: new Set<string>(), errors: new Map<string, ErrorLike>() });

  /** Marks a particular handled; the cache then moves it from the open to the handled list. */
  async function markHandled(particularId: string): Promise<boolean> {
    if (marking.pending.has(particularId)) return false;
    marking.pending.add(particularId);
    marking.errors.delete(particularId);
    try {
      await client.mutate({
        mutation: MARK_PARTICULAR_HANDLED,
        variables: { particularId },
        update(cache, { data }) {
          const handled = data?.markParticularHandled;
          if (!handled) return;
          const id = cache.identify({ __typename: "Particular", id: handled.id });
          cache.modify({
            fields: {
              particulars(
                existing: readonly Reference[],
                { storeFieldName, readField, toReference },
              ) {
                const without = existing.filter((ref) => readField("id", ref) !== handled.id);
                if (storeFieldName.includes('"handled":false')) return without;
                if (storeFieldName.includes('"handled":true') && id) {
                  const ref = toReference(id);
                  return ref ? [ref, ...without] : without;
                }
                return existing;
              },
            },
          });
        },
      });
      return true;
    } catch (error) {
      marking.errors.set(particularId, error as ErrorLike);
      return false;
    } finally {
      marking.pending.delete(particularId);
    }
  }

  return {
    options,
    /** The filters' choices; their failure leaves the filters empty. */
    placementsError: choices.error,
    overdue,
    pok,
    conclusions,
    distribution: {
      rows: computed(() => distributionQuery.data.value?.conclusionDistribution ?? []),
      isLoading: computed(
        () => distributionQuery.data.value === undefined && !distributionQuery.error.value,
      ),
      /** True while a different grouping loads (the previous one stays on screen). */
      isRefreshing: distributionQuery.loading,
      error: distributionQuery.error,
      refetch: distributionQuery.refetch,
    },
    agreements,
    /** Signed conversations not yet entered into the student system (Archivering). */
    notEntered,
    openParticulars,
    handledParticulars,
    marking,
    markHandled,
  };
}

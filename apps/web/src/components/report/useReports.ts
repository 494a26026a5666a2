import type { ErrorLike, Reference } from "@apollo/client";
import { type ComputedRef, computed, type Ref, reactive, type ShallowRef } from "vue";
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
  STAFF_PLACEMENTS,
} from "../../graphql/report";
import { filterOptions, filterRows, type ReportFilter } from "./reportFilter";
import {
  agreementRows,
  conclusionRows,
  notEnteredRows,
  overdueRows,
  particularRows,
  placementDirectory,
  pokRows,
  type ReportRow,
} from "./reportRows";

/** One report as a section shows it: the filtered rows, how many there are in all, its state. */
export interface ReportView<T> {
  /** Every row the server sent. */
  all: ComputedRef<ReportRow<T>[]>;
  /** The rows that pass the filters. */
  rows: ComputedRef<ReportRow<T>[]>;
  /** Rows before filtering. */
  total: ComputedRef<number>;
  /** True until the first answer (a refetch keeps the old rows on screen). */
  isLoading: ComputedRef<boolean>;
  error: Readonly<ShallowRef<ErrorLike | undefined>>;
  refetch: () => Promise<void>;
}

/** What the page asks the reports for. */
export interface ReportInputs {
  filter: Readonly<Ref<ReportFilter>>;
  /** POK: invalid ones, and valid ones ending within this many days. */
  withinDays: Readonly<Ref<number>>;
  groupBy: Readonly<Ref<ConclusionGrouping>>;
}

/**
 * Every report of the staff page, joined to the placements for the filters. The server already
 * limits each report to what the caller may see; the filters only narrow that further.
 */
export function useReports(inputs: ReportInputs) {
  const { client } = useGraphQL();
  const placements = useQuery(STAFF_PLACEMENTS, {});
  const directory = computed(() => placementDirectory(placements.data.value?.staffDirectory ?? []));
  const options = computed(() => filterOptions(directory.value.all));

  function view<TData, T>(
    query: QueryState<TData>,
    toRows: (data: TData) => ReportRow<T>[],
  ): ReportView<T> {
    const all = computed(() => (query.data.value ? toRows(query.data.value) : []));
    return {
      all,
      rows: computed(() => filterRows(all.value, inputs.filter.value)),
      total: computed(() => all.value.length),
      isLoading: computed(() => query.data.value === undefined && !query.error.value),
      error: query.error,
      refetch: query.refetch,
    };
  }

  const overdue = view(useQuery(OVERDUE_CONVERSATIONS, {}), (d) =>
    overdueRows(d.overdueConversations, directory.value),
  );
  const pok = view(
    useQuery(POK_ISSUES, () => ({ withinDays: inputs.withinDays.value })),
    (d) => pokRows(d.pokIssues, directory.value),
  );
  const conclusions = view(useQuery(CONCLUSIONS_OVER_TIME, {}), (d) =>
    conclusionRows(d.conclusionsOverTime, directory.value),
  );
  const distributionQuery = useQuery(CONCLUSION_DISTRIBUTION, () => ({
    groupBy: inputs.groupBy.value,
  }));
  const agreements = view(useQuery(OVERDUE_AGREEMENTS, {}), (d) =>
    agreementRows(d.overdueAgreements, directory.value),
  );
  const notEntered = view(useQuery(NOT_ENTERED_CONVERSATIONS, {}), (d) =>
    notEnteredRows(d.notEnteredConversations, directory.value),
  );
  const openParticulars = view(useQuery(PARTICULARS, { handled: false }), (d) =>
    particularRows(d.particulars, directory.value),
  );
  const handledParticulars = view(useQuery(PARTICULARS, { handled: true }), (d) =>
    particularRows(d.particulars, directory.value),
  );

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
    /** The placements behind the filters; their failure leaves the filters empty. */
    placementsError: placements.error,
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

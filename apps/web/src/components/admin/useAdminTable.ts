import { shallowRef } from "vue";
import { useGraphQL } from "../../graphql/client";
import { errorMessageKey } from "../../graphql/errors";
import type { AdminPage, AdminRow, AdminTable } from "./adminTables";

/** Rows per page of an admin table. */
export const PAGE_SIZE = 25;

/**
 * One admin table: its search, the page shown and the cursors of the pages before it (so
 * "Vorige" goes back without the server keeping state), and saving one row.
 */
export function useAdminTable(table: AdminTable) {
  const { client } = useGraphQL();
  const page = shallowRef<AdminPage | null>(null);
  /** The `after` of every page up to the one shown (null for the first). */
  const cursors = shallowRef<(string | null)[]>([null]);
  const search = shallowRef("");
  const isLoading = shallowRef(false);
  /** The i18n key of why the page did not load. */
  const failure = shallowRef<string | null>(null);

  async function load(): Promise<void> {
    isLoading.value = true;
    failure.value = null;
    try {
      page.value = await table.load(client, {
        search: search.value.trim() || null,
        first: PAGE_SIZE,
        after: cursors.value.at(-1) ?? null,
      });
    } catch (error) {
      failure.value = errorMessageKey(error);
    } finally {
      isLoading.value = false;
    }
  }

  return {
    page,
    search,
    isLoading,
    failure,
    /** The number of the first row shown, counting from 1. */
    firstRow: () => (cursors.value.length - 1) * PAGE_SIZE + 1,
    hasPrevious: () => cursors.value.length > 1,
    load,
    /** Shows the first page of what `text` finds. */
    async find(text: string): Promise<void> {
      search.value = text;
      cursors.value = [null];
      await load();
    },
    async next(): Promise<void> {
      if (!page.value?.hasNextPage) return;
      cursors.value = [...cursors.value, page.value.endCursor];
      await load();
    },
    async previous(): Promise<void> {
      if (cursors.value.length < 2) return;
      cursors.value = cursors.value.slice(0, -1);
      await load();
    },
    /** Saves `values` of `row`; on success the row is replaced in the page. */
    async save(row: AdminRow, values: Record<string, string>) {
      const result = await table.save(client, { id: row.id, ...values });
      const saved = result.row;
      if (saved && page.value) {
        page.value = {
          ...page.value,
          rows: page.value.rows.map((r) => (r.id === saved.id ? saved : r)),
        };
      }
      return result;
    },
  };
}

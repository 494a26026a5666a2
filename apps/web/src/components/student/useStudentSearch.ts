import { shallowRef } from "vue";
import { useGraphQL } from "../../graphql/client";
import { errorMessageKey } from "../../graphql/errors";
import { STUDENT_SEARCH, type StudentSearchData } from "../../graphql/student";

/** Students per page of the list. */
export const PAGE_SIZE = 20;

/**
 * The student list: its search, the page shown and the cursors of the pages before it (so
 * "Vorige" goes back without the server keeping state). An answer to an older search never
 * replaces the answer to a newer one.
 */
export function useStudentSearch() {
  const { client } = useGraphQL();
  const page = shallowRef<StudentSearchData | null>(null);
  /** The `after` of every page up to the one shown (null for the first). */
  const cursors = shallowRef<(string | null)[]>([null]);
  const search = shallowRef("");
  const isLoading = shallowRef(false);
  /** The i18n key of why the page did not load. */
  const failure = shallowRef<string | null>(null);
  let asked = 0;

  async function load(): Promise<void> {
    const ask = ++asked;
    isLoading.value = true;
    failure.value = null;
    try {
      const { data } = await client.query({
        query: STUDENT_SEARCH,
        variables: {
          search: search.value.trim() || null,
          first: PAGE_SIZE,
          after: cursors.value.at(-1) ?? null,
        },
        fetchPolicy: "network-only",
      });
      if (ask === asked) page.value = data?.studentSearch ?? null;
    } catch (error) {
      if (ask === asked) failure.value = errorMessageKey(error);
    } finally {
      if (ask === asked) isLoading.value = false;
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
      if (!page.value?.pageInfo.hasNextPage) return;
      cursors.value = [...cursors.value, page.value.pageInfo.endCursor ?? null];
      await load();
    },
    async previous(): Promise<void> {
      if (cursors.value.length < 2) return;
      cursors.value = cursors.value.slice(0, -1);
      await load();
    },
  };
}

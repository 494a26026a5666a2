import type { StaffRole } from "@driehoek/domain";
import { shallowRef } from "vue";
import {
  CREATE_STAFF_ACCOUNT,
  DEACTIVATE_ACCOUNT,
  REACTIVATE_ACCOUNT,
  STAFF_ACCOUNTS,
  type StaffAccountItem,
} from "../../graphql/account";
import { useGraphQL } from "../../graphql/client";
import { accountErrorKey } from "./accountError";

const PAGE = 50;

/** A new account as the form fills it in. */
export interface NewStaffAccount {
  name: string;
  email: string;
  role: StaffRole;
  locale: "nl" | "en";
}

/**
 * The staff accounts list of the admin page: searched and paged on the server; creating,
 * deactivating and reactivating update the list in place. Failures are i18n keys.
 */
export function useStaffAccounts() {
  const { client } = useGraphQL();
  const accounts = shallowRef<StaffAccountItem[]>([]);
  const totalCount = shallowRef(0);
  const endCursor = shallowRef<string | null>(null);
  const hasMore = shallowRef(false);
  const isLoading = shallowRef(false);
  const failure = shallowRef<string | null>(null);
  let search = "";

  async function fetchPage(after: string | null): Promise<void> {
    isLoading.value = true;
    failure.value = null;
    try {
      const { data } = await client.query({
        query: STAFF_ACCOUNTS,
        variables: { search: search || null, first: PAGE, after },
        fetchPolicy: "network-only",
      });
      const page = data?.staffAccounts;
      if (!page) return;
      const nodes = page.edges.map((edge) => edge.node);
      accounts.value = after ? [...accounts.value, ...nodes] : nodes;
      totalCount.value = page.totalCount;
      endCursor.value = page.pageInfo.endCursor;
      hasMore.value = page.pageInfo.hasNextPage;
    } catch (error) {
      failure.value = accountErrorKey(error);
    } finally {
      isLoading.value = false;
    }
  }

  function replace(account: StaffAccountItem): void {
    accounts.value = accounts.value.map((a) => (a.id === account.id ? account : a));
  }

  return {
    accounts,
    totalCount,
    hasMore,
    isLoading,
    failure,
    /** Shows the accounts whose name or address contains `text` (all when empty). */
    search(text: string): Promise<void> {
      search = text.trim();
      return fetchPage(null);
    },
    /** Adds the next page below the list. */
    loadMore: () => fetchPage(endCursor.value),
    /** Creates an account; resolves to the failure's i18n key, or null when it was made. */
    async create(input: NewStaffAccount): Promise<string | null> {
      try {
        const { data } = await client.mutate({
          mutation: CREATE_STAFF_ACCOUNT,
          variables: { input },
        });
        const created = data?.createStaffAccount;
        if (created) {
          accounts.value = [created, ...accounts.value];
          totalCount.value += 1;
        }
        return null;
      } catch (error) {
        return accountErrorKey(error);
      }
    },
    /** Deactivates (`isActive` false) or reactivates an account. */
    async setActive(personId: string, isActive: boolean): Promise<void> {
      failure.value = null;
      try {
        const { data } = isActive
          ? await client.mutate({ mutation: REACTIVATE_ACCOUNT, variables: { personId } })
          : await client.mutate({ mutation: DEACTIVATE_ACCOUNT, variables: { personId } });
        const account =
          data && ("reactivateAccount" in data ? data.reactivateAccount : data.deactivateAccount);
        if (account) replace(account);
      } catch (error) {
        failure.value = accountErrorKey(error);
      }
    },
  };
}

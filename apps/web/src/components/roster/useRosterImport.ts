import { computed, shallowRef } from "vue";
import { useI18n } from "vue-i18n";
import { useGraphQL } from "../../graphql/client";
import { IMPORT_ROSTER, type RosterImportResult } from "../../graphql/roster";
import { type RosterFailure, rosterFailure } from "./rosterError";

/**
 * A roster import in two steps: `check` previews the file (nothing is written) and `commit`
 * reads it in, which is allowed only when the preview of exactly this text had no errors.
 */
export function useRosterImport() {
  const { client } = useGraphQL();
  const { t } = useI18n();
  /** The preview, and the text it belongs to. */
  const preview = shallowRef<{ csv: string; result: RosterImportResult } | null>(null);
  /** What the commit answered. */
  const committed = shallowRef<RosterImportResult | null>(null);
  const refused = shallowRef<RosterFailure | null>(null);
  /** Why the last request failed, in the screen's language (it follows a change of language). */
  const failure = computed<{ text: string } | { key: string } | null>(() =>
    refused.value && "key" in refused.value
      ? { text: t(refused.value.key, refused.value.params) }
      : refused.value,
  );
  const busy = shallowRef<"check" | "commit" | null>(null);

  async function send(csv: string, dryRun: boolean): Promise<RosterImportResult | null> {
    refused.value = null;
    busy.value = dryRun ? "check" : "commit";
    try {
      const { data } = await client.mutate({ mutation: IMPORT_ROSTER, variables: { csv, dryRun } });
      return data?.importRoster ?? null;
    } catch (error) {
      refused.value = rosterFailure(error);
      return null;
    } finally {
      busy.value = null;
    }
  }

  return {
    preview,
    committed,
    failure,
    busy,
    /** Whether `csv` is the text previewed, without errors, and not read in yet. */
    isCleanPreviewOf: (csv: string) =>
      preview.value?.csv === csv &&
      preview.value.result.errors.length === 0 &&
      committed.value === null,
    /** Previews `csv`: every row's outcome and every error. */
    async check(csv: string): Promise<void> {
      committed.value = null;
      preview.value = null;
      const result = await send(csv, true);
      if (result) preview.value = { csv, result };
    },
    /** Reads in the previewed file: all rows or none. */
    async commit(): Promise<void> {
      const current = preview.value;
      if (!current) return;
      const result = await send(current.csv, false);
      if (result?.committed) committed.value = result;
      else if (result) preview.value = { csv: current.csv, result };
    },
  };
}

import { computed, nextTick, type Ref, ref, watch } from "vue";
import { useI18n } from "vue-i18n";
import { formatHash, type RecordContent } from "./record";
import { mustReadAgain, type SignOutcome } from "./signing";

/**
 * Giving an akkoord on the record on screen. The record changes while others type: remember
 * when, so that an akkoord given a moment later waits for a second look, and say so while the
 * conversation awaits signatures.
 */
export function useSigning(options: {
  record: Ref<RecordContent | null | undefined>;
  hash: Ref<string>;
  isLocked: Ref<boolean>;
  sign: (hash: string) => Promise<SignOutcome>;
  announce: (text: string) => void;
}) {
  const { t } = useI18n();
  const changedAt = ref<number | null>(null);
  const updatedAt = ref<string | null>(null);
  const notice = ref<"changed" | "changedAtSign" | null>(null);
  // Only changes between two records of the ended conversation count (its record carries
  // endedAt; the status may reach this page before that record does): the first is what they open.
  const endedHash = computed(() =>
    options.record.value?.endedAt && !options.isLocked.value ? options.hash.value : null,
  );
  watch(endedHash, (next, previous) => {
    if (!previous || !next || next === previous) return;
    changedAt.value = Date.now();
    updatedAt.value = new Date().toISOString();
    if (notice.value === null) {
      notice.value = "changed";
      options.announce(t("signoff.signatures.sign.changed", { code: formatHash(next, 8) }));
    }
  });

  async function showChangedAtSign(): Promise<void> {
    // Re-set so the box moves focus to the reason again, also on a second refusal.
    notice.value = null;
    await nextTick();
    notice.value = "changedAtSign";
    changedAt.value = null;
  }

  async function sign(signedHash: string): Promise<void> {
    if (mustReadAgain(signedHash, options.hash.value, changedAt.value, Date.now())) {
      await showChangedAtSign();
      return;
    }
    const outcome = await options.sign(signedHash);
    if (outcome === "changed") await showChangedAtSign();
    if (outcome === "accepted") {
      notice.value = null;
      options.announce(t("signoff.signatures.sign.announceSigned"));
    }
  }

  return { notice, updatedAt, sign };
}

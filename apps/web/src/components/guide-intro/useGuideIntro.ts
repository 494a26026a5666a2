import type { Locale } from "@driehoek/domain";
import { type ComputedRef, computed } from "vue";
import { useI18n } from "vue-i18n";
import { useQuery } from "../../composables/useQuery";
import { GUIDE_INTRO, type GuideIntro } from "../../graphql/guide";

/**
 * The guide's opening in the page's language, or null until it has arrived (or when it cannot:
 * the pages work without it).
 */
export function useGuideIntro(): ComputedRef<GuideIntro | null> {
  const { locale } = useI18n();
  const query = useQuery(GUIDE_INTRO, () => ({ locale: locale.value as Locale }));
  return computed(() => query.data.value?.guideIntro ?? null);
}

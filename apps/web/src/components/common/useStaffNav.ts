import { BookUser, ChartColumn, FileUp, Settings, UsersRound } from "lucide-vue-next";
import { computed } from "vue";
import { useI18n } from "vue-i18n";
import { useRoute } from "vue-router";
import { canAdminister, canPlan, type Session } from "../../composables/useSession";
import type { UiMenuItem } from "../ui/types";

/** The staff's pages in the header, in order, for who may use each; the current one marked. */
export function useStaffNav(session: () => Session | null) {
  const { t } = useI18n();
  const route = useRoute();
  return computed<UiMenuItem[]>(() => {
    const who = session();
    if (!who) return [];
    const items: (UiMenuItem & { allowed: boolean })[] = [
      { key: "planning", label: t("planning.nav"), icon: BookUser, allowed: canPlan(who) },
      { key: "staff", label: t("report.nav"), icon: ChartColumn, allowed: true },
      { key: "admin", label: t("admin.nav"), icon: Settings, allowed: canAdminister(who) },
      { key: "roster-import", label: t("roster.nav"), icon: FileUp, allowed: canAdminister(who) },
      { key: "accounts", label: t("account.nav"), icon: UsersRound, allowed: canAdminister(who) },
    ];
    return items
      .filter((item) => item.allowed)
      .map(({ allowed: _allowed, ...item }) => ({
        ...item,
        to: { name: item.key },
        current: route.name === item.key,
      }));
  });
}

import { type Ref, watch } from "vue";
import type { CollabDoc } from "./useCollabDoc";

/**
 * Tells the others who this is (the server overwrites name and role with the truth) and which
 * section they look at, again whenever either changes or the connection is made anew.
 */
export function usePresenceSync(
  collab: Pick<CollabDoc, "provider" | "setPresence">,
  me: Ref<{ name: string; role: string; color: string }>,
  section: Ref<string>,
): void {
  watch([me, () => collab.provider.value], () => collab.setPresence({ user: { ...me.value } }), {
    immediate: true,
  });
  watch(
    [section, () => collab.provider.value],
    () => collab.setPresence({ section: section.value }),
    { immediate: true },
  );
}

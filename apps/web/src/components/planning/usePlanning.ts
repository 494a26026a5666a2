import { computed, shallowRef } from "vue";
import { useQuery } from "../../composables/useQuery";
import { useGraphQL } from "../../graphql/client";
import {
  CANCEL_CONVERSATION,
  MOVE_CONVERSATION,
  PLANNING_PLACEMENTS,
  REISSUE_INVITE,
  RESEND_INVITE,
  SCHEDULE_CONVERSATION,
  type ScheduleInput,
} from "../../graphql/planning";
import type { PlanValues } from "./planValues";

/**
 * The planner's data and actions: the placements the caller may see, and planning, moving and
 * cancelling their conversations and managing the invite links. Every action reads the list
 * again afterwards, so states, new links and frequency verdicts are the server's.
 */
export function usePlanning() {
  const { client } = useGraphQL();
  const query = useQuery(PLANNING_PLACEMENTS, {});
  const placements = computed(() =>
    [...(query.data.value?.placements ?? [])].sort((a, b) =>
      a.student.name.localeCompare(b.student.name),
    ),
  );
  /** The key of the action running now (e.g. `move:c1`), one at a time. */
  const busy = shallowRef<string | null>(null);

  async function run<T>(key: string, action: () => Promise<T>): Promise<T> {
    busy.value = key;
    try {
      const result = await action();
      await query.refetch();
      return result;
    } finally {
      busy.value = null;
    }
  }

  return {
    placements,
    error: query.error,
    loading: query.loading,
    refetch: query.refetch,
    busy,
    /** Plans a conversation for the placement. */
    schedule: (placementId: string, plan: PlanValues) =>
      run(`schedule:${placementId}`, async () => {
        const input: ScheduleInput = { placementId, scheduledAt: plan.startsAt, ...details(plan) };
        await client.mutate({ mutation: SCHEDULE_CONVERSATION, variables: { input } });
      }),
    /** Moves a planned conversation to the new plan. */
    move: (conversationId: string, plan: PlanValues) =>
      run(`move:${conversationId}`, async () => {
        await client.mutate({
          mutation: MOVE_CONVERSATION,
          variables: { conversationId, startsAt: plan.startsAt, ...details(plan) },
        });
      }),
    /** Calls a planned conversation off. */
    cancel: (conversationId: string, reason: string) =>
      run(`cancel:${conversationId}`, async () => {
        await client.mutate({
          mutation: CANCEL_CONVERSATION,
          variables: { conversationId, reason: reason.trim() || null },
        });
      }),
    /** Mails the same link again. */
    resend: (inviteId: string) =>
      run(`resend:${inviteId}`, async () => {
        await client.mutate({ mutation: RESEND_INVITE, variables: { inviteId } });
      }),
    /** Revokes the link and mails a new one. */
    reissue: (inviteId: string) =>
      run(`reissue:${inviteId}`, async () => {
        await client.mutate({ mutation: REISSUE_INVITE, variables: { inviteId } });
      }),
  };
}

/** The plan's details as the API takes them: only the place that fits the mode. */
function details(plan: PlanValues) {
  return {
    durationMinutes: plan.durationMinutes,
    mode: plan.mode,
    location: plan.mode === "in_person" ? plan.location.trim() || null : null,
    onlineUrl: plan.mode === "online" ? plan.onlineUrl.trim() || null : null,
  };
}

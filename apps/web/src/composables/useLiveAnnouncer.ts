import { nextTick, type Ref, ref } from "vue";

/**
 * Text for an `aria-live="polite"` region. Clearing before setting makes a screen reader
 * announce a message again even when it equals the previous one (e.g. back and forth).
 */
export function useLiveAnnouncer(): {
  message: Readonly<Ref<string>>;
  announce: (text: string) => Promise<void>;
} {
  const message = ref("");
  return {
    message,
    async announce(text: string) {
      message.value = "";
      await nextTick();
      message.value = text;
    },
  };
}

import { type Ref, ref } from "vue";

/** The tone of a toast: its colour, and whether it interrupts (error) or waits its turn. */
export type ToastTone = "info" | "success" | "warn" | "error";

/** What a toast says. */
export interface ToastOptions {
  title: string;
  description?: string;
  tone?: ToastTone;
  /** How long it stays, in ms; 5 s unless told (errors 8 s). Hovering or focusing pauses it. */
  duration?: number;
}

/** A toast on the screen (or just closed, while it animates out). */
export interface ToastItem extends Required<Omit<ToastOptions, "description">> {
  id: number;
  description?: string;
  open: boolean;
}

// One list for the whole app: any component can call useToast(); App.vue's <UiToast> shows it.
const toasts: Ref<ToastItem[]> = ref([]);
let nextId = 1;

/** How long a closed toast stays in the list so its exit can play. */
const REMOVE_AFTER_MS = 400;

/**
 * Short, non-blocking messages ("Opgeslagen.", "Link gekopieerd."): `toast({ title, tone })`.
 * Not for errors someone must act on: those belong next to what failed.
 */
export function useToast() {
  function toast(options: ToastOptions): number {
    const id = nextId++;
    const tone = options.tone ?? "info";
    toasts.value = [
      ...toasts.value,
      {
        id,
        title: options.title,
        description: options.description,
        tone,
        duration: options.duration ?? (tone === "error" ? 8000 : 5000),
        open: true,
      },
    ];
    return id;
  }

  function dismiss(id: number): void {
    toasts.value = toasts.value.map((item) => (item.id === id ? { ...item, open: false } : item));
    setTimeout(() => {
      toasts.value = toasts.value.filter((item) => item.id !== id);
    }, REMOVE_AFTER_MS);
  }

  return { toasts, toast, dismiss };
}

import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { withI18n } from "../../test/i18n";
import UiToast from "./UiToast.vue";
import { useToast } from "./useToast";

describe("UiToast and useToast", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("shows a toast from anywhere in the app in one region, until it is closed", async () => {
    const wrapper = mount(UiToast, { attachTo: document.body, ...withI18n() });
    const { toast, toasts } = useToast();
    toast({ title: "Opgeslagen.", description: "Iedereen ziet de afspraak.", tone: "success" });
    // The popup is its own chunk, loaded on first use.
    await vi.dynamicImportSettled();
    await flushPromises();

    const item = document.body.querySelector(".ui-toast");
    expect(item?.textContent).toContain("Opgeslagen.");
    expect(item?.textContent).toContain("Iedereen ziet de afspraak.");
    expect(item?.classList).toContain("ui-toast-success");
    expect(document.body.querySelectorAll(".ui-toast-viewport")).toHaveLength(1);

    const close = [...(item?.querySelectorAll("button") ?? [])].find(
      (button) => button.textContent?.trim() === "Sluiten",
    );
    close?.click();
    await flushPromises();
    expect(toasts.value.every((entry) => !entry.open)).toBe(true);
    wrapper.unmount();
  });

  it("keeps errors on screen longer than other news", () => {
    const { toast, toasts } = useToast();
    const info = toast({ title: "Link gekopieerd." });
    const error = toast({ title: "Niet opgeslagen.", tone: "error" });
    const byId = (id: number) => toasts.value.find((entry) => entry.id === id);
    expect(byId(info)?.duration).toBe(5000);
    expect(byId(error)?.duration).toBe(8000);
    expect(byId(info)?.tone).toBe("info");
  });
});

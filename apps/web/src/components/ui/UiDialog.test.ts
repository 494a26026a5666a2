import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { h } from "vue";
import { withI18n } from "../../test/i18n";
import UiDialog from "./UiDialog.vue";

const dialogElement = () => document.body.querySelector<HTMLElement>("[role=dialog]");

describe("UiDialog", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("opens from its trigger as a dialog named by its title, and closes with Sluiten", async () => {
    const wrapper = mount(UiDialog, {
      props: { title: "Over dit gesprek" },
      slots: {
        trigger: () => h("button", { class: "opener" }, "Open"),
        default: () => h("p", "Jij bent ca. 70% aan het woord."),
      },
      attachTo: document.body,
      ...withI18n(),
    });
    expect(dialogElement()).toBeNull();
    await wrapper.get("button.opener").trigger("click");
    await flushPromises();

    const dialog = dialogElement();
    expect(dialog).not.toBeNull();
    const titleId = dialog?.getAttribute("aria-labelledby") ?? "";
    expect(document.getElementById(titleId)?.textContent).toBe("Over dit gesprek");
    expect(dialog?.textContent).toContain("Jij bent ca. 70% aan het woord.");

    const close = [...(dialog?.querySelectorAll("button") ?? [])].find(
      (button) => button.textContent?.trim() === "Sluiten",
    );
    close?.click();
    await flushPromises();
    expect(dialogElement()).toBeNull();
    expect(wrapper.emitted("update:open")).toEqual([[true], [false]]);
  });

  it("follows v-model:open and shows its description and footer", async () => {
    const wrapper = mount(UiDialog, {
      props: {
        title: "Afspraak verwijderen",
        description: "Dit kan niet ongedaan worden.",
        open: true,
      },
      slots: { footer: () => h("button", "Verwijderen") },
      attachTo: document.body,
      ...withI18n("en"),
    });
    await flushPromises();
    const dialog = dialogElement();
    const descriptionId = dialog?.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(descriptionId)?.textContent?.trim()).toBe(
      "Dit kan niet ongedaan worden.",
    );
    expect(dialog?.querySelector(".ui-dialog-footer")?.textContent).toBe("Verwijderen");
    expect(dialog?.textContent).toContain("Close");
    await wrapper.setProps({ open: false });
    await flushPromises();
    expect(dialogElement()).toBeNull();
  });
});

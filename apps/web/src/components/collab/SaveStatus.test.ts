import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import { defineComponent, h, reactive } from "vue";
import { withI18n } from "../../test/i18n";
import SaveStatus from "./SaveStatus.vue";
import { type CollabSaveSource, provideSaveSource } from "./saveStatus";

describe("SaveStatus", () => {
  it("shows the live document's state from its props", () => {
    const status = mount(SaveStatus, {
      props: { status: "online", isSaved: false },
      ...withI18n(),
    }).find(".save-status");
    expect(status.attributes("data-state")).toBe("saving");
    expect(status.text()).toBe("Opslaan…");
  });

  it("shows the state a field that saves by itself gives it", () => {
    const status = mount(SaveStatus, {
      props: { state: "failed", compact: true },
      ...withI18n(),
    }).find(".save-status");
    expect(status.text()).toBe("Niet opgeslagen — we proberen het opnieuw");
    expect(status.classes()).toContain("save-compact");
  });

  it("placed in an editor, follows the state the page offers, offline included", async () => {
    const source = reactive<CollabSaveSource>({ status: "online", isSaved: true });
    const Page = defineComponent({
      setup() {
        provideSaveSource(() => source);
        return () => h("div", [h("textarea"), h(SaveStatus, { compact: true })]);
      },
    });
    const page = mount(Page, withI18n());
    expect(page.find(".save-status").text()).toBe("Opgeslagen");
    source.status = "offline";
    await page.vm.$nextTick();
    expect(page.find(".save-status").attributes("data-state")).toBe("offline");
    expect(page.find(".save-status").text()).toContain("Offline");
  });

  it("shows nothing when nothing tells it a state", () => {
    expect(mount(SaveStatus, withI18n()).find(".save-status").exists()).toBe(false);
  });
});

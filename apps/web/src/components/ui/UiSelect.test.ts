import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import UiSelect from "./UiSelect.vue";

const OPTIONS = [
  { value: "nl", label: "Nederlands", lang: "nl" },
  { value: "en", label: "English", lang: "en" },
] as const;

describe("UiSelect", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("is a combobox showing the chosen option, with the caller's id and description on it", async () => {
    const wrapper = mount(UiSelect, {
      props: { options: OPTIONS, modelValue: "en", id: "taal", "aria-describedby": "taal-hint" },
      attachTo: document.body,
    });
    await flushPromises();
    const trigger = wrapper.get("[role=combobox]");
    expect(trigger.attributes("id")).toBe("taal");
    expect(trigger.attributes("aria-describedby")).toBe("taal-hint");
    expect(trigger.text()).toContain("English");
  });

  it("opens with the keyboard and chooses an option", async () => {
    const wrapper = mount(UiSelect, {
      props: {
        options: OPTIONS,
        modelValue: "nl",
        "onUpdate:modelValue": (value: string | undefined) =>
          wrapper.setProps({ modelValue: value as "nl" }),
      },
      attachTo: document.body,
    });
    await wrapper.get("[role=combobox]").trigger("keydown", { key: "Enter" });
    // The popup is its own chunk, loaded on first use.
    await vi.dynamicImportSettled();
    await flushPromises();
    const options = [...document.body.querySelectorAll<HTMLElement>("[role=option]")];
    expect(options.map((option) => option.textContent?.trim())).toEqual(["Nederlands", "English"]);
    expect(options[0]?.getAttribute("aria-selected")).toBe("true");
    options[1]?.dispatchEvent(new PointerEvent("pointerup", { bubbles: true }));
    await flushPromises();
    expect(wrapper.emitted("update:modelValue")).toEqual([["en"]]);
  });
});

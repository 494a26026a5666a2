import { mount } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { h } from "vue";
import TabList from "./TabList.vue";

const TABS = [
  { key: "a", label: "Eerste", count: 3 },
  { key: "b", label: "Tweede", count: 0 },
  { key: "c", label: "Derde", count: 7 },
];

/** The tab list with its model bound, as a parent uses it with v-model. */
function mountTabs(selected = "a") {
  const wrapper = mount(TabList, {
    props: {
      tabs: TABS,
      label: "Onderdelen",
      idPrefix: "x-",
      modelValue: selected,
      "onUpdate:modelValue": (key: string) => wrapper.setProps({ modelValue: key }),
    },
    slots: {
      // The slot gets the whole tab, here with its count.
      default: ({ tab }: { tab: { key: string; label: string } }) => [
        tab.label,
        h("span", String(TABS.find((t) => t.key === tab.key)?.count)),
      ],
    },
    attachTo: document.body,
  });
  return wrapper;
}

const tab = (wrapper: ReturnType<typeof mountTabs>, key: string) => wrapper.get(`#x-tab-${key}`);
const selected = (wrapper: ReturnType<typeof mountTabs>) =>
  wrapper
    .findAll("[role=tab]")
    .filter((button) => button.attributes("aria-selected") === "true")
    .map((button) => button.attributes("id"));
const tabStops = (wrapper: ReturnType<typeof mountTabs>) =>
  wrapper
    .findAll("[role=tab]")
    .filter((button) => button.attributes("tabindex") === "0")
    .map((button) => button.attributes("id"));

describe("TabList", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("is a named tablist whose tabs control their panels, one of them selected", () => {
    const wrapper = mountTabs("b");
    expect(wrapper.get("[role=tablist]").attributes("aria-label")).toBe("Onderdelen");
    expect(wrapper.findAll("[role=tab]").map((button) => button.text())).toEqual([
      "Eerste3",
      "Tweede0",
      "Derde7",
    ]);
    expect(tab(wrapper, "a").attributes("aria-controls")).toBe("x-panel-a");
    expect(selected(wrapper)).toEqual(["x-tab-b"]);
    // Roving tabindex: Tab enters the list on the selected tab only.
    expect(tabStops(wrapper)).toEqual(["x-tab-b"]);
  });

  it("selects a tab on click without moving the focus", async () => {
    const wrapper = mountTabs();
    await tab(wrapper, "c").trigger("click");
    expect(wrapper.emitted("update:modelValue")).toEqual([["c"]]);
    expect(selected(wrapper)).toEqual(["x-tab-c"]);
    expect(document.activeElement?.id).not.toBe("x-tab-c");
  });

  it("moves selection and focus with the arrow keys, round the ends", async () => {
    const wrapper = mountTabs();
    await tab(wrapper, "a").trigger("keydown", { key: "ArrowRight" });
    expect(selected(wrapper)).toEqual(["x-tab-b"]);
    expect(document.activeElement?.id).toBe("x-tab-b");
    expect(tabStops(wrapper)).toEqual(["x-tab-b"]);

    await tab(wrapper, "b").trigger("keydown", { key: "ArrowLeft" });
    await tab(wrapper, "a").trigger("keydown", { key: "ArrowLeft" });
    expect(selected(wrapper)).toEqual(["x-tab-c"]);
    expect(document.activeElement?.id).toBe("x-tab-c");

    await tab(wrapper, "c").trigger("keydown", { key: "ArrowRight" });
    expect(selected(wrapper)).toEqual(["x-tab-a"]);
    expect(document.activeElement?.id).toBe("x-tab-a");
  });

  it("jumps to the first and last tab with Home and End", async () => {
    const wrapper = mountTabs("b");
    await tab(wrapper, "b").trigger("keydown", { key: "End" });
    expect(selected(wrapper)).toEqual(["x-tab-c"]);
    expect(document.activeElement?.id).toBe("x-tab-c");
    await tab(wrapper, "c").trigger("keydown", { key: "Home" });
    expect(selected(wrapper)).toEqual(["x-tab-a"]);
    expect(document.activeElement?.id).toBe("x-tab-a");
  });

  it("leaves other keys to the browser", async () => {
    const wrapper = mountTabs();
    const event = new KeyboardEvent("keydown", { key: "ArrowDown", cancelable: true });
    tab(wrapper, "a").element.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    const arrow = new KeyboardEvent("keydown", { key: "ArrowRight", cancelable: true });
    tab(wrapper, "a").element.dispatchEvent(arrow);
    expect(arrow.defaultPrevented).toBe(true);
    expect(wrapper.emitted("update:modelValue")).toEqual([["b"]]);
  });
});

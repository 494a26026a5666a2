import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { h } from "vue";
import TabList from "./TabList.vue";

const TABS = [
  { key: "a", label: "Eerste", count: 3 },
  { key: "b", label: "Tweede", count: 0 },
  { key: "c", label: "Derde", count: 7 },
];

/** The tab list with its model bound, as a parent uses it with v-model, once it is mounted. */
async function mountTabs(selected = "a") {
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
  await flushPromises();
  return wrapper;
}

/** Presses a key on a tab and waits for the focus (moved on the next tick) and the model. */
async function press(wrapper: Wrapper, key: string, name: string): Promise<void> {
  await tab(wrapper, key).trigger("keydown", { key: name });
  await flushPromises();
}

type Wrapper = Awaited<ReturnType<typeof mountTabs>>;

const tab = (wrapper: Wrapper, key: string) => wrapper.get(`#x-tab-${key}`);
const selected = (wrapper: Wrapper) =>
  wrapper
    .findAll("[role=tab]")
    .filter((button) => button.attributes("aria-selected") === "true")
    .map((button) => button.attributes("id"));
const tabStops = (wrapper: Wrapper) =>
  wrapper
    .findAll("[role=tab]")
    .filter((button) => button.attributes("tabindex") === "0")
    .map((button) => button.attributes("id"));

describe("TabList", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("is a named tablist whose tabs control their panels, one of them selected", async () => {
    const wrapper = await mountTabs("b");
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
    const wrapper = await mountTabs();
    await tab(wrapper, "c").trigger("click");
    expect(wrapper.emitted("update:modelValue")).toEqual([["c"]]);
    expect(selected(wrapper)).toEqual(["x-tab-c"]);
    expect(document.activeElement?.id).not.toBe("x-tab-c");
  });

  it("moves selection and focus with the arrow keys, round the ends", async () => {
    const wrapper = await mountTabs();
    await press(wrapper, "a", "ArrowRight");
    expect(selected(wrapper)).toEqual(["x-tab-b"]);
    expect(document.activeElement?.id).toBe("x-tab-b");
    expect(tabStops(wrapper)).toEqual(["x-tab-b"]);

    await press(wrapper, "b", "ArrowLeft");
    await press(wrapper, "a", "ArrowLeft");
    expect(selected(wrapper)).toEqual(["x-tab-c"]);
    expect(document.activeElement?.id).toBe("x-tab-c");

    await press(wrapper, "c", "ArrowRight");
    expect(selected(wrapper)).toEqual(["x-tab-a"]);
    expect(document.activeElement?.id).toBe("x-tab-a");
  });

  it("jumps to the first and last tab with Home and End", async () => {
    const wrapper = await mountTabs("b");
    await press(wrapper, "b", "End");
    expect(selected(wrapper)).toEqual(["x-tab-c"]);
    expect(document.activeElement?.id).toBe("x-tab-c");
    await press(wrapper, "c", "Home");
    expect(selected(wrapper)).toEqual(["x-tab-a"]);
    expect(document.activeElement?.id).toBe("x-tab-a");
  });

  it("leaves other keys to the browser", async () => {
    const wrapper = await mountTabs();
    const event = new KeyboardEvent("keydown", { key: "ArrowDown", cancelable: true });
    tab(wrapper, "a").element.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    const arrow = new KeyboardEvent("keydown", { key: "ArrowRight", cancelable: true });
    tab(wrapper, "a").element.dispatchEvent(arrow);
    expect(arrow.defaultPrevented).toBe(true);
    await flushPromises();
    expect(wrapper.emitted("update:modelValue")).toEqual([["b"]]);
  });
});

import { flushPromises, mount } from "@vue/test-utils";
import { LogOut } from "lucide-vue-next";
import { afterEach, describe, expect, it, vi } from "vitest";
import { h } from "vue";
import { createMemoryHistory, createRouter } from "vue-router";
import UiMenu from "./UiMenu.vue";

const router = createRouter({
  history: createMemoryHistory(),
  routes: [
    { path: "/", name: "home", component: { render: () => null } },
    { path: "/beheer", name: "admin", component: { render: () => null } },
  ],
});

describe("UiMenu", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("opens from its trigger with links and actions; an action emits its key", async () => {
    await router.push("/");
    const wrapper = mount(UiMenu, {
      props: {
        items: [
          { key: "admin", label: "Beheer", to: { name: "admin" }, current: true },
          "separator",
          { key: "logout", label: "Uitloggen", icon: LogOut },
        ],
      },
      slots: {
        trigger: () => h("button", { class: "opener" }, "Account"),
        header: () => "Ingelogd als Eva Jansen",
      },
      attachTo: document.body,
      global: { plugins: [router] },
    });
    const trigger = wrapper.get("button.opener");
    expect(trigger.attributes("aria-haspopup")).toBe("menu");
    await trigger.trigger("keydown", { key: "Enter" });
    // The popup is its own chunk, loaded on first use.
    await vi.dynamicImportSettled();
    await flushPromises();

    const menu = document.body.querySelector("[role=menu]");
    expect(menu?.textContent).toContain("Ingelogd als Eva Jansen");
    const items = [...(menu?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    expect(items.map((item) => item.textContent?.trim())).toEqual(["Beheer", "Uitloggen"]);
    expect(items[0]?.getAttribute("href")).toBe("/beheer");
    expect(items[0]?.getAttribute("aria-current")).toBe("page");
    expect(menu?.querySelectorAll("[role=separator]")).toHaveLength(1);

    items[1]?.click();
    await flushPromises();
    expect(wrapper.emitted("select")).toEqual([["logout"]]);
    expect(document.body.querySelector("[role=menu]")).toBeNull();
  });
});

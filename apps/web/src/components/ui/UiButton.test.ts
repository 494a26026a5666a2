import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import { h } from "vue";
import { createMemoryHistory, createRouter } from "vue-router";
import UiButton from "./UiButton.vue";

const router = createRouter({
  history: createMemoryHistory(),
  routes: [
    { path: "/", name: "home", component: { render: () => null } },
    { path: "/overzicht", name: "staff", component: { render: () => null } },
  ],
});

describe("UiButton", () => {
  it("is a plain button by default, that does not submit a form", async () => {
    const wrapper = mount(UiButton, { slots: { default: "Opslaan" } });
    const button = wrapper.get("button");
    expect(button.attributes("type")).toBe("button");
    expect(button.classes()).toContain("btn");
    expect(button.classes()).not.toContain("btn-primary");
    expect(button.text()).toBe("Opslaan");
    await button.trigger("click");
    expect(wrapper.emitted("click")).toHaveLength(1);
  });

  it("shows its variant and size as the shared button classes", () => {
    const primary = mount(UiButton, { props: { variant: "primary", size: "sm", type: "submit" } });
    expect(primary.get("button").classes()).toEqual(
      expect.arrayContaining(["btn", "btn-primary", "btn-small"]),
    );
    expect(primary.get("button").attributes("type")).toBe("submit");
    const danger = mount(UiButton, { props: { variant: "danger" } });
    expect(danger.get("button").classes()).toContain("btn-danger");
  });

  it("cannot be pressed while loading, says it is busy and shows a spinner instead of its icon", () => {
    const wrapper = mount(UiButton, {
      props: { loading: true },
      slots: { default: "Inloggen", icon: () => h("svg", { class: "given-icon" }) },
    });
    const button = wrapper.get("button");
    expect(button.attributes("disabled")).toBeDefined();
    expect(button.attributes("aria-busy")).toBe("true");
    expect(wrapper.find(".given-icon").exists()).toBe(false);
    expect(wrapper.find(".ui-button-spinner svg").exists()).toBe(true);
    expect(button.text()).toBe("Inloggen");
  });

  it("is a link with `to`, and a disabled button again when it cannot be used", async () => {
    await router.push("/");
    const link = mount(UiButton, {
      props: { to: { name: "staff" }, variant: "primary" },
      slots: { default: "Overzicht" },
      global: { plugins: [router] },
    });
    const anchor = link.get("a");
    expect(anchor.attributes("href")).toBe("/overzicht");
    expect(anchor.classes()).toContain("btn-primary");

    const disabled = mount(UiButton, {
      props: { to: { name: "staff" }, disabled: true },
      global: { plugins: [router] },
    });
    expect(disabled.find("a").exists()).toBe(false);
    expect(disabled.get("button").attributes("disabled")).toBeDefined();
  });
});

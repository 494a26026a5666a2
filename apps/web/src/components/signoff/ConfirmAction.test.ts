import { mount } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import ConfirmAction from "./ConfirmAction.vue";

function mountAction() {
  return mount(ConfirmAction, {
    props: {
      label: "Gesprek beëindigen",
      question: "Het gesprek beëindigen?",
      confirmLabel: "Ja, gesprek beëindigen",
      cancelLabel: "Annuleren",
    },
    attachTo: document.body,
  });
}

const button = (wrapper: ReturnType<typeof mountAction>, text: string) => {
  const found = wrapper.findAll("button").find((b) => b.text() === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
};

describe("ConfirmAction", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("asks first and acts only on the confirmation", async () => {
    const wrapper = mountAction();
    await button(wrapper, "Gesprek beëindigen").trigger("click");
    expect(wrapper.emitted("confirm")).toBeUndefined();
    expect(wrapper.text()).toContain("Het gesprek beëindigen?");
    // The question gets focus, so a screen reader reads it out.
    expect(document.activeElement?.textContent).toBe("Het gesprek beëindigen?");

    await button(wrapper, "Ja, gesprek beëindigen").trigger("click");
    expect(wrapper.emitted("confirm")).toHaveLength(1);
  });

  it("goes back without acting, with focus on the first button again", async () => {
    const wrapper = mountAction();
    await button(wrapper, "Gesprek beëindigen").trigger("click");
    await button(wrapper, "Annuleren").trigger("click");
    expect(wrapper.emitted("confirm")).toBeUndefined();
    expect(document.activeElement?.textContent?.trim()).toBe("Gesprek beëindigen");

    await button(wrapper, "Gesprek beëindigen").trigger("click");
    await wrapper.find("fieldset").trigger("keydown", { key: "Escape" });
    expect(wrapper.text()).not.toContain("Het gesprek beëindigen?");
    expect(wrapper.emitted("confirm")).toBeUndefined();
  });
});

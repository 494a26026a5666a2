import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import { h } from "vue";
import UiField from "./UiField.vue";

/** A field whose slot renders an input wired with the slot props, as a caller does. */
function mountField(props: Record<string, unknown>) {
  return mount(UiField, {
    props: { label: "E-mailadres", ...props },
    slots: {
      default: (slot: { id: string; describedBy?: string; invalid: boolean }) =>
        h("input", {
          id: slot.id,
          "aria-describedby": slot.describedBy,
          "aria-invalid": slot.invalid ? "true" : undefined,
        }),
    },
    attachTo: document.body,
  });
}

describe("UiField", () => {
  it("labels its control", () => {
    const wrapper = mountField({ id: "email" });
    expect(wrapper.get("label").attributes("for")).toBe("email");
    expect(wrapper.get("input").attributes("id")).toBe("email");
    expect(wrapper.get("input").attributes("aria-describedby")).toBeUndefined();
    wrapper.unmount();
  });

  it("makes an id when none is given, unique per field on the page", () => {
    const input = (slot: { id: string }) => h("input", { id: slot.id });
    const wrapper = mount(
      {
        render: () => [
          h(UiField, { label: "Naam" }, { default: input }),
          h(UiField, { label: "E-mailadres" }, { default: input }),
        ],
      },
      { attachTo: document.body },
    );
    const ids = wrapper.findAll("input").map((el) => el.attributes("id"));
    expect(ids[0]).toBeTruthy();
    expect(ids[1]).not.toBe(ids[0]);
    expect(wrapper.findAll("label").map((el) => el.attributes("for"))).toEqual(ids);
    wrapper.unmount();
  });

  it("reads the error and the hint with the control, and marks it invalid", () => {
    const wrapper = mountField({
      id: "email",
      hint: "Je schoolmail",
      error: "Vul je e-mailadres in.",
    });
    const input = wrapper.get("input");
    expect(input.attributes("aria-invalid")).toBe("true");
    const ids = input.attributes("aria-describedby")?.split(" ") ?? [];
    expect(ids.map((id) => document.getElementById(id)?.textContent?.trim())).toEqual([
      "Vul je e-mailadres in.",
      "Je schoolmail",
    ]);
    wrapper.unmount();
  });
});

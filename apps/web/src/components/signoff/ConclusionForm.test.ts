import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import { withI18n } from "../../test/i18n";
import ConclusionForm from "./ConclusionForm.vue";

const BASE = {
  title: "Conclusie van de BPV-begeleider",
  question: "Kies de conclusie",
  conclusion: null,
  motivation: null,
  canEdit: true,
  saveLabel: "Conclusie opslaan",
  emptyText: "De BPV-begeleider heeft nog geen conclusie gekozen.",
};

function mountForm(
  props: Partial<InstanceType<typeof ConclusionForm>["$props"]> = {},
  locale: "nl" | "en" = "nl",
) {
  return mount(ConclusionForm, { props: { ...BASE, ...props }, ...withI18n(locale) });
}

describe("ConclusionForm", () => {
  it("offers the guide's three options, labelled as the guide words them", () => {
    const labels = mountForm()
      .findAll("label.radio")
      .map((l) => l.text());
    expect(labels).toEqual([
      "Ik loop voor (boven de nominale lijn)",
      "Ik loop op schema (op de nominale lijn)",
      "Ik loop achter (onder de nominale lijn)",
    ]);
    expect(mountForm({}, "en").find("label.radio").text()).toBe(
      "I am ahead (above the nominal line)",
    );
  });

  it("saves the choice with the motivation, trimmed", async () => {
    const form = mountForm();
    await form.find("input[value=achter]").setValue(true);
    await form.find("textarea").setValue("  Stage is laat begonnen.  ");
    expect(form.find(".conclusion-state").text()).toBe("Nog niet opgeslagen");
    await form.find("form").trigger("submit");
    expect(form.emitted("save")).toEqual([["achter", "Stage is laat begonnen."]]);
  });

  it("asks for a choice instead of saving none", async () => {
    const form = mountForm();
    await form.find("form").trigger("submit");
    expect(form.emitted("save")).toBeUndefined();
    expect(form.find("[role=alert]").text()).toBe("Kies eerst voor, op schema of achter.");
  });

  it("shows a saved conclusion to those who do not write it", () => {
    const form = mountForm({
      canEdit: false,
      conclusion: "op_schema",
      motivation: "Alles op tijd.",
    });
    expect(form.find("form").exists()).toBe(false);
    expect(form.find("[data-field=conclusion]").text()).toBe(
      "Ik loop op schema (op de nominale lijn)",
    );
    expect(form.text()).toContain("Alles op tijd.");
    expect(mountForm({ canEdit: false }).text()).toContain(BASE.emptyText);
  });

  it("takes in what was saved elsewhere, but keeps an unsaved edit", async () => {
    const form = mountForm({ conclusion: "voor" });
    await form.setProps({ conclusion: "op_schema" });
    expect((form.find("input[value=op_schema]").element as HTMLInputElement).checked).toBe(true);
    expect(form.find(".conclusion-state").text()).toBe("Opgeslagen");

    await form.find("input[value=achter]").setValue(true);
    await form.setProps({ conclusion: "voor" });
    expect((form.find("input[value=achter]").element as HTMLInputElement).checked).toBe(true);
  });
});

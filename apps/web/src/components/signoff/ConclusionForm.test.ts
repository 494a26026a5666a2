import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { withI18n } from "../../test/i18n";
import ConclusionForm from "./ConclusionForm.vue";
import { readDraft } from "./conclusionDraft";

const BASE = {
  title: "Conclusie van de student",
  question: "Hoe loop jij?",
  conclusion: null,
  motivation: null,
  canEdit: true,
  emptyText: "De student heeft nog geen conclusie gegeven.",
};

type Save = (conclusion: string, motivation: string | null) => Promise<void>;

function mountForm(
  props: Partial<InstanceType<typeof ConclusionForm>["$props"]> = {},
  locale: "nl" | "en" = "nl",
) {
  return mount(ConclusionForm, { props: { ...BASE, ...props }, ...withI18n(locale) });
}

const state = (form: ReturnType<typeof mountForm>) =>
  form.find(".conclusion-state").attributes("data-state");

describe("ConclusionForm", () => {
  afterEach(() => {
    vi.useRealTimers();
    localStorage.clear();
  });

  it("offers the guide's three options, labelled as the guide words them, and no save button", () => {
    const form = mountForm();
    expect(form.findAll("label.radio").map((l) => l.text())).toEqual([
      "Ik loop voor (boven de nominale lijn)",
      "Ik loop op schema (op de nominale lijn)",
      "Ik loop achter (onder de nominale lijn)",
    ]);
    expect(form.findAll("button")).toHaveLength(0);
    expect(mountForm({}, "en").find("label.radio").text()).toBe(
      "I am ahead (above the nominal line)",
    );
  });

  it("saves a choice at once and the motivation a moment after typing stops, trimmed", async () => {
    vi.useFakeTimers();
    const save = vi.fn<Save>().mockResolvedValue(undefined);
    const form = mountForm({ save });
    await form.find("input[value=achter]").setValue(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenLastCalledWith("achter", null);
    await form.find("textarea").setValue("  Stage is laat ");
    await form.find("textarea").setValue("  Stage is laat begonnen.  ");
    expect(state(form)).toBe("saving");
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith("achter", "Stage is laat begonnen.");
    expect(state(form)).toBe("saved");
  });

  it("asks for a choice before a motivation alone is saved", async () => {
    const save = vi.fn<Save>().mockResolvedValue(undefined);
    const form = mountForm({ save });
    await form.find("textarea").setValue("Ik weet het niet");
    await flushPromises();
    expect(save).not.toHaveBeenCalled();
    expect(form.find("[role=alert]").text()).toBe("Kies eerst voor, op schema of achter.");
  });

  it("keeps what was typed while saving fails, on this device too, and tries again by itself", async () => {
    vi.useFakeTimers();
    const save = vi
      .fn<Save>()
      .mockRejectedValueOnce(new TypeError("Failed to fetch"))
      .mockResolvedValue(undefined);
    const form = mountForm({ save, draftKey: "k1" });
    await form.find("input[value=voor]").setValue(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(state(form)).toBe("failed");
    expect(form.find("[role=alert]").text()).toContain("blijven op dit apparaat bewaard");
    expect(readDraft("k1")).toEqual({ conclusion: "voor", motivation: null });
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(state(form)).toBe("saved");
    expect(readDraft("k1")).toBeNull();
  });

  it("brings back a conclusion typed on this device that never reached the server", async () => {
    localStorage.setItem("k2", JSON.stringify({ conclusion: "op_schema", motivation: "Bijna" }));
    const save = vi.fn<Save>().mockResolvedValue(undefined);
    const form = mountForm({ save, draftKey: "k2" });
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((form.find("input[value=op_schema]").element as HTMLInputElement).checked).toBe(true);
    expect(save).toHaveBeenCalledWith("op_schema", "Bijna");
  });

  it("for the begeleider: agrees with the student in one click; a different judgement waits for its motivation", async () => {
    const save = vi.fn<Save>().mockResolvedValue(undefined);
    const form = mountForm({ save, agreeWith: "voor", title: "Oordeel van de BPV-begeleider" });
    expect(form.find("[data-field=student-choice]").text()).toBe(
      "De student koos: Ik loop voor (boven de nominale lijn).",
    );
    await form.find("input[value=achter]").setValue(true);
    await flushPromises();
    expect(save).not.toHaveBeenCalled();
    expect(form.find("[role=alert]").text()).toBe(
      "Geef een toelichting: je oordeel wijkt af van dat van de student.",
    );
    await form.find("[data-action=agree]").trigger("click");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(save).toHaveBeenCalledWith("voor", null);
  });

  it("shows a saved conclusion to those who do not write it", () => {
    const form = mountForm({
      canEdit: false,
      conclusion: "op_schema",
      motivation: "Alles op tijd.",
    });
    expect(form.find(".conclusion-form").exists()).toBe(false);
    expect(form.find("[data-field=conclusion]").text()).toBe(
      "Ik loop op schema (op de nominale lijn)",
    );
    expect(form.text()).toContain("Alles op tijd.");
    expect(mountForm({ canEdit: false }).text()).toContain(BASE.emptyText);
  });

  it("takes in what was saved elsewhere, but keeps an edit not yet saved", async () => {
    const form = mountForm({ conclusion: "voor" });
    await form.setProps({ conclusion: "op_schema" });
    expect((form.find("input[value=op_schema]").element as HTMLInputElement).checked).toBe(true);
    expect(state(form)).toBe("saved");

    await form.find("textarea").setValue("Nog even typen");
    await form.setProps({ conclusion: "voor" });
    expect((form.find("input[value=op_schema]").element as HTMLInputElement).checked).toBe(true);
  });
});

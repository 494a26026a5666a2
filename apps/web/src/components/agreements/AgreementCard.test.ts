import { addAgreement, agreementsOf, readAgreement } from "@driehoek/collab";
import { mount } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { nextTick } from "vue";
import * as Y from "yjs";
import { withI18n } from "../../test/i18n";
import { linkDocs } from "../../test/yjs";
import AgreementCard from "./AgreementCard.vue";

const TODAY = "2026-03-03";

/** One agreement in my document, and the same document on someone else's device. */
function setup() {
  const mine = new Y.Doc();
  const theirs = new Y.Doc();
  linkDocs(mine, theirs);
  const agreement = addAgreement(mine, { id: "a1" });
  const remote = agreementsOf(theirs).get(0);
  if (!remote) throw new Error("the agreement did not reach the other document");
  const card = mount(AgreementCard, {
    props: { agreement, number: 1, today: TODAY },
    attachTo: document.body,
    ...withI18n(),
  });
  return { mine, theirs, agreement, remote, card };
}

const textarea = (card: ReturnType<typeof setup>["card"], field: string) =>
  card.find<HTMLTextAreaElement>(`[data-field=${field}] textarea`);

describe("AgreementCard", () => {
  afterEach(() => {
    document.body.innerHTML = "";
    vi.unstubAllGlobals();
  });

  it("is folded to its title and SMART badge, and opens in place", async () => {
    const { card, agreement } = setup();
    const toggle = card.find("button[data-action=toggle]");
    const body = card.find(".agreement-body");
    expect(toggle.attributes("aria-expanded")).toBe("false");
    expect((body.element as HTMLElement).style.display).toBe("none");
    expect(toggle.text()).toContain("Afspraak 1");
    expect(card.find("[data-field=smart-badge]").text()).toContain("SMART: 0 van 5 in orde");

    const text = agreement.get("text") as Y.Text;
    text.insert(0, "Ik geef een presentatie aan het team\nmet dia's");
    await nextTick();
    expect(toggle.text()).toContain("Ik geef een presentatie aan het team");
    expect(toggle.text()).not.toContain("dia's");
    expect(card.find("[data-field=smart-badge]").text()).toContain("SMART: 1 van 5 in orde");

    await toggle.trigger("click");
    expect(toggle.attributes("aria-expanded")).toBe("true");
    expect((body.element as HTMLElement).style.display).toBe("");
    expect(toggle.attributes("aria-controls")).toBe(body.attributes("id"));
  });

  it("writes every field into the shared agreement", async () => {
    const { card, agreement, remote } = setup();

    await textarea(card, "text").setValue("Ik geef een presentatie aan het team");
    await textarea(card, "measure").setValue("Het team geeft feedback");
    await textarea(card, "firstStep").setValue("Een datum kiezen");
    await card.find("select[data-field=owner]").setValue("student");
    await card.find("input[data-field=dueDate]").setValue("2026-04-15");
    await card.find("input[data-field=dueDate]").trigger("change");
    await card.find("input[data-field=werkproces]").setValue("b1-k1-w3");
    await card.find("input[data-field=werkproces]").trigger("change");

    expect(agreement.get("text")).toBeInstanceOf(Y.Text);
    expect(readAgreement(agreement)).toEqual({
      id: "a1",
      text: "Ik geef een presentatie aan het team",
      owner: "student",
      dueDate: "2026-04-15",
      measure: "Het team geeft feedback",
      firstStep: "Een datum kiezen",
      werkproces: "B1-K1-W3",
      status: "open",
    });
    // ... and so it reaches the others.
    expect(readAgreement(remote).text).toBe("Ik geef een presentatie aan het team");
  });

  it("edits the text with small changes, keeping what others typed meanwhile", async () => {
    const { card, agreement, remote } = setup();
    await textarea(card, "text").setValue("Ik oefen de presentatie");
    (remote.get("text") as Y.Text).insert(0, ">> ");
    await nextTick();
    expect(textarea(card, "text").element.value).toBe(">> Ik oefen de presentatie");

    await textarea(card, "text").setValue(">> Ik oefen de presentatie twee keer");
    expect((agreement.get("text") as Y.Text).toString()).toBe(
      ">> Ik oefen de presentatie twee keer",
    );
  });

  it("shows a remote change in the field and keeps the cursor where it was", async () => {
    const { card, remote } = setup();
    const field = textarea(card, "text");
    await field.setValue("oefenen met presenteren");
    field.element.focus();
    field.element.setSelectionRange(8, 8); // after "oefenen "

    (remote.get("text") as Y.Text).insert(0, "Wekelijks ");
    await nextTick();

    expect(field.element.value).toBe("Wekelijks oefenen met presenteren");
    expect(field.element.selectionStart).toBe(18);
    expect(field.element.selectionEnd).toBe(18);

    // Text added after the cursor leaves it alone.
    (remote.get("text") as Y.Text).insert(field.element.value.length, "!");
    await nextTick();
    expect(field.element.selectionStart).toBe(18);
  });

  it("follows remote changes of owner, date and werkproces, and the SMART hint with them", async () => {
    const { card, remote } = setup();
    expect(card.find("[data-letter=A]").classes()).toContain("smart-missing");

    remote.set("owner", "praktijkopleider");
    remote.set("dueDate", "2026-05-01");
    remote.set("werkproces", "P1-K2-W1");
    await nextTick();

    expect(card.find<HTMLSelectElement>("select[data-field=owner]").element.value).toBe(
      "praktijkopleider",
    );
    expect(card.find<HTMLInputElement>("input[data-field=dueDate]").element.value).toBe(
      "2026-05-01",
    );
    expect(card.find<HTMLInputElement>("input[data-field=werkproces]").element.value).toBe(
      "P1-K2-W1",
    );
    expect(card.find("[data-letter=A]").classes()).toContain("smart-met");
    expect(card.find("[data-letter=T]").classes()).toContain("smart-met");

    (remote.get("measure") as Y.Text).insert(0, "Feedback van het team");
    await nextTick();
    expect(textarea(card, "measure").element.value).toBe("Feedback van het team");
    expect(card.find("[data-letter=M]").classes()).toContain("smart-met");
  });

  it("flags a werkproces that does not look like a code", async () => {
    const { card } = setup();
    await card.find("input[data-field=werkproces]").setValue("presenteren");
    expect(card.find("input[data-field=werkproces]").attributes("aria-invalid")).toBe("true");
    expect(card.text()).toContain("B1-K1-W3 of P1-K2-W1");
  });

  it("asks before removing, then tells the list", async () => {
    const { card } = setup();
    const confirm = vi.fn().mockReturnValueOnce(false);
    vi.stubGlobal("confirm", confirm);
    await card.find("[data-action=remove]").trigger("click");
    expect(card.emitted("remove")).toBeUndefined();

    confirm.mockReturnValueOnce(true);
    await card.find("[data-action=remove]").trigger("click");
    expect(card.emitted("remove")).toEqual([["a1"]]);
  });

  it("only shows the agreement to someone who may not write", async () => {
    const { card } = setup();
    await card.setProps({ readOnly: true });
    expect(textarea(card, "text").attributes("readonly")).toBeDefined();
    expect(card.find("select[data-field=owner]").attributes("disabled")).toBeDefined();
    expect(card.find("[data-action=remove]").exists()).toBe(false);
  });
});

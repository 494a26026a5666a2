import { mount } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { nextTick } from "vue";
import { withI18n } from "../../test/i18n";
import SignBox from "./SignBox.vue";
import { signatureStatuses } from "./signatureStatus";
import { makeSignature, PARTICIPANTS } from "./testRecord";

const HASH = "1a2b3c4d".repeat(8);
const student = (signatures: Parameters<typeof signatureStatuses>[1]) => {
  const mine = signatureStatuses(PARTICIPANTS, signatures)[0];
  if (!mine) throw new Error("no student");
  return mine;
};

function mountBox(props: Partial<InstanceType<typeof SignBox>["$props"]> = {}) {
  return mount(SignBox, {
    props: { hash: HASH, mine: student([]), ...props },
    attachTo: document.body,
    ...withI18n(),
  });
}

describe("SignBox", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("says what the akkoord covers and signs exactly that hash", async () => {
    const box = mountBox();
    expect(box.text()).toContain("met controlecode 1a2b3c4d");
    const sign = box.find("button");
    expect(sign.text()).toBe("Akkoord geven");
    await sign.trigger("click");
    expect(box.emitted("sign")).toEqual([[HASH]]);
  });

  it("confirms an akkoord that holds, without offering to sign again", () => {
    const box = mountBox({ mine: student([makeSignature("student")]) });
    expect(box.find("button").exists()).toBe(false);
    expect(box.text()).toContain("Je hebt akkoord gegeven op");
  });

  it("asks to sign again after the akkoord lapsed", () => {
    const box = mountBox({
      mine: student([makeSignature("student", { voidedAt: "2026-03-03T10:20:00.000Z" }, false)]),
    });
    expect(box.text()).toContain("Je akkoord is vervallen omdat het verslag is gewijzigd.");
    expect(box.find("button").text()).toBe("Akkoord geven");
  });

  it("moves focus to the reason when an akkoord was not given because the record changed", async () => {
    const box = mountBox();
    await box.setProps({ notice: "changedAtSign" });
    await nextTick();
    const notice = box.find("[data-field=record-changed]");
    expect(notice.text()).toContain("je akkoord is nog niet gegeven");
    expect(notice.text()).toContain("controlecode 1a2b3c4d");
    expect(document.activeElement).toBe(notice.element);
  });
});

import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import { withI18n } from "../../test/i18n";
import SignatureList from "./SignatureList.vue";
import { signatureStatuses } from "./signatureStatus";
import { makeSignature, PARTICIPANTS } from "./testRecord";

function mountList(
  signatures: Parameters<typeof signatureStatuses>[1],
  locale: "nl" | "en" = "nl",
) {
  return mount(SignatureList, {
    props: { statuses: signatureStatuses(PARTICIPANTS, signatures), myRole: "student" },
    ...withI18n(locale),
  });
}

const row = (list: ReturnType<typeof mountList>, role: string) => list.find(`[data-role=${role}]`);

describe("SignatureList", () => {
  it("shows each role's akkoord: who and when, or not yet", () => {
    const list = mountList([makeSignature("bpv_begeleider")]);
    expect(list.find("[data-field=signature-count]").text()).toBe("1 van 3 akkoord");
    expect(row(list, "bpv_begeleider").text()).toMatch(
      /Akkoord gegeven door Bram Bakker op .*2026/,
    );
    expect(row(list, "student").text()).toContain("Sanne de Vries (jij)");
    expect(row(list, "student").text()).toContain("Nog geen akkoord");
  });

  it("shows a voided akkoord plainly, and that it must be given again", () => {
    const list = mountList([
      makeSignature("praktijkopleider", { voidedAt: "2026-03-03T10:20:00.000Z" }, false),
    ]);
    const trainer = row(list, "praktijkopleider");
    expect(trainer.attributes("data-state")).toBe("voided");
    expect(trainer.text()).toContain(
      "Vervallen: de inhoud is na ondertekening gewijzigd — onderteken opnieuw",
    );
    expect(trainer.text()).toContain("Peter Jansen gaf akkoord op");
    expect(list.find("[data-field=signature-count]").text()).toBe("0 van 3 akkoord");
  });

  it("says when the printed form was signed", () => {
    const list = mountList([makeSignature("student", { method: "paper" })], "en");
    expect(row(list, "student").text()).toContain("Paper form signed (Sanne de Vries)");
  });
});

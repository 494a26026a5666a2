import { hasSigned } from "@driehoek/domain";
import { describe, expect, it } from "vitest";
import { changedStates, hasValidSignature, signatureStatuses } from "./signatureStatus";
import { makeSignature, PARTICIPANTS } from "./testRecord";

describe("signatureStatuses", () => {
  it("lists the three roles in order, none signed yet", () => {
    const statuses = signatureStatuses(PARTICIPANTS, []);
    expect(statuses.map((s) => [s.role, s.participantName, s.state])).toEqual([
      ["student", "Sanne de Vries", "pending"],
      ["praktijkopleider", "Peter Jansen", "pending"],
      ["bpv_begeleider", "Bram Bakker", "pending"],
    ]);
  });

  it("shows who signed the record as it is now", () => {
    const statuses = signatureStatuses(PARTICIPANTS, [makeSignature("praktijkopleider")]);
    const trainer = statuses.find((s) => s.role === "praktijkopleider");
    expect(trainer?.state).toBe("signed");
    expect(trainer?.signerName).toBe("Peter Jansen");
    expect(hasValidSignature(statuses, "praktijkopleider")).toBe(true);
    expect(hasValidSignature(statuses, "student")).toBe(false);
  });

  it("marks an akkoord voided when the content changed after it, until signed again", () => {
    const voided = makeSignature(
      "student",
      { signedAt: "2026-03-03T10:15:00.000Z", voidedAt: "2026-03-03T10:16:00.000Z" },
      false,
    );
    expect(signatureStatuses(PARTICIPANTS, [voided])[0]?.state).toBe("voided");

    // Not yet voided by the server, but given to other content: no longer valid either.
    const outdated = makeSignature("student", {}, false);
    expect(signatureStatuses(PARTICIPANTS, [outdated])[0]?.state).toBe("voided");

    const again = makeSignature("student", { signedAt: "2026-03-03T10:20:00.000Z" });
    const student = signatureStatuses(PARTICIPANTS, [voided, again])[0];
    expect(student?.state).toBe("signed");
    expect(student?.signature?.signedAt).toBe("2026-03-03T10:20:00.000Z");
  });

  it("counts paper signatures like digital ones", () => {
    const paper = (["student", "praktijkopleider", "bpv_begeleider"] as const).map((role) =>
      makeSignature(role, { method: "paper" }),
    );
    const statuses = signatureStatuses(PARTICIPANTS, paper);
    expect(statuses.every((s) => hasSigned(s.state) && s.signature?.method === "paper")).toBe(true);
  });
});

describe("changedStates", () => {
  it("reports only the roles whose akkoord changed", () => {
    const before = signatureStatuses(PARTICIPANTS, [makeSignature("student")]);
    const after = signatureStatuses(PARTICIPANTS, [
      makeSignature("student", { voidedAt: "2026-03-03T10:16:00.000Z" }, false),
      makeSignature("bpv_begeleider"),
    ]);
    expect(changedStates(before, after).map((s) => [s.role, s.state])).toEqual([
      ["student", "voided"],
      ["bpv_begeleider", "signed"],
    ]);
    expect(changedStates(after, after)).toEqual([]);
  });
});

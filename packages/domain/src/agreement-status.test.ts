import { describe, expect, it } from "vitest";
import {
  AGREEMENT_STATUS_LABELS,
  AGREEMENT_STATUSES,
  isAgreementStatus,
  needsFollowUp,
} from "./agreement-status.js";

describe("agreement status", () => {
  it("labels each status in Dutch and English", () => {
    expect(AGREEMENT_STATUSES.map((s) => AGREEMENT_STATUS_LABELS[s].nl)).toEqual([
      "Open",
      "Gedaan",
      "Deels",
      "Niet gedaan",
    ]);
    expect(AGREEMENT_STATUSES.map((s) => AGREEMENT_STATUS_LABELS[s].en)).toEqual([
      "Open",
      "Done",
      "Partly",
      "Not done",
    ]);
  });

  it("asks for a follow-up only when an agreement was not (fully) kept", () => {
    expect(AGREEMENT_STATUSES.filter(needsFollowUp)).toEqual(["partly", "not_done"]);
  });

  it("recognises status keys", () => {
    expect(isAgreementStatus("not_done")).toBe(true);
    expect(isAgreementStatus("gedaan")).toBe(false);
  });
});

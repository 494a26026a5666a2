import { describe, expect, it } from "vitest";
import {
  AGREEMENT_STATUS_LABELS,
  AGREEMENT_STATUSES,
  CLOSED_AGREEMENT_STATUSES,
  isAgreementStatus,
  isStillOpen,
  isUnreviewed,
  OPEN_AGREEMENT_STATUSES,
  REVIEW_ANSWERS,
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

  it("answers a review with done, partly or not done; open and partly still need following up", () => {
    expect(REVIEW_ANSWERS).toEqual(["done", "partly", "not_done"]);
    expect(AGREEMENT_STATUSES.filter(isUnreviewed)).toEqual(["open"]);
    expect(AGREEMENT_STATUSES.filter(isStillOpen)).toEqual(["open", "partly"]);
    expect(OPEN_AGREEMENT_STATUSES).toEqual(["open", "partly"]);
    expect(CLOSED_AGREEMENT_STATUSES).toEqual(["done"]);
  });

  it("recognises status keys", () => {
    expect(isAgreementStatus("not_done")).toBe(true);
    expect(isAgreementStatus("gedaan")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import {
  canMovePhases,
  isParticipantRole,
  isRole,
  isStaffRole,
  PARTICIPANT_ROLES,
  ROLE_LABELS,
  ROLES,
  STAFF_ROLES,
} from "./roles.js";

describe("roles", () => {
  it("has the three participants of the driehoek", () => {
    expect(PARTICIPANT_ROLES).toEqual(["student", "praktijkopleider", "bpv_begeleider"]);
    for (const role of PARTICIPANT_ROLES) expect(ROLES).toContain(role);
  });

  it("counts only school staff as staff: not the student nor the company's trainer", () => {
    expect(STAFF_ROLES).toEqual(["bpv_begeleider", "trajectbegeleider", "admin"]);
    expect(isStaffRole("praktijkopleider")).toBe(false);
    expect(isStaffRole("student")).toBe(false);
    expect(isStaffRole("admin")).toBe(true);
  });

  it("labels every role in Dutch and English", () => {
    expect(ROLES.map((r) => ROLE_LABELS[r].nl)).toEqual([
      "Student",
      "Praktijkopleider",
      "BPV-begeleider",
      "Trajectbegeleider",
      "Beheerder",
    ]);
    expect(ROLES.map((r) => ROLE_LABELS[r].en)).toEqual([
      "Student",
      "Workplace trainer",
      "Placement supervisor",
      "Programme coach",
      "Administrator",
    ]);
  });

  it("recognises role strings", () => {
    expect(isRole("trajectbegeleider")).toBe(true);
    expect(isRole("teacher")).toBe(false);
    expect(isRole("BPV-begeleider")).toBe(false);
    expect(isParticipantRole("praktijkopleider")).toBe(true);
    expect(isParticipantRole("admin")).toBe(false);
  });

  it("lets only the BPV-begeleider move the conversation", () => {
    expect(ROLES.filter(canMovePhases)).toEqual(["bpv_begeleider"]);
  });
});

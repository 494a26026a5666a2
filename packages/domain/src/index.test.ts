// The server and the web client import exactly these names from @driehoek/domain.
import { describe, expect, it } from "vitest";
import * as domain from "./index.js";

describe("public API", () => {
  it("exports every agreed name", () => {
    const names = [
      "PHASE_KEYS",
      "RECORD_SCHEMA",
      "GUIDE",
      "GUIDE_INTRO",
      "getPhase",
      "isPhaseKey",
      "findSection",
      "startPosition",
      "nextPhasePosition",
      "previousPhasePosition",
      "sectionPosition",
      "nextSectionPosition",
      "CONVERSATION_STATUSES",
      "canTransition",
      "ROLES",
      "PARTICIPANT_ROLES",
      "STAFF_ROLES",
      "ROLE_LABELS",
      "isRole",
      "isParticipantRole",
      "isStaffRole",
      "canMovePhases",
      "schoolYearOf",
      "frequencyStatus",
      "proposeNextConversationDate",
      "POK_PROBLEMS",
      "POK_PROBLEM_LABELS",
      "checkPok",
      "pokExpiresWithin",
      "SMART_LETTERS",
      "checkSmart",
      "SMART_LABELS",
      "CONCLUSIONS",
      "CONCLUSION_LABELS",
      "conclusionScore",
      "AGREEMENT_STATUSES",
      "AGREEMENT_STATUS_LABELS",
      "LIMITS",
      "isIsoDate",
      "addDays",
      "daysBetween",
      "schoolToday",
      "schoolDate",
      "HELD_STATUSES",
      "isHeld",
      "isLocked",
      "OPEN_AGREEMENT_STATUSES",
      "clipToLimit",
      "SIGNATURE_STATES",
      "ageOn",
    ];
    const missing = names.filter((name) => !(name in domain));
    expect(missing).toEqual([]);
  });
});

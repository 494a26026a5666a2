import type { LocalizedText } from "./i18n.js";

/** Every role a person can have in Driehoek. */
export const ROLES = [
  "student",
  "praktijkopleider",
  "bpv_begeleider",
  "trajectbegeleider",
  "admin",
] as const;

/** A person's role; see `ROLES`. */
export type Role = (typeof ROLES)[number];

/** The three roles that take part in a conversation (the "driehoek"). */
export const PARTICIPANT_ROLES = ["student", "praktijkopleider", "bpv_begeleider"] as const;

/** A role that takes part in a conversation. */
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** Roles held by school staff; the praktijkopleider works for the company and is not staff. */
export const STAFF_ROLES = ["bpv_begeleider", "trajectbegeleider", "admin"] as const;

/** A role held by school staff. */
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Display names of the roles. */
export const ROLE_LABELS: Record<Role, LocalizedText> = {
  student: { nl: "Student", en: "Student" },
  praktijkopleider: { nl: "Praktijkopleider", en: "Workplace trainer" },
  bpv_begeleider: { nl: "BPV-begeleider", en: "Placement supervisor" },
  trajectbegeleider: { nl: "Trajectbegeleider", en: "Programme coach" },
  admin: { nl: "Beheerder", en: "Administrator" },
};

/** Whether `value` names a role. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Whether `value` names a role that takes part in a conversation. */
export function isParticipantRole(value: string): value is ParticipantRole {
  return (PARTICIPANT_ROLES as readonly string[]).includes(value);
}

/** Whether `value` names a school staff role. */
export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}

/**
 * Whether `role` may move the conversation to another phase or section. Only the BPV-begeleider:
 * the guide has the supervisor lead the conversation.
 */
export function canMovePhases(role: Role): boolean {
  return role === "bpv_begeleider";
}

/** Placements, conversations and invites as the server answers them, for the planning tests. */
import type {
  PlanningConversation,
  PlanningInvite,
  PlanningPlacement,
} from "../../graphql/planning";

/** A participant's link; `mail: null` means none was sent, `hasEmail: false` none can be. */
export function invite(
  id: string,
  options: {
    name?: string;
    role?: "student" | "praktijkopleider" | "bpv_begeleider";
    revokedAt?: string | null;
    lastUsedAt?: string | null;
    mail?: "queued" | "sending" | "sent" | "failed" | null;
    hasEmail?: boolean;
  } = {},
): PlanningInvite {
  const mail = options.mail === undefined ? "sent" : options.mail;
  return {
    url: `http://localhost/join/token-${id}`,
    hasEmail: options.hasEmail ?? true,
    person: { id: `p-${id}`, name: options.name ?? "Sanne Jansen" },
    invite: {
      id,
      role: options.role ?? "student",
      expiresAt: "2026-06-30T00:00:00.000Z",
      revokedAt: options.revokedAt ?? null,
      lastUsedAt: options.lastUsedAt ?? null,
      lastMail: mail
        ? {
            kind: "invitation",
            status: mail,
            sentAt: mail === "sent" ? "2026-03-02T09:00:00.000Z" : null,
            lastError: mail === "failed" ? "550 mailbox unavailable" : null,
          }
        : null,
    },
  };
}

/** A planned conversation with a link for the student and the praktijkopleider. */
export function planned(
  id: string,
  scheduledAt: string,
  invites: PlanningInvite[] = [
    invite(`${id}-student`),
    invite(`${id}-po`, { name: "Peter Bakker", role: "praktijkopleider", mail: "queued" }),
  ],
): PlanningConversation {
  return {
    id,
    scheduledAt,
    status: "planned",
    mode: "in_person",
    durationMinutes: 40,
    location: "Bytewerk, Coolsingel 10",
    onlineUrl: null,
    invites,
  };
}

/**
 * A placement of Sanne at Bytewerk, September 2025 to July 2026 (the tests' today is early
 * March 2026); the frequency fields and conversations as given.
 */
export function placement(
  options: {
    id?: string;
    name?: string;
    isOverdue?: boolean;
    missed?: number;
    held?: number;
    required?: number;
    endDate?: string;
    nextDueDate?: string | null;
    proposedDate?: string | null;
    pokValid?: boolean;
    conversations?: PlanningConversation[];
  } = {},
): PlanningPlacement {
  const id = options.id ?? "pl-sanne";
  return {
    id,
    startDate: "2025-09-01",
    endDate: options.endDate ?? "2026-07-03",
    companyName: "Bytewerk B.V.",
    student: { id: `s-${id}`, name: options.name ?? "Sanne Jansen" },
    enrolment: { id: `st-${id}` },
    pokCheck: {
      isValid: options.pokValid ?? true,
      problems: options.pokValid === false ? ["missing_company_signature"] : [],
      messages:
        options.pokValid === false ? ["De POK is nog niet ondertekend door het leerbedrijf."] : [],
    },
    frequency: {
      periodStart: "2025-08-01",
      periodEnd: "2026-07-31",
      required: options.required ?? 2,
      held: options.held ?? 0,
      missed: options.missed ?? 0,
      isOverdue: options.isOverdue ?? false,
      nextDueDate: options.nextDueDate === undefined ? "2026-01-31" : options.nextDueDate,
      proposedDate: options.proposedDate ?? null,
    },
    conversations: options.conversations ?? [],
  };
}

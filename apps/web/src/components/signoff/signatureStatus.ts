import {
  hasSigned,
  PARTICIPANT_ROLES,
  type ParticipantRole,
  type SignatureState,
} from "@driehoek/domain";
import type { RecordChange, Signature, SignatureView } from "../../graphql/signoff";

/** Who takes part in which role; the live page's participants fit, and so do a record's. */
export interface RoleHolder {
  role: string;
  person: { name: string };
}

export type { SignatureState };

/** One of the three roles and its akkoord. */
export interface RoleSignature {
  role: ParticipantRole;
  /** Who takes part in this role, or null when nobody does. */
  participantName: string | null;
  state: SignatureState;
  /** The signature that decides the state: the valid one, else the latest voided one. */
  signature: Signature | null;
  /** Who gave that signature. */
  signerName: string | null;
  /** For a voided one: what differs between the record it was given to and the record now. */
  changes: readonly RecordChange[];
}

/** The akkoord of each of the three roles, in the order student, praktijkopleider, begeleider. */
export function signatureStatuses(
  participants: readonly RoleHolder[],
  signatures: readonly SignatureView[],
): RoleSignature[] {
  return PARTICIPANT_ROLES.map((role) => {
    const participantName = participants.find((p) => p.role === role)?.person.name ?? null;
    const mine = signatures
      .filter((s) => s.signature.role === role)
      .sort((a, b) => a.signature.signedAt.localeCompare(b.signature.signedAt));
    const valid = mine.filter((s) => s.isValid).at(-1);
    const latest = valid ?? mine.at(-1);
    return {
      role,
      participantName,
      state: valid ? "signed" : latest ? "voided" : "pending",
      signature: latest?.signature ?? null,
      signerName: latest?.person.name ?? null,
      changes: valid ? [] : (latest?.changes ?? []),
    };
  });
}

/** Whether `role` has an akkoord that holds for the record as it is now. */
export function hasValidSignature(
  statuses: readonly RoleSignature[],
  role: string | null | undefined,
): boolean {
  return statuses.some((s) => s.role === role && hasSigned(s.state));
}

/** The roles whose state differs between two readings, with their new state (for announcing). */
export function changedStates(
  before: readonly RoleSignature[],
  after: readonly RoleSignature[],
): RoleSignature[] {
  return after.filter((next) => {
    const previous = before.find((s) => s.role === next.role);
    return previous !== undefined && previous.state !== next.state;
  });
}

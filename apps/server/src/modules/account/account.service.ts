import { createHash, randomBytes, randomUUID } from "node:crypto";
import { isStaffRole, type StaffRole } from "@driehoek/domain";
import type { EntityManager } from "typeorm";
import { hashPassword, verifyPassword } from "../../auth/password.js";
import type { Services } from "../../context.js";
import { lockRow } from "../../db/row-lock.js";
import { inTransaction } from "../../db/transaction.js";
import { isUniqueViolationOf } from "../../db/unique-violation.js";
import { appError, badInput, conflict, notFound, unauthenticated } from "../../graphql/errors.js";
import { queueMails } from "../mail/outbox.js";
import { Person } from "../people/person.entity.js";
import { revokeSessions } from "../session/session.service.js";
import type { CreateStaffAccountInput, PasswordLinkStatus, StaffAccount } from "./account.types.js";
import { renderPasswordMail } from "./account-mail.js";
import { PasswordLink, type PasswordLinkPurpose } from "./password-link.entity.js";

/** How long a link works: a new account's a few days (it may wait for Monday), a reset's an hour or two. */
const VALID_HOURS: Record<PasswordLinkPurpose, number> = { setup: 72, reset: 2 };

/** The SHA-256 of a link's token, as stored. */
function hashOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Marks the unused links that match as used (by id or by person); returns how many. */
async function voidOpenLinks(
  manager: EntityManager,
  where: { id: string } | { personId: string },
  now: Date,
): Promise<{ affected?: number | null }> {
  const [column, value] = "id" in where ? ["id", where.id] : ["person_id", where.personId];
  return manager
    .createQueryBuilder()
    .update(PasswordLink)
    .set({ usedAt: now })
    .where(`${column} = :value AND used_at IS NULL`, { value })
    .execute();
}

/** The admin's view of a staff member. */
export function accountOf(person: Person): StaffAccount {
  return {
    id: person.id,
    name: person.name,
    email: person.email ?? "",
    role: person.role as StaffRole,
    locale: person.locale ?? "nl",
    hasPassword: person.passwordHash !== null,
    deactivatedAt: person.deactivatedAt ?? null,
    createdAt: person.createdAt,
  };
}

/**
 * Voids the person's open links and makes a new one inside the caller's transaction; returns
 * its address (`/wachtwoord/<token>`). Only the token's hash is stored. The person's row is
 * locked first, so links asked for at the same moment are made in turn and each voids the one
 * before it: one stays open.
 */
export async function issuePasswordLink(
  services: Services,
  manager: EntityManager,
  personId: string,
  purpose: PasswordLinkPurpose,
): Promise<string> {
  const now = services.now();
  await lockRow(manager, "person", personId);
  await voidOpenLinks(manager, { personId }, now);
  const token = randomBytes(32).toString("base64url");
  await manager.insert(PasswordLink, {
    id: randomUUID(),
    personId,
    tokenHash: hashOf(token),
    purpose,
    expiresAt: new Date(now.getTime() + VALID_HOURS[purpose] * 3600_000),
    usedAt: null,
    createdAt: now,
  });
  return `${services.config.publicUrl}/wachtwoord/${token}`;
}

/** Hours a link of `purpose` works. */
export function passwordLinkHours(purpose: PasswordLinkPurpose): number {
  return VALID_HOURS[purpose];
}

/**
 * Makes a new password link and queues the mail that carries it, inside the caller's
 * transaction.
 */
async function sendPasswordLink(
  services: Services,
  manager: EntityManager,
  person: Person & { email: string },
  purpose: PasswordLinkPurpose,
): Promise<void> {
  const url = await issuePasswordLink(services, manager, person.id, purpose);
  const rendered = renderPasswordMail({
    purpose,
    locale: person.locale === "en" ? "en" : "nl",
    recipientName: person.name,
    url,
    validHours: VALID_HOURS[purpose],
  });
  await queueMails(services, manager, [
    {
      kind: purpose === "setup" ? "account_setup" : "password_reset",
      personId: person.id,
      toAddress: person.email,
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
      ics: null,
      icsMethod: null,
      conversationId: null,
      inviteId: null,
    },
  ]);
}

/** Creates a staff member without a password and mails them the link to choose one. */
export async function createStaffAccount(
  services: Services,
  actorId: string,
  input: CreateStaffAccountInput,
): Promise<StaffAccount> {
  const name = input.name.trim();
  const email = input.email.trim().toLowerCase();
  if (!name) throw badInput("Enter a name.");
  const taken = () =>
    conflict("There is already an account with this e-mail address.", "email_taken");
  // Two admins adding one address at the same moment both find it free; the unique index
  // refuses the second, which is told what the check would have told it.
  return inTransaction(services.dataSource, async (tx) => {
    if (await tx.existsBy(Person, { email })) throw taken();
    const person: Person & { email: string } = {
      id: randomUUID(),
      name,
      email,
      passwordHash: null,
      role: input.role,
      companyId: null,
      createdAt: services.now(),
      locale: input.locale,
      deactivatedAt: null,
    };
    await tx.insert(Person, person);
    await sendPasswordLink(services, tx, person, "setup");
    await services.audit.record(
      {
        actorId,
        action: "account.created",
        subjectType: "person",
        subjectId: person.id,
        detail: { role: person.role },
      },
      tx,
    );
    return accountOf(person);
  }).catch((error: unknown) => {
    throw isUniqueViolationOf(error, "person.email") ? taken() : error;
  });
}

/** Whether a link (found by its token, with its owner) works at `now`, and if not, why. */
function judgeLink(
  link: PasswordLink | null,
  person: Person | null,
  now: Date,
): PasswordLinkStatus {
  if (!link || !person || person.deactivatedAt) return "invalid";
  if (link.usedAt) return "used";
  if (link.expiresAt <= now) return "expired";
  return "valid";
}

/** The link of `token` with its owner, read with `manager`. */
async function linkOf(manager: EntityManager, token: string) {
  const link = await manager.findOneBy(PasswordLink, { tokenHash: hashOf(token.trim()) });
  const person = link ? await manager.findOneBy(Person, { id: link.personId }) : null;
  return { link, person };
}

/**
 * Whether the link of `token` would set a password now, without using it: the page of the
 * link says at once when it cannot. Answers the status only, nothing of whose link it is.
 */
export async function passwordLinkStatus(
  services: Services,
  token: string,
): Promise<PasswordLinkStatus> {
  const { link, person } = await linkOf(services.dataSource.manager, token);
  return judgeLink(link, person, services.now());
}

/**
 * Sets the password of the link's owner and uses the link up. A link that is unknown, used,
 * expired or whose account is deactivated is refused with the reason, and changes nothing.
 */
export async function setPasswordWithLink(
  services: Services,
  token: string,
  password: string,
): Promise<void> {
  const hash = await hashPassword(password);
  await inTransaction(services.dataSource, async (tx) => {
    const { link, person } = await linkOf(tx, token);
    const now = services.now();
    const status = judgeLink(link, person, now);
    if (status === "invalid" || !link || !person) {
      throw unauthenticated("This link is not valid.", "password_link_invalid");
    }
    if (status === "used") throw unauthenticated("This link has been used.", "password_link_used");
    if (status === "expired") {
      throw unauthenticated("This link has expired.", "password_link_expired");
    }
    // Only the first of two simultaneous uses finds it unused.
    const used = await voidOpenLinks(tx, { id: link.id }, now);
    if (used.affected === 0)
      throw unauthenticated("This link has been used.", "password_link_used");
    await tx.update(Person, { id: person.id }, { passwordHash: hash });
    await services.audit.record(
      {
        actorId: person.id,
        action: link.purpose === "setup" ? "account.password_set" : "account.password_reset",
        subjectType: "person",
        subjectId: person.id,
      },
      tx,
    );
  });
}

/** Changes a logged-in staff member's password, once they have given the current one. */
export async function changePassword(
  services: Services,
  personId: string,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const person = await services.dataSource.manager.findOneByOrFail(Person, { id: personId });
  const matches =
    person.passwordHash !== null && (await verifyPassword(currentPassword, person.passwordHash));
  if (!matches) {
    throw appError("BAD_USER_INPUT", "The current password is not correct.", "wrong_password");
  }
  const hash = await hashPassword(newPassword);
  await inTransaction(services.dataSource, async (tx) => {
    await tx.update(Person, { id: personId }, { passwordHash: hash });
    await services.audit.record(
      {
        actorId: personId,
        action: "account.password_changed",
        subjectType: "person",
        subjectId: personId,
      },
      tx,
    );
  });
}

/**
 * Mails a reset link when the address belongs to an active staff account, and does nothing
 * otherwise: the caller learns nothing either way.
 */
export async function requestPasswordReset(services: Services, email: string): Promise<void> {
  const address = email.trim().toLowerCase();
  await inTransaction(services.dataSource, async (tx) => {
    const person = await tx.findOneBy(Person, { email: address });
    if (!person?.email || !isStaffRole(person.role) || person.deactivatedAt) return;
    await sendPasswordLink(services, tx, person as Person & { email: string }, "reset");
    await services.audit.record(
      {
        actorId: null,
        action: "account.reset_requested",
        subjectType: "person",
        subjectId: person.id,
      },
      tx,
    );
  });
}

/**
 * Deactivates or reactivates a staff account. Deactivating ends its sessions at once (every
 * request checks the column) and voids its open password links.
 */
export async function setAccountActive(
  services: Services,
  actorId: string,
  personId: string,
  isActive: boolean,
): Promise<StaffAccount> {
  if (!isActive && personId === actorId) {
    throw badInput("You cannot deactivate your own account.");
  }
  return inTransaction(services.dataSource, async (tx) => {
    const person = await tx.findOneBy(Person, { id: personId });
    if (!person || !isStaffRole(person.role)) throw notFound("Staff account");
    const now = services.now();
    person.deactivatedAt = isActive ? null : (person.deactivatedAt ?? now);
    await tx.update(Person, { id: personId }, { deactivatedAt: person.deactivatedAt });
    if (!isActive) {
      await voidOpenLinks(tx, { personId }, now);
      // Its sockets close on the accountDeactivated event the resolver publishes.
      await revokeSessions(tx, { personId }, now);
    }
    await services.audit.record(
      {
        actorId,
        action: isActive ? "account.reactivated" : "account.deactivated",
        subjectType: "person",
        subjectId: personId,
      },
      tx,
    );
    return accountOf(person);
  });
}

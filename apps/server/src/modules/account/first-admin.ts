import { randomUUID } from "node:crypto";
import { LIMITS } from "@driehoek/domain";
import type { Services } from "../../context.js";
import { inTransaction } from "../../db/transaction.js";
import { Person } from "../people/person.entity.js";
import { issuePasswordLink, passwordLinkHours } from "./account.service.js";

/** The admin account made from the command line, and the one-time link to choose its password. */
export interface CreatedAdmin {
  personId: string;
  setPasswordUrl: string;
  validHours: number;
}

/**
 * Creates an admin account without a password and returns a single-use setup link (the same
 * link a mailed invitation carries), for a fresh production install that has no admin yet.
 * Run by whoever operates the server (`npm run admin:create`), so it needs no login.
 */
export async function createAdminFromCommandLine(
  services: Services,
  input: { email: string; name: string },
): Promise<CreatedAdmin> {
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > LIMITS.email) {
    throw new Error(`"${input.email}" is geen geldig e-mailadres.`);
  }
  if (!name || name.length > LIMITS.name) {
    throw new Error(`Geef een naam van 1 tot ${LIMITS.name} tekens.`);
  }
  return inTransaction(services.dataSource, async (tx) => {
    if (await tx.existsBy(Person, { email })) {
      throw new Error(`Er bestaat al een account met ${email}.`);
    }
    const personId = randomUUID();
    await tx.insert(Person, {
      id: personId,
      name,
      email,
      passwordHash: null,
      role: "admin",
      companyId: null,
      createdAt: services.now(),
      locale: "nl",
      deactivatedAt: null,
    });
    const setPasswordUrl = await issuePasswordLink(services, tx, personId, "setup");
    await services.audit.record(
      {
        actorId: null,
        action: "account.created",
        subjectType: "person",
        subjectId: personId,
        detail: { role: "admin", via: "command_line" },
      },
      tx,
    );
    return { personId, setPasswordUrl, validHours: passwordLinkHours("setup") };
  });
}

import { type EntityManager, In, IsNull } from "typeorm";
import type { Services } from "../../context.js";
import { Conversation } from "../conversation/conversation.entity.js";
import { ConversationParticipant } from "../conversation/participant.entity.js";
import { Invite } from "../invite/invite.entity.js";
import { inviteUrl } from "../invite/invite-links.js";
import { calendarInvite } from "../mail/calendar-invite.js";
import { renderConversationMail } from "../mail/conversation-mail.js";
import { dropQueuedReminders, type NewMail, queueMails } from "../mail/outbox.js";
import type { ConversationMailKind } from "../mail/outbox-mail.entity.js";
import { Person } from "../people/person.entity.js";
import { Placement } from "../placement/placement.entity.js";
import { Company } from "../school/company.entity.js";
import { Student } from "../school/student.entity.js";
import { ConversationPlan } from "./conversation-plan.entity.js";
import { DURATION_RANGE } from "./planning.types.js";

const DAY_MS = 24 * 3600_000;

/** What every mail about one conversation shares. */
interface ConversationFacts {
  conversation: Conversation;
  plan: ConversationPlan;
  studentName: string;
  companyName: string;
  begeleider: Person;
}

/** The plan of a conversation; one planned before plans existed reads as 40 minutes, no place. */
export async function planOf(manager: EntityManager, conversationId: string) {
  return (
    (await manager.findOneBy(ConversationPlan, { conversationId })) ?? {
      conversationId,
      durationMinutes: DURATION_RANGE.default,
      location: null,
      onlineUrl: null,
      sequence: 0,
    }
  );
}

async function factsOf(manager: EntityManager, conversationId: string): Promise<ConversationFacts> {
  const conversation = await manager.findOneByOrFail(Conversation, { id: conversationId });
  const placement = await manager.findOneByOrFail(Placement, { id: conversation.placementId });
  const student = await manager.findOneByOrFail(Student, { id: placement.studentId });
  const [studentPerson, company, begeleider] = await Promise.all([
    manager.findOneByOrFail(Person, { id: student.personId }),
    manager.findOneByOrFail(Company, { id: placement.companyId }),
    manager.findOneByOrFail(Person, { id: placement.begeleiderId }),
  ]);
  return {
    conversation,
    plan: await planOf(manager, conversationId),
    studentName: studentPerson.name,
    companyName: company.name,
    begeleider,
  };
}

/** A participant to write to: who, and the invite whose link they get (none in a cancellation). */
interface Recipient {
  person: Person & { email: string };
  invite: Invite | null;
}

function mailFor(
  services: Services,
  facts: ConversationFacts,
  kind: ConversationMailKind,
  recipient: Recipient,
  reason: string | null,
): NewMail {
  const { conversation, plan, begeleider } = facts;
  const { person, invite } = recipient;
  const locale = person.locale === "en" ? "en" : "nl";
  const url = invite ? inviteUrl(services, invite) : null;
  const rendered = renderConversationMail({
    kind,
    locale,
    recipientName: person.name,
    isOrganiser: person.id === begeleider.id,
    studentName: facts.studentName,
    companyName: facts.companyName,
    begeleiderName: begeleider.name,
    start: conversation.scheduledAt,
    durationMinutes: plan.durationMinutes,
    mode: conversation.mode,
    location: plan.location,
    onlineUrl: plan.onlineUrl,
    inviteUrl: url,
    reason,
  });
  const method = kind === "cancellation" ? "CANCEL" : "REQUEST";
  const ics =
    kind === "reminder"
      ? null
      : calendarInvite({
          method,
          uid: `${conversation.id}@driehoek`,
          sequence: plan.sequence,
          start: conversation.scheduledAt,
          durationMinutes: plan.durationMinutes,
          summary: `BPV-gesprek ${facts.studentName} (${facts.companyName})`,
          description: rendered.text,
          location: conversation.mode === "online" ? plan.onlineUrl : plan.location,
          url,
          organizer: {
            name: begeleider.name,
            email: begeleider.email ?? mailAddressOf(services.config.mailFrom),
          },
          attendee: { name: person.name, email: person.email },
        });
  return {
    kind,
    personId: person.id,
    toAddress: person.email,
    subject: rendered.subject,
    textBody: rendered.text,
    htmlBody: rendered.html,
    ics,
    icsMethod: ics ? method : null,
    conversationId: conversation.id,
    inviteId: invite?.id ?? null,
  };
}

/** The open invites of a conversation (or just the given ones) whose person has an e-mail address. */
async function invitedRecipients(
  manager: EntityManager,
  conversationId: string,
  inviteIds?: string[],
): Promise<Recipient[]> {
  const invites = await manager.find(Invite, {
    where: {
      conversationId,
      revokedAt: IsNull(),
      ...(inviteIds ? { id: In(inviteIds) } : {}),
    },
    order: { createdAt: "ASC" },
  });
  const people = await manager.findBy(Person, { id: In(invites.map((i) => i.personId)) });
  return invites.flatMap((invite) => {
    const person = people.find((p) => p.id === invite.personId);
    return person?.email ? [{ person: person as Recipient["person"], invite }] : [];
  });
}

/**
 * Queues the mail of `kind` about a conversation to each participant with an e-mail address,
 * with their own link and calendar invite; inside the caller's transaction. `inviteIds` limits
 * it to those invites (a resent or reissued link). Returns how many mails were queued.
 */
export async function queueConversationMails(
  services: Services,
  manager: EntityManager,
  conversationId: string,
  kind: Exclude<ConversationMailKind, "cancellation" | "reminder">,
  inviteIds?: string[],
): Promise<number> {
  const facts = await factsOf(manager, conversationId);
  const recipients = await invitedRecipients(manager, conversationId, inviteIds);
  await queueMails(
    services,
    manager,
    recipients.map((r) => mailFor(services, facts, kind, r, null)),
  );
  return recipients.length;
}

/** Queues the cancellation (METHOD:CANCEL) to every participant with an e-mail address. */
export async function queueCancellationMails(
  services: Services,
  manager: EntityManager,
  conversationId: string,
  reason: string | null,
): Promise<void> {
  const facts = await factsOf(manager, conversationId);
  const participants = await manager.findBy(ConversationParticipant, { conversationId });
  const people = await manager.findBy(Person, { id: In(participants.map((p) => p.personId)) });
  const recipients = people.flatMap((person) =>
    person.email ? [{ person: person as Recipient["person"], invite: null }] : [],
  );
  await dropQueuedReminders(manager, { conversationId });
  await queueMails(
    services,
    manager,
    recipients.map((r) => mailFor(services, facts, "cancellation", r, reason)),
  );
}

/**
 * Queues the reminders for the day before, due 24 hours ahead of the start (none when that
 * moment has passed). They wait in the outbox, so they survive restarts and go once.
 */
export async function queueReminders(
  services: Services,
  manager: EntityManager,
  conversationId: string,
  inviteIds?: string[],
): Promise<void> {
  const facts = await factsOf(manager, conversationId);
  const dueAt = new Date(facts.conversation.scheduledAt.getTime() - DAY_MS);
  if (dueAt <= services.now()) return;
  const recipients = await invitedRecipients(manager, conversationId, inviteIds);
  await queueMails(
    services,
    manager,
    recipients.map((r) => ({ ...mailFor(services, facts, "reminder", r, null), dueAt })),
  );
}

/** "Driehoek <driehoek@school.nl>" → "driehoek@school.nl". */
function mailAddressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}

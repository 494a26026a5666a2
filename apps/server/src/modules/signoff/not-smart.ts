import { randomUUID } from "node:crypto";
import { checkSmart, type SmartLetter, schoolToday } from "@driehoek/domain";
import { IsBoolean, IsOptional } from "class-validator";
import { GraphQLError } from "graphql";
import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import type { EntityManager } from "typeorm";
import type { Services } from "../../context.js";
import { inTransaction } from "../../db/transaction.js";
import { Agreement } from "../agreement/agreement.entity.js";
import { ConversationIdArgs } from "../conversation/conversation.types.js";
import { Person } from "../people/person.entity.js";
import { NotSmartAcceptance } from "./not-smart-acceptance.entity.js";

/** An agreement of the conversation that does not (yet) meet every SMART criterion. */
@ObjectType("NotSmartAgreement")
export class NotSmartAgreement {
  @Field(() => String) id: string;
  @Field(() => Int, { description: "Its number in the list of new agreements, from 1." })
  number: number;
  @Field(() => String) text: string;
  @Field(() => [String], { description: "The unmet criteria, in S-M-A-R-T order." })
  missing: SmartLetter[];
}

/** The BPV-begeleider ended the conversation with agreements that were not yet SMART. */
@ObjectType("NotSmartAcceptance")
export class NotSmartAcceptanceView {
  @Field(() => Date) acceptedAt: Date;
  @Field(() => Person) acceptedBy: Person;
  @Field(() => [NotSmartAgreement]) agreements: NotSmartAgreement[];
}

@ArgsType()
export class EndConversationArgs extends ConversationIdArgs {
  @Field(() => Boolean, {
    nullable: true,
    description:
      "Ends even though some agreements are not yet SMART (the choice is recorded). Without it, such an end is refused with CONFLICT `not_smart`, listing them in `extensions.agreements`.",
  })
  @IsOptional()
  @IsBoolean()
  acceptNotSmart?: boolean | null;
}

/** The conversation's new agreements that the domain's SMART check does not pass, today. */
export async function notSmartAgreements(
  services: Services,
  conversationId: string,
  manager: EntityManager = services.dataSource.manager,
): Promise<NotSmartAgreement[]> {
  const today = schoolToday(services.now());
  const agreements = await manager.find(Agreement, {
    where: { conversationId },
    order: { position: "ASC" },
  });
  return agreements
    .map((a, index) => ({
      id: a.id,
      number: index + 1,
      text: a.text,
      missing: checkSmart({ ...a, werkproces: null }, today).missing,
    }))
    .filter((a) => a.missing.length > 0);
}

/** The refusal that lists the agreements still to make SMART. */
export function notSmartError(agreements: NotSmartAgreement[]): GraphQLError {
  const list = agreements.map((a) => `${a.number} (${a.missing.join("")})`).join(", ");
  return new GraphQLError(
    `Some agreements are not yet SMART: ${list}. Make them SMART, or end anyway with acceptNotSmart: true.`,
    { extensions: { code: "CONFLICT", reason: "not_smart", agreements } },
  );
}

/** Records (and audits) that the begeleider ended with these agreements not yet SMART. */
export async function recordNotSmartAcceptance(
  services: Services,
  conversationId: string,
  actorId: string,
  agreements: NotSmartAgreement[],
): Promise<void> {
  const acceptedAt = services.now();
  await inTransaction(services.dataSource, async (tx) => {
    await tx.delete(NotSmartAcceptance, { conversationId });
    await tx.insert(NotSmartAcceptance, {
      id: randomUUID(),
      conversationId,
      acceptedById: actorId,
      acceptedAt,
      agreementsJson: JSON.stringify(agreements),
    });
    await services.audit.record(
      {
        actorId,
        action: "conversation.ended_not_smart",
        subjectType: "conversation",
        subjectId: conversationId,
        detail: { agreements: agreements.map((a) => ({ id: a.id, missing: a.missing })) },
      },
      tx,
    );
  });
}

/** The recorded acceptance, if the conversation was ended with agreements not yet SMART. */
export async function notSmartAcceptanceOf(
  manager: EntityManager,
  conversationId: string,
): Promise<NotSmartAcceptanceView | null> {
  const row = await manager.findOneBy(NotSmartAcceptance, { conversationId });
  if (!row) return null;
  const acceptedBy = await manager.findOneByOrFail(Person, { id: row.acceptedById });
  return {
    acceptedAt: row.acceptedAt,
    acceptedBy,
    agreements: JSON.parse(row.agreementsJson) as NotSmartAgreement[],
  };
}

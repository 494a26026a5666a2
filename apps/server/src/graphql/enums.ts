import {
  AGREEMENT_STATUSES,
  CONCLUSIONS,
  CONVERSATION_STATUSES,
  PHASE_KEYS,
  POK_PROBLEMS,
  ROLES,
} from "@driehoek/domain";
import { registerEnumType } from "type-graphql";

/** Turns a list of values into a GraphQL enum whose names equal the values. */
function enumOf<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
}

export const RoleEnum = enumOf(ROLES);
export const PhaseEnum = enumOf(PHASE_KEYS);
export const ConversationStatusEnum = enumOf(CONVERSATION_STATUSES);
export const ConversationModeEnum = enumOf(["in_person", "online"] as const);
export const AgreementStatusEnum = enumOf(AGREEMENT_STATUSES);
export const ConclusionEnum = enumOf(CONCLUSIONS);
export const PokProblemEnum = enumOf(POK_PROBLEMS);

registerEnumType(RoleEnum, { name: "Role", description: "What a person is in Driehoek." });
registerEnumType(PhaseEnum, { name: "Phase", description: "The three phases of the guide." });
registerEnumType(ConversationStatusEnum, { name: "ConversationStatus" });
registerEnumType(ConversationModeEnum, { name: "ConversationMode" });
registerEnumType(AgreementStatusEnum, { name: "AgreementStatus" });
registerEnumType(ConclusionEnum, { name: "Conclusion", description: "Against the nominal line." });
registerEnumType(PokProblemEnum, { name: "PokProblem", description: "Why a POK is not valid." });

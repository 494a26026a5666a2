import "reflect-metadata";
import { createPubSub } from "@graphql-yoga/subscription";
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { AccountResolver } from "../modules/account/account.resolver.js";
import { AdminResolver } from "../modules/admin/admin.resolver.js";
import { AuthResolver } from "../modules/auth/auth.resolver.js";
import { CalendarResolver } from "../modules/calendar/calendar.resolver.js";
import { ConversationResolver } from "../modules/conversation/conversation.resolver.js";
import { ConversationChangedResolver } from "../modules/conversation/conversation-changed.subscription.js";
import { ConversationMovesResolver } from "../modules/conversation/conversation-moves.resolver.js";
import { SectionPeriodsResolver } from "../modules/conversation/section-periods.resolver.js";
import {
  ConversationDocumentsResolver,
  DocumentResolver,
} from "../modules/document/document.resolver.js";
import { ExportResolver } from "../modules/export/export.resolver.js";
import { GuideResolver } from "../modules/guide/guide.resolver.js";
import { InviteResolver } from "../modules/invite/invite.resolver.js";
import { MailResolver } from "../modules/mail/mail.resolver.js";
import {
  ConversationParticularsResolver,
  ParticularResolver,
} from "../modules/particular/particular.resolver.js";
import { PlacementResolver } from "../modules/placement/placement.resolver.js";
import { PlanningResolver } from "../modules/planning/planning.resolver.js";
import { ReportResolver } from "../modules/report/report.resolver.js";
import { RosterResolver } from "../modules/roster/roster.resolver.js";
import { ProgrammeResolver, StudentResolver } from "../modules/school/student.resolver.js";
import { SessionResolver } from "../modules/session/session.resolver.js";
import { ArchiveResolver } from "../modules/signoff/archive.resolver.js";
import { NotSmartResolver } from "../modules/signoff/not-smart.resolver.js";
import { SignOffResolver } from "../modules/signoff/signoff.resolver.js";
import { StudentRecordResolver } from "../modules/student/student.resolver.js";
import { TalkResolver } from "../modules/talk/talk.resolver.js";
import { WerkprocesResolver } from "../modules/werkprocessen/werkproces.resolver.js";

/** Every resolver of the API. */
export const RESOLVERS = [
  AuthResolver,
  GuideResolver,
  ConversationResolver,
  ConversationMovesResolver,
  ConversationChangedResolver,
  PlacementResolver,
  StudentResolver,
  ProgrammeResolver,
  InviteResolver,
  SignOffResolver,
  ArchiveResolver,
  ParticularResolver,
  ConversationParticularsResolver,
  ExportResolver,
  ReportResolver,
  PlanningResolver,
  MailResolver,
  RosterResolver,
  AccountResolver,
  AdminResolver,
  CalendarResolver,
  DocumentResolver,
  ConversationDocumentsResolver,
  WerkprocesResolver,
  SectionPeriodsResolver,
  StudentRecordResolver,
  NotSmartResolver,
  SessionResolver,
  TalkResolver,
] as const;

/** Builds the executable schema; `emitTo` also writes the SDL (the committed schema.graphql). */
export function buildApiSchema(emitTo?: string): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    // Validation errors name the failed constraints but never echo the input back: no
    // password in an error response, no 600 kB string returned twice.
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    // Subscriptions here bring their own `subscribe` (authorized per conversation); type-graphql
    // still insists on a PubSub being configured.
    pubSub: createPubSub(),
    emitSchemaFile: emitTo ? { path: emitTo, sortedSchema: false } : false,
  });
}

import { PasswordLink } from "../modules/account/password-link.entity.js";
import { Agreement } from "../modules/agreement/agreement.entity.js";
import { AuditEntry } from "../modules/audit/audit-entry.entity.js";
import { SchoolCalendarRow } from "../modules/calendar/school-calendar.entity.js";
import { Conversation } from "../modules/conversation/conversation.entity.js";
import { ConversationParticipant } from "../modules/conversation/participant.entity.js";
import { PhasePeriod } from "../modules/conversation/phase-period.entity.js";
import { SectionPeriod } from "../modules/conversation/section-period.entity.js";
import { ConversationDocument } from "../modules/document/document.entity.js";
import { Invite } from "../modules/invite/invite.entity.js";
import { OutboxMail } from "../modules/mail/outbox-mail.entity.js";
import { Particular } from "../modules/particular/particular.entity.js";
import { Person } from "../modules/people/person.entity.js";
import { Placement } from "../modules/placement/placement.entity.js";
import { PlacementFrequency } from "../modules/placement/placement-frequency.entity.js";
import { ConversationPlan } from "../modules/planning/conversation-plan.entity.js";
import { Company, CompanyRecognition } from "../modules/school/company.entity.js";
import { Programme } from "../modules/school/programme.entity.js";
import { Student } from "../modules/school/student.entity.js";
import { Werkproces } from "../modules/school/werkproces.entity.js";
import { StaffSession } from "../modules/session/staff-session.entity.js";
import { Setting } from "../modules/setting/setting.entity.js";
import { NotSmartAcceptance } from "../modules/signoff/not-smart-acceptance.entity.js";
import { RecordEdit } from "../modules/signoff/record-edit.entity.js";
import { Signature } from "../modules/signoff/signature.entity.js";
import { TalkInterval } from "../modules/talk/talk-interval.entity.js";
import { PlacementWerkproces } from "../modules/werkprocessen/placement-werkproces.entity.js";

/** Every entity the data source maps. */
export const ENTITIES = [
  Setting,
  Programme,
  Werkproces,
  Company,
  CompanyRecognition,
  Person,
  Student,
  Placement,
  PlacementFrequency,
  Conversation,
  ConversationParticipant,
  PhasePeriod,
  Invite,
  Agreement,
  Particular,
  AuditEntry,
  Signature,
  ConversationPlan,
  OutboxMail,
  PasswordLink,
  SchoolCalendarRow,
  ConversationDocument,
  PlacementWerkproces,
  SectionPeriod,
  RecordEdit,
  NotSmartAcceptance,
  StaffSession,
  TalkInterval,
];

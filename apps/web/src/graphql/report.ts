/**
 * The staff reports (the /overzicht page): operations and the shapes this app selects of them.
 * Every report answers only with the rows the caller may see; the page joins them to the
 * placements (`STAFF_PLACEMENTS`) for the programme, cohort and begeleider filters.
 */

import { gql, type TypedDocumentNode } from "@apollo/client";
import type {
  AgreementStatus,
  Conclusion,
  ConversationStatus,
  PokProblem,
  Role,
} from "@driehoek/domain";

/** A placement as the staff page knows it: who, which programme and cohort, which begeleider. */
export interface ReportPlacement {
  id: string;
  companyName: string;
  student: { id: string; name: string };
  /** The student's enrolment; its id is the `studentId` of conclusion points. */
  enrolment: { id: string; cohort: string };
  programme: { id: string; crebo: string; name: string };
  begeleider: { id: string; name: string };
  /** Oldest first. */
  conversations: { id: string; scheduledAt: string; status: ConversationStatus }[];
}

/** A placement behind the frequency rule. */
export interface OverdueConversationRow {
  studentName: string;
  placement: { id: string };
  frequency: {
    periodStart: string;
    periodEnd: string;
    required: number;
    held: number;
    missed: number;
    nextDueDate: string | null;
  };
}

/** A placement whose POK is invalid today or ends soon. */
export interface PokIssueRow {
  studentName: string;
  placement: { id: string };
  isValid: boolean;
  problems: PokProblem[];
  expiresSoon: boolean;
  pokEndDate: string;
}

/** One conversation's conclusion, for the line against the nominal line. */
export interface ConclusionPointRow {
  conversationId: string;
  studentId: string;
  studentName: string;
  /** YYYY-MM-DD. */
  date: string;
  conclusion: Conclusion;
  /** +1 ahead, 0 on schedule, −1 behind. */
  score: number;
}

/** What conclusions are grouped by in the distribution. */
export type ConclusionGrouping = "programme" | "cohort" | "begeleider";

/** How many conclusions of each kind one group has. */
export interface ConclusionCountRow {
  /** A crebo, a cohort or a begeleider's name. */
  group: string;
  voor: number;
  opSchema: number;
  achter: number;
}

/** An open agreement past its due date. */
export interface OverdueAgreementRow {
  studentName: string;
  daysOverdue: number;
  agreement: {
    id: string;
    conversationId: string;
    text: string;
    owner: Role | null;
    dueDate: string | null;
    status: AgreementStatus;
  };
}

/** A particular (bijzonderheid) flagged in a conversation. */
export interface ParticularRow {
  id: string;
  text: string;
  createdAt: string;
  handledAt: string | null;
  createdBy: { id: string; name: string };
  conversation: { id: string; placement: { id: string; student: { id: string; name: string } } };
}

type NoVariables = Record<string, never>;

/** The placements the caller may see, with what the filters need. */
export const STAFF_PLACEMENTS: TypedDocumentNode<
  { staffDirectory: ReportPlacement[] },
  NoVariables
> = gql`
    query StaffPlacements {
      staffDirectory {
        id
        companyName
        student {
          id
          name
        }
        enrolment {
          id
          cohort
        }
        programme {
          id
          crebo
          name
        }
        begeleider {
          id
          name
        }
        conversations {
          id
          scheduledAt
          status
        }
      }
    }
  `;

/** Placements behind the frequency rule today. */
export const OVERDUE_CONVERSATIONS: TypedDocumentNode<
  { overdueConversations: OverdueConversationRow[] },
  NoVariables
> = gql`
  query OverdueConversations {
    overdueConversations {
      studentName
      placement {
        id
      }
      frequency {
        periodStart
        periodEnd
        required
        held
        missed
        nextDueDate
      }
    }
  }
`;

/** Placements whose POK is invalid today or ends within `withinDays`. */
export const POK_ISSUES: TypedDocumentNode<{ pokIssues: PokIssueRow[] }, { withinDays: number }> =
  gql`
    query PokIssues($withinDays: Int!) {
      pokIssues(withinDays: $withinDays) {
        studentName
        placement {
          id
        }
        isValid
        problems
        expiresSoon
        pokEndDate
      }
    }
  `;

/** Every conclusion drawn, per student, oldest first. */
export const CONCLUSIONS_OVER_TIME: TypedDocumentNode<
  { conclusionsOverTime: ConclusionPointRow[] },
  NoVariables
> = gql`
  query ConclusionsOverTime {
    conclusionsOverTime {
      conversationId
      studentId
      studentName
      date
      conclusion
      score
    }
  }
`;

/** The conclusions counted per programme, cohort or begeleider. */
export const CONCLUSION_DISTRIBUTION: TypedDocumentNode<
  { conclusionDistribution: ConclusionCountRow[] },
  { groupBy: ConclusionGrouping }
> = gql`
  query ConclusionDistribution($groupBy: ConclusionGrouping!) {
    conclusionDistribution(groupBy: $groupBy) {
      group
      voor
      opSchema
      achter
    }
  }
`;

/** Open agreements past their due date. */
export const OVERDUE_AGREEMENTS: TypedDocumentNode<
  { overdueAgreements: OverdueAgreementRow[] },
  NoVariables
> = gql`
  query OverdueAgreements {
    overdueAgreements {
      studentName
      daysOverdue
      agreement {
        id
        conversationId
        text
        owner
        dueDate
        status
      }
    }
  }
`;

const PARTICULAR_FIELDS = gql`
  fragment StaffParticularFields on Particular {
    id
    text
    createdAt
    handledAt
    createdBy {
      id
      name
    }
    conversation {
      id
      placement {
        id
        student {
          id
          name
        }
      }
    }
  }
`;

/** The particulars of the conversations the caller may see: the open or the handled ones. */
export const PARTICULARS: TypedDocumentNode<
  { particulars: ParticularRow[] },
  { handled: boolean }
> = gql`
  query Particulars($handled: Boolean) {
    particulars(handled: $handled) {
      ...StaffParticularFields
    }
  }
  ${PARTICULAR_FIELDS}
`;

/** Trajectbegeleider or admin: marks a particular handled. */
export const MARK_PARTICULAR_HANDLED: TypedDocumentNode<
  { markParticularHandled: ParticularRow },
  { particularId: string }
> = gql`
  mutation MarkParticularHandled($particularId: ID!) {
    markParticularHandled(particularId: $particularId) {
      ...StaffParticularFields
    }
  }
  ${PARTICULAR_FIELDS}
`;

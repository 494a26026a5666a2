import type {
  ConclusionPointRow,
  NotEnteredRow,
  OverdueAgreementRow,
  OverdueConversationRow,
  ParticularRow,
  PokIssueRow,
  ReportPlacement,
} from "../../graphql/report";

/** What the staff page knows of a placement: what its rows show and are filtered on. */
export interface ReportFacets {
  placementId: string;
  /** The student's id (their enrolment), for the student page. */
  studentId: string;
  studentName: string;
  companyName: string;
  programme: { crebo: string; name: string };
  cohort: string;
  begeleider: { id: string; name: string };
  /** The placement's most recent conversation (planned ones too), to open from a row. */
  latestConversation: ReportPlacement["conversations"][number] | null;
}

/** Looks up a placement's facets by the ids the reports answer with. */
export interface PlacementDirectory {
  /** Every placement, as facets. */
  all: ReportFacets[];
  byPlacement(placementId: string): ReportFacets | undefined;
  byConversation(conversationId: string): ReportFacets | undefined;
}

/** One row of a report, joined to its placement. */
export interface ReportRow<T> {
  /** Unique within its report, for `v-for`. */
  key: string;
  studentName: string;
  /** Undefined while the placements load (or for a placement the caller no longer sees). */
  facets: ReportFacets | undefined;
  /** The conversation this row opens, if there is one. */
  conversationId: string | null;
  item: T;
}

/** Indexes the placements by placement and by conversation id. */
export function placementDirectory(placements: readonly ReportPlacement[]): PlacementDirectory {
  const byPlacement = new Map<string, ReportFacets>();
  const byConversation = new Map<string, ReportFacets>();
  for (const placement of placements) {
    const facets: ReportFacets = {
      placementId: placement.id,
      studentId: placement.enrolment.id,
      studentName: placement.student.name,
      companyName: placement.companyName,
      programme: { crebo: placement.programme.crebo, name: placement.programme.name },
      cohort: placement.enrolment.cohort,
      begeleider: { id: placement.begeleider.id, name: placement.begeleider.name },
      latestConversation: latestOf(placement.conversations),
    };
    byPlacement.set(placement.id, facets);
    for (const conversation of placement.conversations) {
      byConversation.set(conversation.id, facets);
    }
  }
  return {
    all: [...byPlacement.values()],
    byPlacement: (id) => byPlacement.get(id),
    byConversation: (id) => byConversation.get(id),
  };
}

function latestOf(conversations: ReportPlacement["conversations"]) {
  let latest: ReportPlacement["conversations"][number] | null = null;
  for (const conversation of conversations) {
    if (!latest || conversation.scheduledAt > latest.scheduledAt) latest = conversation;
  }
  return latest;
}

/** Rows about a placement, each opening the placement's latest conversation. */
function placementRows<T extends { studentName: string; placement: { id: string } }>(
  rows: readonly T[],
  directory: PlacementDirectory,
): ReportRow<T>[] {
  return rows.map((item) => {
    const facets = directory.byPlacement(item.placement.id);
    return {
      key: item.placement.id,
      studentName: item.studentName,
      facets,
      conversationId: facets?.latestConversation?.id ?? null,
      item,
    };
  });
}

/** Overdue placements, each opening the placement's latest conversation. */
export const overdueRows: (
  rows: readonly OverdueConversationRow[],
  directory: PlacementDirectory,
) => ReportRow<OverdueConversationRow>[] = placementRows;

/** POK issues, each opening the placement's latest conversation. */
export const pokRows: (
  rows: readonly PokIssueRow[],
  directory: PlacementDirectory,
) => ReportRow<PokIssueRow>[] = placementRows;

/** Conclusion points, each opening the conversation it was drawn in. */
export function conclusionRows(
  rows: readonly ConclusionPointRow[],
  directory: PlacementDirectory,
): ReportRow<ConclusionPointRow>[] {
  return rows.map((item) => ({
    key: item.conversationId,
    studentName: item.studentName,
    facets: directory.byConversation(item.conversationId),
    conversationId: item.conversationId,
    item,
  }));
}

/** Overdue agreements, each opening the conversation that made it. */
export function agreementRows(
  rows: readonly OverdueAgreementRow[],
  directory: PlacementDirectory,
): ReportRow<OverdueAgreementRow>[] {
  return rows.map((item) => ({
    key: item.agreement.id,
    studentName: item.studentName,
    facets: directory.byConversation(item.agreement.conversationId),
    conversationId: item.agreement.conversationId,
    item,
  }));
}

/** Particulars, each opening the conversation it was flagged in. */
export function particularRows(
  rows: readonly ParticularRow[],
  directory: PlacementDirectory,
): ReportRow<ParticularRow>[] {
  return rows.map((item) => ({
    key: item.id,
    studentName: item.conversation.placement.student.name,
    facets: directory.byPlacement(item.conversation.placement.id),
    conversationId: item.conversation.id,
    item,
  }));
}

/** Signed conversations not yet entered into the student system, each opening its conversation. */
export function notEnteredRows(
  rows: readonly NotEnteredRow[],
  directory: PlacementDirectory,
): ReportRow<NotEnteredRow>[] {
  return rows.map((item) => ({
    key: item.conversationId,
    studentName: item.studentName,
    facets: directory.byPlacement(item.placementId),
    conversationId: item.conversationId,
    item,
  }));
}

import {
  type AgreementDraft,
  checkPok,
  checkSmart,
  type FrequencyStatus,
  type FrequencyWindow,
  isHeld,
  schoolDate,
} from "@driehoek/domain";
import { type EntityManager, In } from "typeorm";
import type { RequestContext } from "../../context.js";
import { Agreement } from "../agreement/agreement.entity.js";
import { Conversation } from "../conversation/conversation.entity.js";
import { ConversationParticipant } from "../conversation/participant.entity.js";
import { Person } from "../people/person.entity.js";
import { ensureFrequencyJudged, judgePlacement } from "../placement/frequency-state.js";
import type { Placement } from "../placement/placement.entity.js";
import { PlacementFrequency } from "../placement/placement-frequency.entity.js";
import { pokFactsOf } from "../placement/pok-facts.js";
import { todayOf } from "../report/report-scope.js";
import { Company } from "../school/company.entity.js";
import { Programme } from "../school/programme.entity.js";
import type { Student } from "../school/student.entity.js";
import { Werkproces } from "../school/werkproces.entity.js";
import type {
  FrequencyWindowType,
  StudentAgreement,
  StudentConversation,
  StudentPlacement,
  StudentRecord,
  StudentRef,
  WindowState,
} from "./student.types.js";

/*
 * A student's page: their placements in the caller's view with the POK check (`checkPok` over
 * `pokFactsOf`, as the placement's own `pokCheck`), the frequency rule's stored verdict and its
 * windows (`judgePlacement`: the domain's `frequencyStatus` with the school calendar), and every
 * conversation of those placements with its conclusions and agreements. A fixed number of
 * queries per placement, and one per kind of row for all conversations together.
 */

/** Person names by id, in one query. */
async function namesOf(
  manager: EntityManager,
  ids: Iterable<string>,
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const people = await manager.find(Person, {
    where: { id: In(unique) },
    select: { id: true, name: true },
  });
  return new Map(people.map((p) => [p.id, p.name]));
}

const refOf = (names: Map<string, string>, id: string): StudentRef => ({
  id,
  name: names.get(id) ?? "",
});

/** A window's state on `today`. */
function stateOf(window: FrequencyWindow, today: string): WindowState {
  if (window.covered) return "covered";
  if (window.missed) return "missed";
  return window.start <= today ? "current" : "upcoming";
}

/** The windows of a judgement, each with the held conversations that fall in it. */
function windowsOf(
  status: FrequencyStatus,
  held: readonly { id: string; date: string }[],
  today: string,
): FrequencyWindowType[] {
  return status.windows.map((w) => ({
    start: w.start,
    end: w.end,
    state: stateOf(w, today),
    conversationIds: held.filter((c) => w.start <= c.date && c.date <= w.end).map((c) => c.id),
  }));
}

/** The agreements of `conversations`, per conversation, each with its SMART check. */
async function agreementsOf(
  manager: EntityManager,
  conversations: readonly Conversation[],
): Promise<Map<string, StudentAgreement[]>> {
  const byConversation = new Map<string, StudentAgreement[]>();
  if (conversations.length === 0) return byConversation;
  const agreements = await manager.find(Agreement, {
    where: { conversationId: In(conversations.map((c) => c.id)) },
    order: { position: "ASC", id: "ASC" },
  });
  const werkprocesIds = agreements.flatMap((a) => (a.werkprocesId ? [a.werkprocesId] : []));
  const werkprocessen =
    werkprocesIds.length === 0
      ? []
      : await manager.find(Werkproces, { where: { id: In([...new Set(werkprocesIds)]) } });
  const codes = new Map(werkprocessen.map((w) => [w.id, w.code]));
  // An agreement is judged SMART on the day it was made: its due date was then ahead.
  const madeOn = new Map(
    conversations.map((c) => [c.id, schoolDate(c.endedAt ?? c.startedAt ?? c.scheduledAt)]),
  );
  for (const a of agreements) {
    const werkproces = a.werkprocesId ? (codes.get(a.werkprocesId) ?? null) : null;
    const draft: AgreementDraft = {
      text: a.text,
      owner: a.owner,
      dueDate: a.dueDate,
      measure: a.measure,
      firstStep: a.firstStep,
      werkproces,
    };
    const smart = checkSmart(draft, madeOn.get(a.conversationId) as string);
    const list = byConversation.get(a.conversationId) ?? [];
    list.push({
      id: a.id,
      text: a.text,
      owner: a.owner,
      dueDate: a.dueDate,
      measure: a.measure,
      firstStep: a.firstStep,
      werkproces,
      smart: { isComplete: smart.isComplete, missing: smart.missing },
      status: a.status,
      reviewNote: a.reviewNote,
      reviewedInId: a.reviewedInId,
    });
    byConversation.set(a.conversationId, list);
  }
  return byConversation;
}

/** The BPV-begeleider who took part in each conversation, by conversation id. */
async function begeleidersOf(
  manager: EntityManager,
  conversationIds: readonly string[],
): Promise<Map<string, string>> {
  if (conversationIds.length === 0) return new Map();
  const participants = await manager.find(ConversationParticipant, {
    where: { conversationId: In([...conversationIds]), role: "bpv_begeleider" },
  });
  return new Map(participants.map((p) => [p.conversationId, p.personId]));
}

/** The student's page as `StudentRecord`, over `placements` (those in the caller's view). */
export async function studentRecord(
  ctx: RequestContext,
  student: Student,
  placements: readonly Placement[],
): Promise<StudentRecord> {
  const { dataSource } = ctx.services;
  const manager = dataSource.manager;
  const today = todayOf(ctx);
  await ensureFrequencyJudged(dataSource, today);
  const placementIds = placements.map((p) => p.id);

  const [programme, companies, verdicts, conversations] = await Promise.all([
    manager.findOneByOrFail(Programme, { id: student.programmeId }),
    manager.find(Company, { where: { id: In(placements.map((p) => p.companyId)) } }),
    manager.find(PlacementFrequency, { where: { placementId: In(placementIds) } }),
    manager.find(Conversation, {
      where: { placementId: In(placementIds) },
      // Not the record or the notes: the page shows none of their text.
      select: {
        id: true,
        placementId: true,
        scheduledAt: true,
        status: true,
        mode: true,
        startedAt: true,
        endedAt: true,
        signedAt: true,
        conclusion: true,
        conclusionMotivation: true,
        studentConclusion: true,
        studentMotivation: true,
      },
      order: { scheduledAt: "DESC", id: "DESC" },
    }),
  ]);
  const [agreements, begeleiders] = await Promise.all([
    agreementsOf(manager, conversations),
    begeleidersOf(
      manager,
      conversations.map((c) => c.id),
    ),
  ]);
  const names = await namesOf(manager, [
    student.personId,
    ...(student.trajectbegeleiderId ? [student.trajectbegeleiderId] : []),
    ...placements.flatMap((p) => [p.praktijkopleiderId, p.begeleiderId]),
    ...begeleiders.values(),
  ]);
  const companyNames = new Map(companies.map((c) => [c.id, c.name]));
  const verdictOf = new Map(verdicts.map((v) => [v.placementId, v]));
  const placementOf = new Map(placements.map((p) => [p.id, p]));

  const studentPlacements: StudentPlacement[] = [];
  for (const p of placements) {
    const held = conversations
      .filter((c) => c.placementId === p.id && isHeld(c.status))
      .map((c) => ({ id: c.id, date: schoolDate(c.scheduledAt) }));
    const { isValid, problems } = checkPok(await pokFactsOf(manager, p, today), today);
    // The windows come from the rule itself; the verdict as stored (the reports read it).
    const judged = await judgePlacement(manager, p, today);
    studentPlacements.push({
      id: p.id,
      companyName: companyNames.get(p.companyId) ?? "",
      praktijkopleider: refOf(names, p.praktijkopleiderId),
      begeleider: refOf(names, p.begeleiderId),
      startDate: p.startDate,
      endDate: p.endDate,
      hoursPerWeek: p.hoursPerWeek,
      pok: { isValid, problems, endDate: p.pokEndDate },
      frequency: verdictOf.get(p.id) ?? { ...judged, judgedOn: today, placementId: p.id },
      windows: windowsOf(judged, held, today),
    });
  }

  const studentConversations: StudentConversation[] = conversations.map((c) => {
    const placement = placementOf.get(c.placementId) as Placement;
    return {
      id: c.id,
      placementId: c.placementId,
      scheduledAt: c.scheduledAt,
      status: c.status,
      mode: c.mode,
      begeleider: refOf(names, begeleiders.get(c.id) ?? placement.begeleiderId),
      signedAt: c.signedAt,
      conclusion: c.conclusion,
      conclusionMotivation: c.conclusionMotivation,
      studentConclusion: c.studentConclusion,
      studentMotivation: c.studentMotivation,
      agreements: agreements.get(c.id) ?? [],
    };
  });

  return {
    id: student.id,
    name: names.get(student.personId) ?? "",
    studentNumber: student.studentNumber,
    programmeName: programme.name,
    crebo: programme.crebo,
    cohort: student.cohort,
    leerweg: student.leerweg ?? null,
    trajectbegeleider: student.trajectbegeleiderId
      ? refOf(names, student.trajectbegeleiderId)
      : null,
    placements: studentPlacements,
    conversations: studentConversations,
  };
}

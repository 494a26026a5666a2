import {
  type CalendarLookup,
  type FrequencyStatus,
  frequencyStatus,
  HELD_STATUSES,
  schoolDate,
  schoolToday,
} from "@driehoek/domain";
import { type DataSource, type EntityManager, In } from "typeorm";
import type { Services } from "../../context.js";
import { withAdvisoryLock } from "../../db/advisory-lock.js";
import { refreshPlannerStatistics } from "../../db/data-source.js";
import { inTransaction } from "../../db/transaction.js";
import { loggerFor } from "../../log/logger.js";
import { calendarsOf } from "../calendar/calendar-store.js";
import { Conversation } from "../conversation/conversation.entity.js";
import { Placement } from "./placement.entity.js";
import { PlacementFrequency } from "./placement-frequency.entity.js";
import { judgePokState } from "./pok-state.js";

/*
 * The frequency rule has one implementation, the domain's `frequencyStatus()`. This file keeps
 * its verdict per placement in placement_frequency, so reports filter and sort on columns:
 * - after every change that can alter it — a conversation planned, held, signed or removed, a
 *   placement written — the code making that change calls `refreshFrequency` in its transaction;
 * - it depends on the school calendar too (leerwerkperiodes, holidays): saving a calendar judges
 *   every placement again (`refreshAllFrequency`);
 * - the verdict also depends on the date, so once a day (and on start-up) every placement whose
 *   verdict is of another day is judged again (`refreshStaleFrequency`). Readers call
 *   `ensureFrequencyJudged` first, so a report right after midnight does not judge yesterday.
 */

/** Placements judged per statement (bounded by SQLite's parameter limit). */
const BATCH = 500;

/** How often the server looks for verdicts of another day. */
const CHECK_EVERY_MS = 15 * 60_000;

/** The held dates (the school's dates of held conversations) of each placement in `placementIds`. */
async function heldDatesOf(
  manager: EntityManager,
  placementIds: readonly string[],
): Promise<Map<string, string[]>> {
  const held = await manager.find(Conversation, {
    where: { placementId: In([...placementIds]), status: In([...HELD_STATUSES]) },
    select: { placementId: true, scheduledAt: true },
  });
  const heldDates = new Map<string, string[]>();
  for (const c of held) {
    const dates = heldDates.get(c.placementId) ?? [];
    dates.push(schoolDate(c.scheduledAt));
    heldDates.set(c.placementId, dates);
  }
  return heldDates;
}

/** The domain's verdict on one placement today, with the school's calendars (not stored). */
export async function judgePlacement(
  manager: EntityManager,
  placement: Pick<Placement, "id" | "startDate" | "endDate">,
  today: string,
): Promise<FrequencyStatus> {
  const heldDates = await heldDatesOf(manager, [placement.id]);
  return frequencyStatus({
    placementStart: placement.startDate,
    placementEnd: placement.endDate,
    heldDates: heldDates.get(placement.id) ?? [],
    today,
    calendars: await calendarsOf(manager),
  });
}

/**
 * Locks the stored verdicts of `placementIds` (those there are) for the rest of the transaction,
 * in one order, before they are judged again: two transactions judging one placement (a
 * conversation ended while an admin changes the placement's dates) take turns, and the second
 * judges with what the first committed instead of storing its own, older, view over it. On
 * SQLite transactions already take turns. The locks are the rows' own (a retention run judges
 * thousands of placements in one transaction; decision 0016).
 */
async function lockVerdicts(manager: EntityManager, placementIds: readonly string[]) {
  if (manager.connection.options.type !== "postgres") return;
  await manager.query(
    `SELECT placement_id FROM placement_frequency WHERE placement_id = ANY($1)
       ORDER BY placement_id FOR UPDATE`,
    [placementIds],
  );
}

/** Judges `placementIds` on `today` with the domain's rule and stores the verdicts. */
export async function refreshFrequency(
  manager: EntityManager,
  placementIds: string | readonly string[],
  today: string,
  calendars?: CalendarLookup,
): Promise<void> {
  const ids = [...new Set(typeof placementIds === "string" ? [placementIds] : placementIds)];
  const lookup = calendars ?? (await calendarsOf(manager));
  for (let i = 0; i < ids.length; i += BATCH) {
    const chunk = ids.slice(i, i + BATCH);
    await lockVerdicts(manager, chunk);
    const placements = await manager.find(Placement, {
      where: { id: In(chunk) },
      select: { id: true, startDate: true, endDate: true },
    });
    const heldDates = await heldDatesOf(manager, chunk);
    const rows: PlacementFrequency[] = placements.map((p) => {
      const f = frequencyStatus({
        placementStart: p.startDate,
        placementEnd: p.endDate,
        heldDates: heldDates.get(p.id) ?? [],
        today,
        calendars: lookup,
      });
      return {
        placementId: p.id,
        periodStart: f.periodStart,
        periodEnd: f.periodEnd,
        required: f.required,
        held: f.held,
        missed: f.missed,
        nextDueDate: f.nextDueDate,
        isOverdue: f.isOverdue,
        isCurrent: f.isCurrent,
        proposedDate: f.proposedDate,
        judgedOn: today,
      };
    });
    if (rows.length > 0) await manager.upsert(PlacementFrequency, rows, ["placementId"]);
  }
}

/**
 * Judges again every placement whose verdict is missing or of another day than `today`, a
 * batch per transaction; returns how many were judged. Fresh verdicts are left alone.
 */
export async function refreshStaleFrequency(
  dataSource: DataSource,
  today: string,
): Promise<number> {
  const stale: { id: string }[] = await dataSource
    .createQueryBuilder()
    .select("p.id", "id")
    .from("placement", "p")
    .leftJoin("placement_frequency", "f", "f.placement_id = p.id")
    .where("f.placement_id IS NULL OR f.judged_on <> :today", { today })
    .getRawMany();
  return judgeInBatches(
    dataSource,
    stale.map((row) => row.id),
    today,
  );
}

/**
 * Judges every placement again, a batch per transaction (after a school calendar changed);
 * returns how many were judged.
 */
export async function refreshAllFrequency(dataSource: DataSource, today: string): Promise<number> {
  const all: { id: string }[] = await dataSource
    .createQueryBuilder()
    .select("p.id", "id")
    .from("placement", "p")
    .getRawMany();
  return judgeInBatches(
    dataSource,
    all.map((row) => row.id),
    today,
  );
}

async function judgeInBatches(
  dataSource: DataSource,
  ids: readonly string[],
  today: string,
): Promise<number> {
  if (ids.length === 0) return 0;
  const calendars = await calendarsOf(dataSource.manager);
  for (let i = 0; i < ids.length; i += BATCH) {
    await inTransaction(dataSource, (tx) =>
      refreshFrequency(tx, ids.slice(i, i + BATCH), today, calendars),
    );
  }
  return ids.length;
}

/** Per data source: the day every verdict was last made fresh for, or the run doing it. */
const judgedThrough = new WeakMap<DataSource, { day: string; run: Promise<unknown> }>();

/**
 * Makes sure every placement's verdict is of `today` before it is read: a no-op once this
 * process refreshed the stale ones for `today`, else the refresh (shared by concurrent callers).
 * Server processes sharing a PostgreSQL database take turns (an advisory lock): the first
 * judges, the others wait for it and then find nothing stale, so the work is done once.
 */
export async function ensureFrequencyJudged(dataSource: DataSource, today: string): Promise<void> {
  const known = judgedThrough.get(dataSource);
  if (known?.day === today) {
    await known.run;
    return;
  }
  const run = withAdvisoryLock(dataSource, "frequency-refresh", () =>
    refreshStaleFrequency(dataSource, today),
  );
  judgedThrough.set(dataSource, { day: today, run });
  try {
    await run;
  } catch (error) {
    if (judgedThrough.get(dataSource)?.run === run) judgedThrough.delete(dataSource);
    throw error;
  }
}

/** The daily judgement, started with the server. */
export interface FrequencyClock {
  /** Stops the timer and waits for a refresh under way. */
  stop(): Promise<void>;
}

/**
 * Judges stale verdicts and the POKs' kept state now (on start-up) and whenever the school's date
 * has moved on since (checked every quarter of an hour; a check on a fresh day costs nothing); on
 * a new day it also refreshes SQLite's planner statistics.
 */
export function startFrequencyClock(services: Services): FrequencyClock {
  let running: Promise<void> = Promise.resolve();
  let statisticsOf: string | null = null;
  const check = () => {
    running = running
      .then(async () => {
        const today = schoolToday(services.now());
        await ensureFrequencyJudged(services.dataSource, today);
        // The POK's kept state is judged for the day too (the POK issues report reads it).
        await judgePokState(services.dataSource, today);
        // Once a day too: SQLite's planner statistics, as the data grows (cheap when unchanged).
        if (statisticsOf !== today) {
          await refreshPlannerStatistics(services.dataSource);
          statisticsOf = today;
        }
      })
      .catch((error: unknown) => {
        loggerFor(services.config).error(
          { err: error },
          "frequency: judging the placements failed",
        );
      });
  };
  check();
  const timer = setInterval(check, CHECK_EVERY_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

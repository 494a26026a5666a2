import type { ParticipantRole, PhaseKey } from "@driehoek/domain";

/*
 * The rules a batch of speaking intervals must meet before anything is stored, as pure
 * functions over plain moments (ms since the epoch), so they are tested without a database.
 * docs/TALK-METER.md explains the numbers.
 */

/** Bounds on what one call may bring and how often. */
export const TALK_LIMITS = {
  /** Intervals in one call. */
  perCall: 120,
  /** One interval at most (clients split longer speech; a two-minute turn is plausible). */
  maxIntervalMs: 2 * 60_000,
  /** Calls per person per conversation in `rateWindowMs`. */
  callsPerWindow: 30,
  rateWindowMs: 60_000,
  /** How far a device's clock may run ahead of or behind the server's. */
  clockSkewMs: 10_000,
  /** Overlap with the same role's stored speech that is merged away rather than refused. */
  overlapToleranceMs: 1_500,
  /** Two intervals of one role this close together are one. */
  mergeGapMs: 300,
} as const;

/** A span of time in ms since the epoch, end after start. */
export interface Span {
  start: number;
  end: number;
}

/** One interval as submitted, with the role it is counted for. */
export interface SubmittedSpan extends Span {
  role: ParticipantRole;
}

/** Why a batch is refused; each reason has a plain message. */
export class TalkRefusal extends Error {}

/**
 * Checks and normalises a batch against the conversation's span `[from, to]` (to = now for a
 * running conversation): end after start, at most `maxIntervalMs` long, inside the span (a
 * clock running up to `clockSkewMs` off is clamped, more is refused). Returns per role the
 * intervals sorted and merged (touching or overlapping ones become one).
 */
export function normaliseBatch(
  batch: SubmittedSpan[],
  from: number,
  to: number,
): Map<ParticipantRole, Span[]> {
  if (batch.length > TALK_LIMITS.perCall) {
    throw new TalkRefusal(`At most ${TALK_LIMITS.perCall} intervals per call.`);
  }
  const byRole = new Map<ParticipantRole, Span[]>();
  for (const [i, s] of batch.entries()) {
    if (!Number.isFinite(s.start) || !Number.isFinite(s.end) || s.end <= s.start) {
      throw new TalkRefusal(`Interval ${i + 1} ends before it starts.`);
    }
    if (s.end - s.start > TALK_LIMITS.maxIntervalMs) {
      throw new TalkRefusal(
        `Interval ${i + 1} is longer than ${TALK_LIMITS.maxIntervalMs / 1000} seconds.`,
      );
    }
    if (s.start < from - TALK_LIMITS.clockSkewMs || s.end > to + TALK_LIMITS.clockSkewMs) {
      throw new TalkRefusal(`Interval ${i + 1} lies outside the conversation.`);
    }
    const start = Math.max(s.start, from);
    const end = Math.min(s.end, to);
    if (end <= start) continue;
    const list = byRole.get(s.role) ?? [];
    list.push({ start, end });
    byRole.set(s.role, list);
  }
  for (const [role, list] of byRole) byRole.set(role, mergeSpans(list));
  return byRole;
}

/**
 * Sorts spans and joins those that overlap or lie within `gapMs` of each other. Overlap inside
 * one batch beyond `overlapToleranceMs` means a confused client: refused.
 */
export function mergeSpans(spans: Span[], gapMs: number = TALK_LIMITS.mergeGapMs): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of sorted) {
    const last = merged.at(-1);
    if (last && s.start <= last.end + gapMs) {
      if (last.end - s.start > TALK_LIMITS.overlapToleranceMs) {
        throw new TalkRefusal("Two intervals of one speaker overlap.");
      }
      last.end = Math.max(last.end, s.end);
    } else {
      merged.push({ ...s });
    }
  }
  return merged;
}

/**
 * What of `fresh` is not yet covered by `stored` (both of one role): overlap up to
 * `overlapToleranceMs` (a device resending the tail of its last interval) is cut away, more is
 * refused: the same speech would count twice.
 */
export function withoutStored(fresh: Span[], stored: Span[]): Span[] {
  const out: Span[] = [];
  for (const f of fresh) {
    let pieces: Span[] = [{ ...f }];
    for (const s of stored) {
      const overlap = Math.min(f.end, s.end) - Math.max(f.start, s.start);
      if (overlap <= 0) continue;
      if (overlap > TALK_LIMITS.overlapToleranceMs) {
        throw new TalkRefusal("An interval overlaps speech already reported for that speaker.");
      }
      pieces = pieces.flatMap((p) => {
        if (s.end <= p.start || s.start >= p.end) return [p];
        const rest: Span[] = [];
        if (p.start < s.start) rest.push({ start: p.start, end: s.start });
        if (s.end < p.end) rest.push({ start: s.end, end: p.end });
        return rest;
      });
    }
    out.push(...pieces.filter((p) => p.end > p.start));
  }
  return out;
}

/** A section period as the splitter needs it; `end` null while running. */
export interface PeriodSpan {
  phase: PhaseKey;
  section: string;
  start: number;
  end: number | null;
}

/** A piece of an interval inside one section period (phase and section null outside all). */
export interface PlacedSpan extends Span {
  phase: PhaseKey | null;
  section: string | null;
}

/** Splits a span at the section moves, so each piece belongs to exactly one section period. */
export function splitByPeriods(span: Span, periods: PeriodSpan[], now: number): PlacedSpan[] {
  const pieces: PlacedSpan[] = [];
  let cursor = span.start;
  const sorted = [...periods].sort((a, b) => a.start - b.start);
  for (const p of sorted) {
    const pEnd = p.end ?? Math.max(now, span.end);
    const start = Math.max(cursor, p.start);
    const end = Math.min(span.end, pEnd);
    if (end <= start) continue;
    if (start > cursor) pieces.push({ start: cursor, end: start, phase: null, section: null });
    pieces.push({ start, end, phase: p.phase, section: p.section });
    cursor = end;
  }
  if (cursor < span.end) pieces.push({ start: cursor, end: span.end, phase: null, section: null });
  return pieces;
}

/** A sliding window of call times per key: at most `limit` calls in `windowMs`. */
export class CallWindow {
  private readonly calls = new Map<string, number[]>();
  constructor(
    private readonly limit: number = TALK_LIMITS.callsPerWindow,
    private readonly windowMs: number = TALK_LIMITS.rateWindowMs,
  ) {}

  /** Counts a call at `now`; false (and not counted) when the key is over its limit. */
  take(key: string, now: number): boolean {
    const recent = (this.calls.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.calls.set(key, recent);
      return false;
    }
    recent.push(now);
    this.calls.set(key, recent);
    if (this.calls.size > 10_000) {
      for (const [k, times] of this.calls) {
        if (!times.some((t) => t > now - this.windowMs)) this.calls.delete(k);
      }
    }
    return true;
  }
}

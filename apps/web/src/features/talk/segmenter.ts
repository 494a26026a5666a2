/*
 * From "is this moment speech?" to speaking intervals, the same for every detector (the speech
 * model, the energy detector): pure and clocked by the caller, so tests feed it generated
 * signals without a browser. The rules (docs/TALK-METER.md):
 * - a pause shorter than `minSilenceMs` does not end the interval (breath, a consonant);
 * - an interval shorter than `minSpeechMs` is dropped (a cough, a click, a chair);
 * - an interval reaching `maxIntervalMs` is cut there and goes on as a new one, so the meter
 *   moves during a long turn too.
 */

/** A speaking interval in ms since the epoch. */
export interface TalkSpan {
  start: number;
  end: number;
}

export interface SegmenterOptions {
  minSpeechMs: number;
  minSilenceMs: number;
  maxIntervalMs: number;
}

export const SEGMENTER_DEFAULTS: SegmenterOptions = {
  minSpeechMs: 250,
  minSilenceMs: 600,
  maxIntervalMs: 10_000,
};

export class SpeechSegmenter {
  private readonly options: SegmenterOptions;
  /** Start of the interval being spoken, or null. */
  private start: number | null = null;
  /** When the current pause began (null while speaking). */
  private silentSince: number | null = null;

  constructor(options: Partial<SegmenterOptions> = {}) {
    this.options = { ...SEGMENTER_DEFAULTS, ...options };
  }

  /** Whether someone is speaking now (a short pause included). */
  get isSpeaking(): boolean {
    return this.start !== null;
  }

  /** Feeds one decision at moment `t`; returns the intervals this completes. */
  push(t: number, isSpeech: boolean): TalkSpan[] {
    const out: TalkSpan[] = [];
    const { minSpeechMs, minSilenceMs, maxIntervalMs } = this.options;
    if (isSpeech) {
      if (this.start === null) this.start = t;
      this.silentSince = null;
      if (t - this.start >= maxIntervalMs) {
        out.push({ start: this.start, end: this.start + maxIntervalMs });
        this.start += maxIntervalMs;
      }
      return out;
    }
    if (this.start === null) return out;
    if (this.silentSince === null) this.silentSince = t;
    if (t - this.silentSince >= minSilenceMs) {
      if (this.silentSince - this.start >= minSpeechMs) {
        out.push({ start: this.start, end: this.silentSince });
      }
      this.start = null;
      this.silentSince = null;
    }
    return out;
  }

  /** Ends whatever is open at `t` (turning the meter off, the conversation ending). */
  flush(t: number): TalkSpan[] {
    if (this.start === null) return [];
    const end = this.silentSince ?? t;
    const span = { start: this.start, end };
    this.start = null;
    this.silentSince = null;
    return end - span.start >= this.options.minSpeechMs ? [span] : [];
  }
}

/** Sorts spans and joins those that overlap or lie within `gapMs` of each other. */
export function mergeSpans(spans: readonly TalkSpan[], gapMs = 0): TalkSpan[] {
  const out: TalkSpan[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out.at(-1);
    if (last && s.start <= last.end + gapMs) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** Total length of spans, overlaps counted once. */
export function spokenMs(spans: readonly TalkSpan[]): number {
  return mergeSpans(spans).reduce((n, s) => n + (s.end - s.start), 0);
}

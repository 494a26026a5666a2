import { EnergyDetector, type EnergyOptions } from "./energy";
import { type SegmenterOptions, SpeechSegmenter, type TalkSpan } from "./segmenter";

/**
 * Runs the energy detector and the segmenter over a whole recorded signal in frames of
 * `frameMs`, with moments counted from `t0`: what the live detector does frame by frame,
 * for tests and for checking a recording.
 */
export function detectSpans(
  signal: Float32Array,
  sampleRate: number,
  options: {
    frameMs?: number;
    t0?: number;
    energy?: Partial<EnergyOptions>;
    segmenter?: Partial<SegmenterOptions>;
  } = {},
): TalkSpan[] {
  const frameMs = options.frameMs ?? 20;
  const t0 = options.t0 ?? 0;
  const size = Math.round((sampleRate * frameMs) / 1000);
  const detector = new EnergyDetector({ sampleRate, ...options.energy });
  const segmenter = new SpeechSegmenter(options.segmenter);
  const spans: TalkSpan[] = [];
  let t = t0;
  for (let at = 0; at + size <= signal.length; at += size) {
    t = t0 + (at / sampleRate) * 1000;
    spans.push(...segmenter.push(t, detector.process(signal.subarray(at, at + size), t)));
  }
  spans.push(...segmenter.flush(t + frameMs));
  return spans;
}

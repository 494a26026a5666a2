import { describe, expect, it } from "vitest";
import { detectSpans } from "./detect";
import { decimate, levelDb, voicing } from "./energy";
import { mergeSpans, SpeechSegmenter, spokenMs } from "./segmenter";
import { concat, farEndEcho, hum, mix, noise, voice } from "./signals";

const RATE = 16_000;
const ROOM = -62; // a quiet room, dBFS
const room = (s: number, seed = 11) => noise(s, RATE, ROOM, seed);
/** The owner close to the microphone. */
const talk = (s: number, seed = 1) => mix(voice(s, RATE, -24, 140, seed), room(s, seed + 1));

describe("the energy detector on generated signals", () => {
  it("finds a voiced burst between silences, within a frame or two of its edges", () => {
    const signal = concat(room(3), talk(4), room(3, 5), talk(2.5, 9), room(2, 13));
    const spans = detectSpans(signal, RATE);
    expect(spans).toHaveLength(2);
    expect(spans[0]?.start).toBeGreaterThanOrEqual(2900);
    expect(spans[0]?.start).toBeLessThan(3200);
    expect(spans[0]?.end).toBeGreaterThan(6700);
    expect(spans[0]?.end).toBeLessThanOrEqual(7100);
    expect(spokenMs(spans)).toBeGreaterThan(6000);
    expect(spokenMs(spans)).toBeLessThan(7000);
  });

  it("hears nothing in silence, in steady loud noise or in a hum", () => {
    expect(detectSpans(room(10), RATE)).toEqual([]);
    // The fan starts after calibration, 25 dB above the room.
    expect(
      spokenMs(detectSpans(concat(room(2), mix(noise(10, RATE, -37, 4), room(10))), RATE)),
    ).toBe(0);
    // A steady hum is periodic but never rises and falls like syllables: at most its first moments.
    const hummed = detectSpans(concat(room(2), mix(hum(10, RATE, -35), room(10))), RATE);
    expect(spokenMs(hummed)).toBeLessThan(3000);
  });

  it("still hears the owner over a steady fan once it has settled", () => {
    const fan = (s: number, seed: number) => noise(s, RATE, -45, seed);
    const signal = concat(room(2), fan(4, 21), mix(voice(5, RATE, -22), fan(5, 22)), fan(3, 23));
    const spans = detectSpans(signal, RATE);
    expect(spokenMs(spans)).toBeGreaterThan(4300);
    expect(spokenMs(spans)).toBeLessThan(5600);
  });

  it("ignores a far-end voice that the echo cancellation left quiet, before and after the owner speaks", () => {
    const echo = (s: number) => mix(farEndEcho(s, RATE, -50), room(s, 31));
    const signal = concat(room(2), echo(5), talk(4), echo(6));
    const spans = detectSpans(signal, RATE);
    expect(spans).toHaveLength(1);
    expect(spokenMs(spans)).toBeGreaterThan(3600);
    expect(spokenMs(spans)).toBeLessThan(4300);
  });

  it("counts a louder far-end voice as speech: the limit the notice in the docs describes", () => {
    const loudEcho = mix(farEndEcho(5, RATE, -34), room(5, 41));
    expect(spokenMs(detectSpans(concat(room(2), loudEcho), RATE))).toBeGreaterThan(3000);
  });

  it("measures level and voicing as documented", () => {
    expect(levelDb(noise(1, RATE, -30))).toBeCloseTo(-30, 1);
    expect(voicing(voice(0.05, RATE, -20).subarray(0, 512), RATE)).toBeGreaterThan(0.8);
    expect(voicing(noise(0.05, RATE, -20).subarray(0, 512), RATE)).toBeLessThan(0.3);
    expect(decimate(new Float32Array([1, 1, 1, 3, 3, 3]), 3)).toEqual(new Float32Array([1, 3]));
  });
});

describe("merging and splitting intervals", () => {
  const feed = (segmenter: SpeechSegmenter, from: number, to: number, isSpeech: boolean) => {
    const out = [];
    for (let t = from; t < to; t += 20) out.push(...segmenter.push(t, isSpeech));
    return out;
  };

  it("bridges a pause shorter than the minimum silence and ends on a longer one", () => {
    const s = new SpeechSegmenter({ minSilenceMs: 600, minSpeechMs: 250 });
    expect(feed(s, 0, 1000, true)).toEqual([]);
    expect(feed(s, 1000, 1400, false)).toEqual([]); // 400 ms: a breath
    expect(feed(s, 1400, 2000, true)).toEqual([]);
    expect(feed(s, 2000, 2700, false)).toEqual([{ start: 0, end: 2000 }]);
  });

  it("drops a burst shorter than the minimum speech", () => {
    const s = new SpeechSegmenter({ minSpeechMs: 250 });
    expect([...feed(s, 0, 200, true), ...feed(s, 200, 1000, false)]).toEqual([]);
  });

  it("cuts a long turn at the maximum length and goes on without a gap", () => {
    const s = new SpeechSegmenter({ maxIntervalMs: 10_000 });
    const spans = [...feed(s, 0, 25_000, true), ...s.flush(25_000)];
    expect(spans).toEqual([
      { start: 0, end: 10_000 },
      { start: 10_000, end: 20_000 },
      { start: 20_000, end: 25_000 },
    ]);
    expect(mergeSpans(spans)).toEqual([{ start: 0, end: 25_000 }]);
  });

  it("flushes an open interval up to where its pause began", () => {
    const s = new SpeechSegmenter();
    feed(s, 0, 1000, true);
    feed(s, 1000, 1200, false);
    expect(s.flush(5000)).toEqual([{ start: 0, end: 1000 }]);
    expect(s.flush(6000)).toEqual([]);
  });

  it("merges overlapping and near spans and counts overlap once", () => {
    const spans = [
      { start: 5000, end: 6000 },
      { start: 0, end: 1000 },
      { start: 900, end: 2000 },
      { start: 2100, end: 2500 },
    ];
    expect(mergeSpans(spans, 200)).toEqual([
      { start: 0, end: 2500 },
      { start: 5000, end: 6000 },
    ]);
    expect(spokenMs(spans)).toBe(3400);
  });
});

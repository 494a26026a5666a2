/*
 * Generated test audio: voice-like sound (harmonics of a moving pitch, opened and closed at
 * syllable rate), steady noise, a hum, and a far-end voice as a laptop speaker's echo leaves it
 * after echo cancellation (quiet and dull). Deterministic (a seeded generator), so tests repeat.
 */

/** A small seeded random generator (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** dBFS (RMS of a full-scale sine is −3 dBFS) to a linear amplitude of RMS. */
export const rmsOf = (dbfs: number) => 10 ** (dbfs / 20);

/**
 * A voiced signal: pitch `f0` moving ±15 %, 12 harmonics falling 6 dB per octave, opened and
 * closed about 4 times a second like syllables, at RMS level `dbfs`.
 */
export function voice(
  seconds: number,
  sampleRate: number,
  dbfs: number,
  f0 = 140,
  seed = 1,
): Float32Array {
  const out = new Float32Array(Math.round(seconds * sampleRate));
  const random = seeded(seed);
  let phase = 0;
  let syllable = 0;
  let syllableRate = 4;
  let norm = 0;
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    const pitch = f0 * (1 + 0.15 * Math.sin(2 * Math.PI * 0.7 * t));
    phase += (2 * Math.PI * pitch) / sampleRate;
    syllable += syllableRate / sampleRate;
    if (syllable >= 1) {
      syllable -= 1;
      syllableRate = 3 + random() * 3;
    }
    const envelope = Math.sin(Math.PI * syllable) ** 2 * 0.9 + 0.1;
    let s = 0;
    for (let k = 1; k <= 12; k++) s += Math.sin(k * phase) / k;
    out[i] = s * envelope;
    norm += (out[i] as number) ** 2;
  }
  return scaleTo(out, norm, dbfs);
}

/** White noise at RMS level `dbfs`. */
export function noise(seconds: number, sampleRate: number, dbfs: number, seed = 7): Float32Array {
  const random = seeded(seed);
  const out = new Float32Array(Math.round(seconds * sampleRate));
  let norm = 0;
  for (let i = 0; i < out.length; i++) {
    out[i] = random() * 2 - 1;
    norm += (out[i] as number) ** 2;
  }
  return scaleTo(out, norm, dbfs);
}

/** A steady mains hum: 100 Hz with harmonics, unchanging. */
export function hum(seconds: number, sampleRate: number, dbfs: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * sampleRate));
  let norm = 0;
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    out[i] = Math.sin(2 * Math.PI * 100 * t) + 0.5 * Math.sin(2 * Math.PI * 200 * t);
    norm += (out[i] as number) ** 2;
  }
  return scaleTo(out, norm, dbfs);
}

/** A far-end voice through a laptop speaker, after echo cancellation: quiet and low-passed. */
export function farEndEcho(seconds: number, sampleRate: number, dbfs: number): Float32Array {
  const v = voice(seconds, sampleRate, 0, 210, 3);
  let y = 0;
  let norm = 0;
  for (let i = 0; i < v.length; i++) {
    y = y * 0.7 + (v[i] as number) * 0.3;
    v[i] = y;
    norm += y * y;
  }
  return scaleTo(v, norm, dbfs);
}

/** Sums signals sample by sample (the longest sets the length). */
export function mix(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(Math.max(...parts.map((p) => p.length)));
  for (const p of parts)
    for (let i = 0; i < p.length; i++) out[i] = (out[i] as number) + (p[i] as number);
  return out;
}

/** Joins signals one after the other. */
export function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function scaleTo(signal: Float32Array, sumOfSquares: number, dbfs: number): Float32Array {
  const current = Math.sqrt(sumOfSquares / Math.max(1, signal.length));
  const gain = rmsOf(dbfs) / (current || 1);
  for (let i = 0; i < signal.length; i++) signal[i] = (signal[i] as number) * gain;
  return signal;
}

/** 16-bit mono PCM WAV bytes of a signal (clipped to ±1). */
export function wav(signal: Float32Array, sampleRate: number): Uint8Array {
  const bytes = new Uint8Array(44 + signal.length * 2);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) view.setUint8(at + i, s.charCodeAt(i));
  };
  text(0, "RIFF");
  view.setUint32(4, 36 + signal.length * 2, true);
  text(8, "WAVE");
  text(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, "data");
  view.setUint32(40, signal.length * 2, true);
  for (let i = 0; i < signal.length; i++) {
    const x = Math.max(-1, Math.min(1, signal[i] as number));
    view.setInt16(44 + i * 2, Math.round(x * 32767), true);
  }
  return bytes;
}

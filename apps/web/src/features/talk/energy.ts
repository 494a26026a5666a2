/*
 * The lighter detector, for devices where the speech model cannot run: loudness against a
 * noise floor measured on joining, with pitch (voicing) and the rhythm of syllables to tell a
 * voice from steady noise, and a margin below the owner's own voice to ignore a far-end voice
 * that the echo cancellation let through. Pure: frames in, decisions out
 * (docs/TALK-METER.md explains the numbers and where it fails).
 */

export interface EnergyOptions {
  /** Sample rate of the frames given to `process`. */
  sampleRate: number;
  /** How long the first frames are taken as the room's quiet (the calibration on joining). */
  calibrationMs: number;
  /** Above the floor by this much starts speech; falling under floor + offDb ends it (hysteresis). */
  onDb: number;
  offDb: number;
  /** Normalised autocorrelation at a voice pitch (70–400 Hz) a voiced frame reaches. */
  minVoicing: number;
  /** A "voice" whose level stays within `steadyDb` (standard deviation) this long is noise. */
  steadyMs: number;
  steadyDb: number;
  /** Once the owner's voice level is known, anything this far below it is someone else. */
  farEndMarginDb: number;
}

export const ENERGY_DEFAULTS: Omit<EnergyOptions, "sampleRate"> = {
  calibrationMs: 1500,
  onDb: 16,
  offDb: 9,
  minVoicing: 0.4,
  steadyMs: 2500,
  steadyDb: 1.5,
  farEndMarginDb: 20,
};

/** Level of a frame in dBFS. */
export function levelDb(frame: Float32Array): number {
  let sum = 0;
  for (const x of frame) sum += x * x;
  return 10 * Math.log10(sum / Math.max(1, frame.length) + 1e-12);
}

/**
 * How periodic a frame is at a voice pitch: the highest normalised autocorrelation over the
 * lags of 70–400 Hz (1 = perfectly periodic, about 0 for noise).
 */
export function voicing(frame: Float32Array, sampleRate: number): number {
  const minLag = Math.floor(sampleRate / 400);
  const maxLag = Math.min(Math.ceil(sampleRate / 70), frame.length - 32);
  let best = 0;
  for (let lag = minLag; lag <= maxLag; lag++) {
    let xy = 0;
    let xx = 0;
    let yy = 0;
    for (let i = 0; i + lag < frame.length; i++) {
      const x = frame[i] as number;
      const y = frame[i + lag] as number;
      xy += x * y;
      xx += x * x;
      yy += y * y;
    }
    const r = xy / Math.sqrt(xx * yy + 1e-12);
    if (r > best) best = r;
  }
  return best;
}

/** Takes every `factor`-th average of `factor` samples: a cheap low-pass and downsample. */
export function decimate(frame: Float32Array, factor: number): Float32Array {
  if (factor <= 1) return frame;
  const out = new Float32Array(Math.floor(frame.length / factor));
  for (let i = 0; i < out.length; i++) {
    let sum = 0;
    for (let j = 0; j < factor; j++) sum += frame[i * factor + j] as number;
    out[i] = sum / factor;
  }
  return out;
}

export class EnergyDetector {
  readonly options: EnergyOptions;
  private calibration: number[] = [];
  private startedAt: number | null = null;
  /** The room's quiet in dBFS, once calibrated. */
  floorDb: number | null = null;
  /** The owner's voice level in dBFS, once heard. */
  ownDb: number | null = null;
  private speaking = false;
  private recent: { t: number; db: number }[] = [];

  constructor(options: Partial<EnergyOptions> & { sampleRate: number }) {
    this.options = { ...ENERGY_DEFAULTS, ...options };
  }

  get isCalibrated(): boolean {
    return this.floorDb !== null;
  }

  /** Whether the frame at moment `t` (ms) is the owner speaking. */
  process(frame: Float32Array, t: number): boolean {
    const o = this.options;
    const db = levelDb(frame);
    if (this.startedAt === null) this.startedAt = t;
    if (this.floorDb === null) {
      this.calibration.push(db);
      if (t - this.startedAt < o.calibrationMs) return false;
      const sorted = [...this.calibration].sort((a, b) => a - b);
      // The lower half's middle: a word said while calibrating does not lift the floor.
      this.floorDb = sorted[Math.floor(sorted.length / 4)] ?? db;
      this.calibration = [];
    }
    const floor = this.floorDb;
    const above = db - floor;
    const loudEnough = above >= (this.speaking ? o.offDb : o.onDb);
    const nearVoice = this.ownDb === null || db >= this.ownDb - o.farEndMarginDb;
    const voiced = loudEnough && nearVoice && voicing(frame, o.sampleRate) >= o.minVoicing;

    // Voices rise and fall with every syllable; a hum or a fan does not.
    this.recent.push({ t, db });
    while (this.recent.length > 0 && (this.recent[0]?.t ?? t) < t - o.steadyMs) this.recent.shift();
    const spansWindow = (this.recent[0]?.t ?? t) <= t - o.steadyMs * 0.9;
    if (loudEnough && spansWindow && standardDeviation(this.recent.map((r) => r.db)) < o.steadyDb) {
      this.floorDb = mean(this.recent.map((r) => r.db));
      this.speaking = false;
      return false;
    }

    if (voiced) {
      // The owner's level: a slow average of clearly voiced frames, never pulled down by echo.
      if (above >= o.onDb) this.ownDb = this.ownDb === null ? db : this.ownDb * 0.98 + db * 0.02;
    } else if (!loudEnough) {
      // The floor follows a quieter room at once and a louder one slowly.
      this.floorDb = db < floor ? floor * 0.9 + db * 0.1 : floor * 0.999 + db * 0.001;
    }
    this.speaking = voiced || (this.speaking && loudEnough && nearVoice);
    return this.speaking;
  }
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}

function standardDeviation(values: number[]): number {
  const m = mean(values);
  return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
}

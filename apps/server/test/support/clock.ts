/** A Monday morning in term time: placements run, conversations are planned for today. */
export const TEST_START = new Date("2026-03-09T08:00:00.000Z");

/** A clock the tests move by hand; the server reads it through `createServer(config, { now })`. */
export class TestClock {
  private current: number;

  constructor(start: Date = TEST_START) {
    this.current = start.getTime();
  }

  /** The current test time, as a fresh Date each call (callers may not share one). */
  readonly now = (): Date => new Date(this.current);

  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): Date {
    this.current += ms;
    return this.now();
  }

  /** Puts the clock at `moment`. */
  set(moment: Date): void {
    this.current = moment.getTime();
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

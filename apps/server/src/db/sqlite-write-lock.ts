import { AsyncLocalStorage } from "node:async_hooks";
import path from "node:path";
import { histogram } from "../metrics/registry.js";

const lockWait = histogram(
  "driehoek_sqlite_write_lock_wait_seconds",
  "Time a writer waited for its turn to write to the SQLite file (urgent: the collaboration log's appends).",
  ["priority"],
);
const lockHeld = histogram(
  "driehoek_sqlite_write_lock_held_seconds",
  "Time a writer held its turn to write to the SQLite file, until its work settled (urgent: the collaboration log's appends).",
  ["priority"],
);

/**
 * One queue of writers per SQLite file in this process. SQLite lets one connection write at a
 * time and makes the others poll; under a steady stream of collaboration commits a polling
 * writer can lose every race until its busy timeout ends. Writers that take their turn here
 * are served in order instead. Collaboration log appends are urgent (people wait for their
 * "stored"), so they go first, but never twice in a row while another writer waits.
 */
interface Lock {
  isHeld: boolean;
  urgent: (() => void)[];
  normal: (() => void)[];
  lastWasUrgent: boolean;
}

const locks = new Map<string, Lock>();

function lockFor(file: string): Lock {
  const key = path.resolve(file);
  let lock = locks.get(key);
  if (!lock) {
    lock = { isHeld: false, urgent: [], normal: [], lastWasUrgent: false };
    locks.set(key, lock);
  }
  return lock;
}

function release(lock: Lock): void {
  const takeUrgent = lock.urgent.length > 0 && !(lock.lastWasUrgent && lock.normal.length > 0);
  const next = takeUrgent ? lock.urgent.shift() : lock.normal.shift();
  lock.lastWasUrgent = takeUrgent;
  if (next) next();
  else lock.isHeld = false;
}

/** A writer's turn at one file: held until its work settles. */
interface Turn {
  file: string;
  isHeld: boolean;
}

/** The turn the running code is part of (it follows the work's own calls and promises). */
const turns = new AsyncLocalStorage<Turn>();

/**
 * Whether the running code is part of a turn that is still being held at `file`: what it runs
 * on the file's shared connection belongs to that writer's work (its transaction, when it has
 * one). Work that a turn started and left running after the turn ended is not part of it.
 */
export function holdsSqliteWriteTurn(file: string): boolean {
  const turn = turns.getStore();
  return turn?.isHeld === true && turn.file === path.resolve(file);
}

/** Runs `work` when it is this writer's turn to write to `file`. */
export async function withSqliteWriteLock<T>(
  file: string,
  work: () => Promise<T>,
  priority: "urgent" | "normal" = "normal",
): Promise<T> {
  const lock = lockFor(file);
  if (lock.isHeld) {
    const stopTimer = lockWait.startTimer({ priority });
    await new Promise<void>((resolve) =>
      (priority === "urgent" ? lock.urgent : lock.normal).push(resolve),
    );
    stopTimer();
  } else {
    lock.isHeld = true;
    lockWait.observe({ priority }, 0);
  }
  const stopHolding = lockHeld.startTimer({ priority });
  const turn: Turn = { file: path.resolve(file), isHeld: true };
  try {
    return await turns.run(turn, work);
  } finally {
    turn.isHeld = false;
    stopHolding();
    release(lock);
  }
}

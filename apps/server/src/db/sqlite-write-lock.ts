import path from "node:path";

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

/** Runs `work` when it is this writer's turn to write to `file`. */
export async function withSqliteWriteLock<T>(
  file: string,
  work: () => Promise<T>,
  priority: "urgent" | "normal" = "normal",
): Promise<T> {
  const lock = lockFor(file);
  if (lock.isHeld) {
    await new Promise<void>((resolve) =>
      (priority === "urgent" ? lock.urgent : lock.normal).push(resolve),
    );
  } else {
    lock.isHeld = true;
  }
  try {
    return await work();
  } finally {
    release(lock);
  }
}

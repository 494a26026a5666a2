import path from "node:path";

/**
 * One queue of writers per SQLite file in this process. SQLite lets one connection write at a
 * time and makes the others poll; under a steady stream of collaboration commits a polling
 * writer can lose every race until its busy timeout ends. Writers that take their turn here
 * first are served in arrival order instead.
 */
const queues = new Map<string, Promise<unknown>>();

/** Runs `work` when every earlier writer to `file` in this process has finished. */
export function withSqliteWriteLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  const key = path.resolve(file);
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(work, work);
  const settled = run.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}

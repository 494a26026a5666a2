import type { Histogram } from "prom-client";
import { describe, expect, it } from "vitest";
import { metricsRegistry } from "../metrics/registry.js";
import { withSqliteWriteLock } from "./sqlite-write-lock.js";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Count and sum of one series of a histogram on the process registry. */
async function series(name: string, priority: string): Promise<{ count: number; sum: number }> {
  const metric = metricsRegistry.getSingleMetric(name) as Histogram<"priority"> | undefined;
  const values = (await metric?.get())?.values ?? [];
  const of = (suffix: string) =>
    values.find((v) => v.metricName === `${name}_${suffix}` && v.labels.priority === priority)
      ?.value ?? 0;
  return { count: of("count"), sum: of("sum") };
}

describe("the SQLite write lock", () => {
  it("serves the log's appends first, but never twice in a row while another writer waits", async () => {
    const file = `/tmp/lock-order-${process.pid}.sqlite`;
    const order: string[] = [];
    const write = (name: string, priority: "urgent" | "normal") =>
      withSqliteWriteLock(
        file,
        async () => {
          order.push(name);
          await pause(5);
        },
        priority,
      );
    await Promise.all([
      write("holder", "normal"),
      write("other 1", "normal"),
      write("log 1", "urgent"),
      write("log 2", "urgent"),
      write("other 2", "normal"),
    ]);
    expect(order).toEqual(["holder", "log 1", "other 1", "log 2", "other 2"]);
  });

  it("measures how long the log waited for its turn and how long others held theirs", async () => {
    const file = `/tmp/lock-metrics-${process.pid}.sqlite`;
    const wait = "driehoek_sqlite_write_lock_wait_seconds";
    const held = "driehoek_sqlite_write_lock_held_seconds";
    const before = {
      logWait: await series(wait, "urgent"),
      otherHeld: await series(held, "normal"),
    };
    const holder = withSqliteWriteLock(file, () => pause(40));
    const log = withSqliteWriteLock(file, async () => "stored", "urgent");
    expect(await log).toBe("stored");
    await holder;
    const logWait = await series(wait, "urgent");
    const otherHeld = await series(held, "normal");
    expect(logWait.count - before.logWait.count).toBe(1);
    expect(logWait.sum - before.logWait.sum).toBeGreaterThanOrEqual(0.035);
    expect(otherHeld.count - before.otherHeld.count).toBe(1);
    expect(otherHeld.sum - before.otherHeld.sum).toBeGreaterThanOrEqual(0.035);
    // A writer that finds the lock free waits for nothing.
    await withSqliteWriteLock(file, async () => undefined, "urgent");
    const free = await series(wait, "urgent");
    expect(free.count - logWait.count).toBe(1);
    expect(free.sum - logWait.sum).toBe(0);
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GroupCommitter } from "../../src/collab/group-commit.js";
import { SqliteUpdateStore } from "../../src/collab/sqlite-store.js";
import type { LogEntry, UpdateStore } from "../../src/collab/store.js";
import { openDatabase } from "../../src/db/data-source.js";

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The real SQLite log on a migrated database file, with every append's size recorded. */
async function sqliteLog(): Promise<{ store: UpdateStore; appends: number[] }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-group-commit-"));
  folders.push(dataDir);
  const dataSource = await openDatabase({ dataDir });
  await dataSource.destroy();
  const log = await SqliteUpdateStore.open(path.join(dataDir, "driehoek.sqlite"));
  const appends: number[] = [];
  const store: UpdateStore = {
    append: (entries: readonly LogEntry[]) => {
      appends.push(entries.length);
      return log.append(entries);
    },
    load: (docName) => log.load(docName),
    compact: (docName, fold) => log.compact(docName, fold),
    countUpdates: (docName) => log.countUpdates(docName),
    close: () => log.close(),
  };
  return { store, appends };
}

describe("group commit", () => {
  it("commits a burst in batches of at most the limit, all stored in order, each writer answered once its own batch is in", async () => {
    const { store, appends } = await sqliteLog();
    const committer = new GroupCommitter(store, 100);
    const answered: number[] = [];
    const writes = Array.from({ length: 1_050 }, (_, i) =>
      committer
        .write({ docName: "doc", update: new Uint8Array([i % 256, i >> 8]) })
        .then(() => answered.push(i)),
    );
    await Promise.all(writes);
    expect(appends.every((n) => n <= 100)).toBe(true);
    expect(appends.reduce((a, b) => a + b, 0)).toBe(1_050);
    expect(appends.length).toBeGreaterThanOrEqual(11);
    expect(answered).toEqual([...answered].sort((a, b) => a - b));
    const stored = await store.load("doc");
    expect(stored.updates).toHaveLength(1_050);
    expect(stored.updates.map((u) => (u[0] ?? 0) + ((u[1] ?? 0) << 8))).toEqual(
      Array.from({ length: 1_050 }, (_, i) => i),
    );
    await store.close();
  });

  it("stores commits of every size, prepared statements and others, whole and in order", async () => {
    const { store, appends } = await sqliteLog();
    // Each size from 1 to 70 rows once, twice over: the second time every statement is reused.
    let next = 0;
    for (const _ of [1, 2])
      for (let size = 1; size <= 70; size++)
        await store.append(
          Array.from({ length: size }, () => {
            const i = next++;
            return { docName: i % 3 === 0 ? "a" : "b", update: new Uint8Array([i % 256, i >> 8]) };
          }),
        );
    expect(appends).toHaveLength(140);
    const number = (u: Uint8Array) => (u[0] ?? 0) + ((u[1] ?? 0) << 8);
    const all = Array.from({ length: next }, (_, i) => i);
    expect((await store.load("a")).updates.map(number)).toEqual(all.filter((i) => i % 3 === 0));
    expect((await store.load("b")).updates.map(number)).toEqual(all.filter((i) => i % 3 !== 0));
    await store.close();
  });
});

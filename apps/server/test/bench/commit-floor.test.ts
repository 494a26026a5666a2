import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sqlite3 from "sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { fileCommit, measure, relayLogCommit } from "../../bench/commit-floor.js";

/** The flags of the process's open descriptors on `file` (octal, from /proc/self/fdinfo). */
function openFlags(file: string): number[] {
  const flags: number[] = [];
  for (const fd of fs.readdirSync("/proc/self/fd")) {
    let target = "";
    try {
      target = fs.readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      continue;
    }
    if (target !== file) continue;
    const info = fs.readFileSync(`/proc/self/fdinfo/${fd}`, "utf8");
    const octal = /^flags:\s+([0-7]+)/m.exec(info)?.[1];
    if (octal) flags.push(Number.parseInt(octal, 8));
  }
  return flags;
}

const rows = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({
    docName: `conversation-${from + i}`,
    update: new Uint8Array([from + i, 1, 2, 3]),
  }));

// The floor is only a floor if its writes are durable and whole: a case that synced nothing,
// or stored less than it was given, would make every other case look slow.
describe("bench:commit-floor's cases", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "commit-floor-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.runIf(process.platform === "linux")(
    "opens the floor's file with O_DSYNC and the plain one without",
    () => {
      const dsyncFile = path.join(dir, "dsync.log");
      const plainFile = path.join(dir, "plain.log");
      const dsync = fileCommit(dsyncFile, true);
      const plain = fileCommit(plainFile, false);
      try {
        const [dsyncFlags] = openFlags(dsyncFile);
        const [plainFlags] = openFlags(plainFile);
        expect(dsyncFlags).toBeDefined();
        expect(plainFlags).toBeDefined();
        expect((dsyncFlags ?? 0) & fs.constants.O_DSYNC).toBe(fs.constants.O_DSYNC);
        expect((plainFlags ?? 0) & fs.constants.O_DSYNC).toBe(0);
        expect((dsyncFlags ?? 0) & fs.constants.O_APPEND).toBe(fs.constants.O_APPEND);
      } finally {
        dsync.close();
        plain.close();
      }
    },
  );

  it("appends every update of a commit to the file, framed, in order", async () => {
    const file = path.join(dir, "frames.log");
    const log = fileCommit(file, true);
    await log.commit(rows(3));
    await log.commit(rows(2, 3));
    log.close();
    const bytes = fs.readFileSync(file);
    const read: string[] = [];
    for (let at = 0; at < bytes.length; ) {
      const nameLength = bytes.readUInt32LE(at);
      const updateLength = bytes.readUInt32LE(at + 4);
      const name = bytes.subarray(at + 8, at + 8 + nameLength).toString();
      const update = [...bytes.subarray(at + 8 + nameLength, at + 8 + nameLength + updateLength)];
      read.push(`${name}:${update.join(".")}`);
      at += 8 + nameLength + updateLength;
    }
    expect(read).toEqual([0, 1, 2, 3, 4].map((i) => `conversation-${i}:${i}.1.2.3`));
  });

  it("stores every update in the durable relay's table, one commit per call", async () => {
    const file = path.join(dir, "relay.sqlite");
    const log = await relayLogCommit(file);
    await log.commit(rows(3));
    await log.commit(rows(1, 3));
    await log.close();
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
    const stored = await new Promise<{ doc: string; data: Buffer }[]>((resolve, reject) =>
      db.all("SELECT doc, data FROM log ORDER BY id", (e, r: { doc: string; data: Buffer }[]) =>
        e ? reject(e) : resolve(r),
      ),
    );
    db.close();
    expect(stored.map((r) => `${r.doc}:${r.data[0]}`)).toEqual(
      [0, 1, 2, 3].map((i) => `conversation-${i}:${i}`),
    );
  });

  it("measures each commit's CPU and wall time", async () => {
    let committed = 0;
    const figures = await measure(
      async (batch) => {
        committed += batch.length;
        await new Promise((resolve) => setTimeout(resolve, 2));
      },
      4,
      20,
    );
    // 20 measured commits of 4 updates, after as many warm-up commits.
    expect(committed).toBe(160);
    expect(figures.wall.p50).toBeGreaterThanOrEqual(1.5);
    expect(figures.userUs + figures.systemUs).toBeGreaterThan(0);
  });
});

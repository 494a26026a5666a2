import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sqlite3 from "sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { KeptStatements } from "./kept-statements.js";

describe("statements kept per SQL text", () => {
  let dir: string;
  let db: sqlite3.Database;
  let prepared: string[];

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-kept-"));
    db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const opened = new sqlite3.Database(path.join(dir, "kept.sqlite"), (error) =>
        error ? reject(error) : resolve(opened),
      );
    });
    // Counts the statements node-sqlite3 prepares.
    prepared = [];
    const prepare = db.prepare.bind(db) as (
      sql: string,
      done: (error: Error | null) => void,
    ) => sqlite3.Statement;
    (db as unknown as { prepare: typeof prepare }).prepare = (sql, done) => {
      prepared.push(sql);
      return prepare(sql, done);
    };
  });

  afterEach(async () => {
    await new Promise<void>((resolve, reject) => db.close((e) => (e ? reject(e) : resolve())));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("prepares a statement once, answers rows and what a write did, and closes cleanly", async () => {
    const kept = new KeptStatements(db);
    await kept.runAsync("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");
    const inserted: { lastID: number; changes: number }[] = [];
    for (const text of ["een", "twee", "drie"]) {
      await new Promise<void>((resolve, reject) =>
        kept.run("INSERT INTO note (text) VALUES (?)", [text], function (error) {
          if (error) return reject(error);
          inserted.push({ lastID: this?.lastID ?? -1, changes: this?.changes ?? -1 });
          resolve();
        }),
      );
    }
    expect(inserted).toEqual([
      { lastID: 1, changes: 1 },
      { lastID: 2, changes: 1 },
      { lastID: 3, changes: 1 },
    ]);
    // Several at once on the same statement: each with its own parameters.
    const rows = await Promise.all(
      [1, 2, 3].map((id) => kept.allAsync("SELECT text FROM note WHERE id = ?", [id])),
    );
    expect(rows).toEqual([[{ text: "een" }], [{ text: "twee" }], [{ text: "drie" }]]);
    expect(prepared.filter((sql) => sql.startsWith("INSERT"))).toHaveLength(1);
    expect(prepared.filter((sql) => sql.startsWith("SELECT"))).toHaveLength(1);
    // Closing refuses while statements are not finalized.
    await kept.finalizeAll();
  });

  it("answers a statement that cannot be prepared with its error, to every caller, and prepares it once it can", async () => {
    const kept = new KeptStatements(db);
    const sql = "SELECT text FROM missing WHERE id = ?";
    const attempts = await Promise.allSettled([
      kept.allAsync(sql, [1]),
      kept.allAsync(sql, [2]),
      kept.runAsync("UPDATE missing SET text = ?", ["x"]),
    ]);
    expect(attempts.map((a) => a.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(String((attempts[0] as PromiseRejectedResult).reason)).toContain("no such table");
    await expect(kept.allAsync(sql, [1])).rejects.toThrow("no such table: missing");

    await kept.runAsync("CREATE TABLE missing (id INTEGER PRIMARY KEY, text TEXT)");
    await kept.runAsync("INSERT INTO missing (id, text) VALUES (?, ?)", [1, "er nu wel"]);
    expect(await kept.allAsync(sql, [1])).toEqual([{ text: "er nu wel" }]);
    await kept.finalizeAll();
  });

  it("prepares a statement that failed when run anew, and keeps at most as many as it may", async () => {
    const kept = new KeptStatements(db, 2);
    await kept.runAsync("CREATE TABLE tag (name TEXT PRIMARY KEY)");
    const insert = "INSERT INTO tag (name) VALUES (?)";
    await kept.runAsync(insert, ["bpv"]);
    await expect(kept.runAsync(insert, ["bpv"])).rejects.toThrow("UNIQUE constraint failed");
    await kept.runAsync(insert, ["pok"]);
    expect(prepared.filter((sql) => sql === insert)).toHaveLength(2);

    // Three statements in turn with room for two: each still answers.
    for (let round = 0; round < 3; round++) {
      expect(await kept.allAsync("SELECT COUNT(*) AS n FROM tag")).toEqual([{ n: 2 }]);
      expect(await kept.allAsync("SELECT name FROM tag ORDER BY name")).toEqual([
        { name: "bpv" },
        { name: "pok" },
      ]);
      expect(await kept.allAsync("SELECT name FROM tag WHERE name = ?", ["pok"])).toEqual([
        { name: "pok" },
      ]);
    }
    await kept.finalizeAll();
  });
});

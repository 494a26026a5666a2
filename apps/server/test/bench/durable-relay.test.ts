import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pause, RawCollabClient, until } from "@driehoek/test-support";
import sqlite3 from "sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { startRelay } from "../../bench/relay.js";

function open(file: string, mode?: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, mode ?? sqlite3.OPEN_READWRITE, (error) =>
      error ? reject(error) : resolve(db),
    );
  });
}

function exec(db: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((resolve, reject) => db.exec(sql, (e) => (e ? reject(e) : resolve())));
}

/** The text `t` as the durable relay's log holds it. */
async function loggedText(file: string): Promise<string> {
  const db = await open(file, sqlite3.OPEN_READONLY);
  const rows = await new Promise<{ data: Buffer }[]>((resolve, reject) =>
    db.all("SELECT data FROM log ORDER BY id", (e, r: { data: Buffer }[]) =>
      e ? reject(e) : resolve(r),
    ),
  );
  db.close();
  const copy = new Y.Doc();
  for (const row of rows) Y.applyUpdate(copy, new Uint8Array(row.data));
  return copy.getText("t").toString();
}

// The benchmark's durable baseline is a fair floor only if it really does the work: every
// update in the log before anyone sees it, and its writer told so.
describe("the benchmark's durable relay", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "durable-relay-"));
  const file = path.join(dir, "log.sqlite");
  const stops: (() => Promise<void>)[] = [];

  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("relays and confirms an update only once it is in the log", async () => {
    const relay = await startRelay(0, file);
    stops.push(relay.close);
    const url = `ws://127.0.0.1:${relay.port}/bench-doc`;
    const writer = new RawCollabClient(url);
    const reader = new RawCollabClient(url);
    stops.push(async () => {
      writer.destroy();
      reader.destroy();
    });
    await writer.connect();
    await reader.connect();
    const text = writer.doc.getText("t");
    const ownClock = () => Y.getState(writer.doc.store, writer.doc.clientID);
    text.insert(0, "ab");
    await until(() => reader.doc.getText("t").toString() === "ab", "the reader to see it");
    await until(() => writer.storedOwn === ownClock(), "the writer to be told it is stored");
    expect(await loggedText(file)).toBe("ab");

    // While the log cannot be written (another connection holds the file's write lock), a
    // keystroke goes nowhere: the reader does not see it and the writer is not told.
    const blocker = await open(file);
    await exec(blocker, "BEGIN IMMEDIATE");
    text.insert(2, "c");
    await pause(300);
    expect(reader.doc.getText("t").toString()).toBe("ab");
    expect(writer.storedOwn).toBeLessThan(ownClock());
    await exec(blocker, "COMMIT");
    blocker.close();
    await until(() => reader.doc.getText("t").toString() === "abc", "the reader to see it");
    await until(() => writer.storedOwn === ownClock(), "the writer to be told it is stored");
    expect(await loggedText(file)).toBe("abc");
  });
});

import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { Compactor } from "../../src/collab/compaction.js";
import { PostgresUpdateStore } from "../../src/collab/postgres-store.js";
import { applyStored } from "../../src/collab/room-link.js";
import { openDatabase } from "../../src/db/data-source.js";
import { freshDatabase, type TestDatabase, testDatabases } from "../support/database.js";

/** Three keystrokes, each building on the one before: "a", "b", "c". */
function keystrokes(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  const text = doc.getText("t");
  for (const char of "abc") text.insert(text.length, char);
  return updates;
}

/** The text `t` of the document as the store serves it now. */
async function served(store: PostgresUpdateStore, docName: string): Promise<string> {
  const doc = new Y.Doc();
  applyStored(doc, await store.load(docName), null);
  return doc.getText("t").toString();
}

// On PostgreSQL several processes append to one log, and an id is drawn when a row is
// inserted, not when it is committed: an update can become visible after others with higher
// ids. SQLite has one writer at a time, so there the ids follow the commits.
describe.skipIf(!testDatabases().includes("postgres"))(
  "compacting the log while another process's append is still in flight (PostgreSQL)",
  () => {
    let db: TestDatabase | null = null;
    const closers: (() => Promise<unknown>)[] = [];

    afterAll(async () => {
      for (const close of closers.reverse()) await close();
      await db?.drop();
    });

    it("keeps an update that was numbered before the folded ones but committed after them", async () => {
      db = await freshDatabase("postgres");
      await (await openDatabase(db.options)).destroy();
      const url = db.options.databaseUrl as string;
      const store = new PostgresUpdateStore(url);
      closers.push(() => store.close());
      const [a, b, c] = keystrokes() as [Uint8Array, Uint8Array, Uint8Array];

      await store.append([{ docName: "doc", update: a }]);
      // Another process inserts "b" (its id is drawn now) and has not committed yet…
      const other = new pg.Client({ connectionString: url });
      await other.connect();
      closers.push(() => other.end());
      await other.query("BEGIN");
      await other.query(
        "INSERT INTO collab_update (doc_name, data, created_at) VALUES ($1, $2, $3)",
        ["doc", Buffer.from(b), new Date().toISOString()],
      );
      // …while this one stores "c" (a higher id, committed first) and compacts the log.
      await store.append([{ docName: "doc", update: c }]);
      let folded = 0;
      await new Compactor(store, (_, n) => {
        folded = n;
      }).compact("doc");
      expect(folded).toBe(2);
      await other.query("COMMIT");

      // "b" is stored; every load must hold it (and "c", which builds on it, shows only then).
      expect(await served(store, "doc")).toBe("abc");
      // Compacted again, it is folded in and kept.
      await new Compactor(store, () => {}).compact("doc");
      expect(await served(store, "doc")).toBe("abc");
      expect(await store.countUpdates("doc")).toBe(0);
    });
  },
);

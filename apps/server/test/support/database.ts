import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { DataSource } from "typeorm";
import { type DatabaseOptions, openDatabase } from "../../src/db/data-source.js";

/** The databases a test suite runs on. */
export type DatabaseKind = "sqlite" | "postgres";

let warned = false;

/**
 * SQLite always; PostgreSQL too when DATABASE_URL is set. Where PostgreSQL is required
 * (REQUIRE_POSTGRES=1, as in CI) its absence fails the run instead of skipping.
 */
export function testDatabases(): DatabaseKind[] {
  if (process.env.DATABASE_URL) return ["sqlite", "postgres"];
  if (process.env.REQUIRE_POSTGRES === "1") {
    throw new Error(
      "REQUIRE_POSTGRES=1 but DATABASE_URL is not set: the PostgreSQL run is required here.",
    );
  }
  if (!warned) {
    warned = true;
    console.warn(
      "PostgreSQL tests skipped: set DATABASE_URL (e.g. postgres://root@127.0.0.1:5432/test) to run them.",
    );
  }
  return ["sqlite"];
}

/** A fresh, empty database of the given kind, and how to remove it again. */
export interface TestDatabase {
  options: DatabaseOptions;
  drop(): Promise<void>;
}

/** Makes a fresh database: a new SQLite file in a temp folder, or a new PostgreSQL database. */
export async function freshDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-test-"));
  if (kind === "sqlite") {
    return {
      options: { dataDir },
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.DATABASE_URL as string;
  const name = `driehoek_t_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    options: { dataDir, databaseUrl: url.toString() },
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      // Connections being closed (a pool's `end` resolves before their sockets have closed) are
      // waited for: ended by the drop's FORCE, one would raise its error with nobody listening.
      for (let waited = 0; waited < 2_000; waited += 20) {
        const open = await client.query(
          "SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE datname = $1",
          [name],
        );
        if (open.rows[0]?.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Opens a migrated fresh database lazily, for tests that need only the data layer. */
export function openTestDatabase(kind: DatabaseKind) {
  let opened: Promise<{ db: TestDatabase; dataSource: DataSource }> | null = null;
  return {
    dataSource: async () => {
      opened ??= freshDatabase(kind).then(async (db) => ({
        db,
        dataSource: await openDatabase(db.options),
      }));
      return (await opened).dataSource;
    },
    close: async () => {
      if (!opened) return;
      const { db, dataSource } = await opened;
      await dataSource.destroy();
      await db.drop();
    },
  };
}

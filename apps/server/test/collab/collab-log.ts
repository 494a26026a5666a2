import { PostgresUpdateStore } from "../../src/collab/postgres-store.js";
import { SqliteUpdateStore } from "../../src/collab/sqlite-store.js";
import type { UpdateStore } from "../../src/collab/store.js";
import { sqliteFile } from "../../src/db/data-source.js";
import type { TestServer } from "../support/server.js";

/**
 * The server's collaboration log, opened beside the server on the same database: to read what
 * is really stored, or to write an entry past the collaboration endpoint (as old data would be).
 */
export async function openLog(server: TestServer): Promise<UpdateStore> {
  const { config } = server.services;
  return config.databaseUrl
    ? new PostgresUpdateStore(config.databaseUrl)
    : SqliteUpdateStore.open(sqliteFile(config.dataDir), "NORMAL");
}

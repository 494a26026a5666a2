import { notesOf } from "@driehoek/collab";
import {
  freePort,
  joinWithInvite,
  RawCollabClient,
  type ServerProcess,
  ticketedUrl,
  until,
  updateMessage,
} from "@driehoek/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { freshDatabase, type TestDatabase, testDatabases } from "../support/database.js";
import { ensureServerBuilt, startBuiltServer } from "./built-server.js";

/**
 * A client that reconnects sends what it types at once, and what it typed while offline only
 * in its step 2, a moment later: the server then stores an update whose items follow a gap.
 * "Stored up to" must not claim the gap: a SIGKILL before the step 2 arrives loses it.
 */
describe.each(testDatabases())("the stored confirmation never claims a gap, on %s", (kind) => {
  let database: TestDatabase | null = null;
  let server: ServerProcess | null = null;

  beforeAll(() => ensureServerBuilt(), 120_000);
  afterAll(async () => {
    await server?.stop("SIGKILL");
    await database?.drop();
  });

  it("confirms only what the server holds without gaps, also after a kill", async () => {
    database = await freshDatabase(kind);
    // The restart comes back on the same address and data, as a real one would.
    const options = {
      port: await freePort(),
      dataDir: database.options.dataDir,
      databaseUrl: database.options.databaseUrl,
    };
    server = await startBuiltServer(options);
    const session = await joinWithInvite(server.url, server.invite("student"));
    const writer = new RawCollabClient(
      ticketedUrl(server.url, session.conversationId, session.accessToken),
    );
    await writer.connect();

    const typist = new Y.Doc();
    typist.clientID = 424242;
    Y.applyUpdate(typist, Y.encodeStateAsUpdate(writer.doc));
    const notes = [...notesOf(typist).values()][0] as Y.Text;
    notes.insert(0, "a"); // clock 0: typed offline, still to come in the step 2
    const afterOffline = Y.encodeStateVector(typist);
    notes.insert(1, "b"); // clock 1: sent right after reconnecting
    const confirmations = writer.received;
    writer.send(updateMessage(Y.encodeStateAsUpdate(typist, afterOffline)));
    await until(() => writer.received > confirmations, "a stored message");
    expect(writer.stored.get(424242) ?? 0, "stored up to").toBe(0);

    await server.stop("SIGKILL");
    server = await startBuiltServer(options);
    const observer = new RawCollabClient(
      ticketedUrl(server.url, session.conversationId, session.accessToken, false),
    );
    await observer.connect();
    expect(Y.getState(observer.doc.store, 424242)).toBe(writer.stored.get(424242) ?? 0);
    observer.destroy();
    writer.destroy();
  }, 60_000);
});

import { randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { addAgreement, CLOSE, plainText, readAgreements, summaryOf } from "@driehoek/collab";
import { PARTICIPANT_ROLES, type ParticipantRole } from "@driehoek/domain";
import {
  type CloseInfo,
  collabTicket,
  collabUrl,
  joinWithInvite,
  pause,
  RawCollabClient,
  type ServerProcess,
  until,
} from "@driehoek/test-support";
import sqlite3 from "sqlite3";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { seededRandom } from "../support/random.js";
import { ensureServerBuilt, startBuiltServer } from "./built-server.js";
import { holdsKeystroke, type Keystroke } from "./typing.js";

/**
 * SIGTERM to the real server process (`node dist/index.js`) while three participants type: it
 * closes their sockets with 1012, stores, projects and compacts what is live, and exits 0 within
 * SHUTDOWN_TIMEOUT. Every keystroke the server confirmed as stored is in the log, and the tables
 * hold exactly what the stored document says (the projection timer is set far out, so only the
 * shutdown's own projection can have put it there). A second signal exits at once; work past
 * the deadline ends in exit 1 and a line naming what was unfinished.
 */

const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const SHUTDOWN_TIMEOUT_S = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PHRASE = "Ik plan de week met de praktijkopleider en vraag op tijd om hulp. ";

/**
 * One participant typing: first an agreement of their own and a summary paragraph, then
 * character after character into one or the other (each keystroke one update).
 */
class Participant {
  readonly keystrokes: Keystroke[] = [];
  readonly client: RawCollabClient;
  private agreement: Y.Text | null = null;
  private paragraph: Y.XmlText | null = null;
  private typed = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    url: string,
    private readonly role: ParticipantRole,
    private readonly random: () => number,
  ) {
    this.client = new RawCollabClient(url);
  }

  private keystroke(): Keystroke {
    const doc = this.client.doc;
    const before = Y.getState(doc.store, doc.clientID);
    let char: string | null = null;
    if (!this.agreement) {
      const agreement = addAgreement(doc, { id: randomUUID(), owner: this.role });
      this.agreement = agreement.get("text") as Y.Text;
    } else if (!this.paragraph) {
      const paragraph = new Y.XmlElement("paragraph");
      const text = new Y.XmlText();
      doc.transact(() => {
        paragraph.insert(0, [text]);
        summaryOf(doc).push([paragraph]);
      });
      this.paragraph = text;
    } else {
      const target = this.random() < 0.5 ? this.agreement : this.paragraph;
      char = PHRASE[this.typed++ % PHRASE.length] as string;
      target.insert(Math.floor(this.random() * (target.length + 1)), char);
    }
    const after = Y.getState(doc.store, doc.clientID);
    return { client: doc.clientID, clock: before, length: after - before, char };
  }

  startTyping(): void {
    const next = () => {
      this.keystrokes.push(this.keystroke());
      this.timer = setTimeout(next, 5 + this.random() * 30);
    };
    next();
  }

  stopTyping(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  /** Keystrokes the server confirmed to this participant as stored. */
  confirmed(): Keystroke[] {
    const stored = this.client.storedOwn;
    return this.keystrokes.filter((k) => k.clock + k.length <= stored);
  }
}

/** Runs `sql` on the SQLite file and returns the rows. */
function query<T>(file: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => {
      if (error) return reject(error);
      db.all(sql, params, (err, rows) => {
        db.close();
        if (err) reject(err);
        else resolve(rows as T[]);
      });
    });
  });
}

/** The document as the collaboration log in the SQLite file holds it (snapshot + updates). */
async function storedDocument(file: string, docName: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const snapshots = await query<{ data: Buffer }>(
    file,
    "SELECT data FROM collab_snapshot WHERE doc_name = ?",
    [docName],
  );
  for (const s of snapshots) Y.applyUpdate(doc, new Uint8Array(s.data));
  const updates = await query<{ data: Buffer }>(
    file,
    "SELECT data FROM collab_update WHERE doc_name = ? ORDER BY id",
    [docName],
  );
  for (const u of updates) Y.applyUpdate(doc, new Uint8Array(u.data));
  return doc;
}

/** Sends `signal` and resolves with the exit code and the ms from the signal to the exit. */
async function signalAndWait(
  server: ServerProcess,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; ms: number }> {
  const started = performance.now();
  server.child.kill(signal);
  await server.exited;
  return { code: server.child.exitCode, ms: Math.round(performance.now() - started) };
}

/**
 * A summary with tens of thousands of separate items (characters typed at random places), sent
 * as one update per paragraph: projecting and compacting it takes a while, the realistic kind of
 * work that can outlast a short SHUTDOWN_TIMEOUT.
 */
function writeLargeSummary(client: RawCollabClient, paragraphs: number, charsEach: number): void {
  const random = seededRandom(SEED);
  for (let p = 0; p < paragraphs; p++) {
    const paragraph = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    client.doc.transact(() => {
      paragraph.insert(0, [text]);
      summaryOf(client.doc).push([paragraph]);
      for (let i = 0; i < charsEach; i++)
        text.insert(Math.floor(random() * (text.length + 1)), "abcdefghij"[i % 10] as string);
    });
  }
}

describe("SIGTERM stops the server cleanly (SQLite)", () => {
  const dataDirs: string[] = [];
  const clients: RawCollabClient[] = [];
  let server: ServerProcess | null = null;

  beforeAll(() => ensureServerBuilt(), 120_000);

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server?.stop("SIGKILL");
    server = null;
    for (const dir of dataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function start(env: Record<string, string>): Promise<ServerProcess> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-sigterm-"));
    dataDirs.push(dataDir);
    server = await startBuiltServer({ dataDir, env: { LOG_LEVEL: "info", ...env } });
    return server;
  }

  it("exits 0 within the deadline; every confirmed edit is in the tables; clients get 1012", async () => {
    const random = seededRandom(SEED);
    const running = await start({
      SHUTDOWN_TIMEOUT: String(SHUTDOWN_TIMEOUT_S),
      // Only the shutdown's own projection and compaction can bring the tables and log up to date.
      COLLAB_PROJECTION_DELAY_MS: "600000",
      COLLAB_COMPACT_AFTER: "1000000",
    });
    const participants: Participant[] = [];
    let conversationId = "";
    for (const role of PARTICIPANT_ROLES) {
      const session = await joinWithInvite(running.url, running.invite(role));
      conversationId = session.conversationId;
      const participant = new Participant(
        collabUrl(
          running.url,
          session.conversationId,
          await collabTicket(running.url, session.conversationId, session.accessToken),
        ),
        role,
        random,
      );
      clients.push(participant.client);
      participants.push(participant);
    }
    await Promise.all(participants.map((p) => p.client.connect()));
    for (const p of participants) p.startTyping();
    // A subscriptions socket (graphql-transport-ws), closed the same way.
    const subscriptions = new WebSocket(`${running.url.replace(/^http/, "ws")}/graphql`, [
      "graphql-transport-ws",
    ]);
    const subscriptionsClosed = new Promise<number>((resolve) =>
      subscriptions.once("close", (code) => resolve(code)),
    );
    subscriptions.once("open", () =>
      subscriptions.send(JSON.stringify({ type: "connection_init" })),
    );
    await new Promise((resolve) => subscriptions.once("message", resolve));
    await until(
      () => participants.every((p) => p.confirmed().length > 40),
      "confirmed keystrokes from everyone",
      15_000,
    );

    // Typing goes on through the signal: some keystrokes arrive while the server drains.
    const exit = await signalAndWait(running, "SIGTERM");
    for (const p of participants) p.stopTyping();
    console.log(
      `SIGTERM → exit ${exit.code} in ${exit.ms} ms; keystrokes typed ` +
        `${participants.map((p) => p.keystrokes.length).join("/")}, confirmed ` +
        `${participants.map((p) => p.confirmed().length).join("/")} (seed ${SEED})`,
    );
    expect(exit.code, running.output.slice(-20).join("\n")).toBe(0);
    expect(exit.ms).toBeLessThan(SHUTDOWN_TIMEOUT_S * 1000);
    expect(running.output.some((l) => /^Stopped cleanly in \d+ ms$/.test(l))).toBe(true);
    await until(() => participants.every((p) => p.client.closes.length > 0), "every client closed");
    for (const p of participants)
      expect(p.client.closes.map((c: CloseInfo) => c.code)).toEqual([CLOSE.serviceRestart]);
    expect(await subscriptionsClosed).toBe(CLOSE.serviceRestart);

    const file = path.join(running.dataDir, "driehoek.sqlite");
    const stored = await storedDocument(file, conversationId);
    for (const p of participants) {
      const missing = p.confirmed().filter((k) => !holdsKeystroke(stored, k));
      expect(missing, "confirmed keystrokes missing from the log").toEqual([]);
    }
    // The tables hold what the stored document says: the summary and the agreements.
    const [conversation] = await query<{ summary: string | null }>(
      file,
      "SELECT summary FROM conversation WHERE id = ?",
      [conversationId],
    );
    expect(conversation?.summary ?? "").toBe(plainText(summaryOf(stored)));
    expect(plainText(summaryOf(stored)).length).toBeGreaterThan(0);
    const rows = await query<{ id: string; text: string; measure: string; first_step: string }>(
      file,
      "SELECT id, text, measure, first_step FROM agreement WHERE conversation_id = ? ORDER BY position",
      [conversationId],
    );
    const drafts = readAgreements(stored).filter((a) => UUID.test(a.id));
    expect(drafts.length).toBeGreaterThanOrEqual(PARTICIPANT_ROLES.length);
    expect(rows.map((r) => [r.id, r.text, r.measure, r.first_step])).toEqual(
      drafts.map((d) => [d.id, d.text, d.measure, d.firstStep]),
    );
    // And the log was compacted into the snapshot.
    const [log] = await query<{ n: number }>(
      file,
      "SELECT COUNT(*) AS n FROM collab_update WHERE doc_name = ?",
      [conversationId],
    );
    expect(log?.n).toBe(0);
  }, 90_000);

  it("a second signal exits at once while the first shutdown still waits", async () => {
    const running = await start({ SHUTDOWN_TIMEOUT: "60" });
    // A client that starts an upload and never finishes it: the shutdown waits for requests
    // under way, so it is still busy when the second signal comes.
    const port = Number(new URL(running.url).port);
    const upload = net.connect(port, "127.0.0.1");
    await new Promise<void>((resolve) => upload.once("connect", () => resolve()));
    upload.on("error", () => undefined);
    upload.write(
      "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
        'Content-Length: 1000\r\n\r\n{"query":',
    );
    expect((await fetch(`${running.url}/readyz`)).status, "ready before the signal").toBe(200);
    await pause(300);

    running.child.kill("SIGTERM");
    await until(() => running.output.some((l) => l.startsWith("SIGTERM: stopping")), "stopping");
    // The port no longer takes new connections: a load balancer moves on at once.
    await expect(fetch(`${running.url}/readyz`)).rejects.toThrow();
    await pause(500);
    expect(running.child.exitCode, "still stopping").toBeNull();
    const second = performance.now();
    running.child.kill("SIGTERM");
    await running.exited;
    const ms = Math.round(performance.now() - second);
    upload.destroy();
    const line = running.output.find((l) => l.startsWith("SIGTERM again"));
    console.log(`second SIGTERM → exit ${running.child.exitCode} after ${ms} ms: ${line}`);
    expect(running.child.exitCode).toBe(1);
    expect(ms).toBeLessThan(1_000);
    expect(line).toMatch(
      /^SIGTERM again: exiting at once; unfinished: finishing HTTP requests and subscriptions$/,
    );
  }, 90_000);

  it("work past SHUTDOWN_TIMEOUT ends in exit 1 with a line naming what was unfinished", async () => {
    const running = await start({
      SHUTDOWN_TIMEOUT: "0.05",
      COLLAB_PROJECTION_DELAY_MS: "600000",
      COLLAB_COMPACT_AFTER: "1000000",
    });
    const session = await joinWithInvite(running.url, running.invite("student"));
    const client = new RawCollabClient(
      collabUrl(
        running.url,
        session.conversationId,
        await collabTicket(running.url, session.conversationId, session.accessToken),
      ),
    );
    clients.push(client);
    await client.connect();
    writeLargeSummary(client, 8, 6_000);
    await until(() => client.storedOwn === Y.getState(client.doc.store, client.clientID), "stored");

    const exit = await signalAndWait(running, "SIGTERM");
    const line = running.output.find((l) => l.startsWith("Shutdown not finished within"));
    console.log(`SHUTDOWN_TIMEOUT=0.05 → exit ${exit.code} in ${exit.ms} ms: ${line}`);
    expect(exit.code).toBe(1);
    expect(line).toMatch(/^Shutdown not finished within 0.05 s \(SHUTDOWN_TIMEOUT\); exiting/);
    expect(line).toMatch(/unfinished: (storing|closing|finishing|compactions|stopping)/);
  }, 90_000);
});

/**
 * What the collaboration benchmark (bench/collab.ts) sets up and reads around the load: a fresh
 * store and its commit figures, the planned conversations with their invites opened and mails
 * sent, and the finished long conversation with a newcomer's time to load it; and its log lines.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  collabUrl,
  graphql,
  joinWithInvite,
  RawCollabClient,
  ticketedUrl,
} from "@driehoek/test-support";
import pg from "pg";
import sqlite3 from "sqlite3";
import * as Y from "yjs";
import { Typist, visibleContent } from "../test/crash/typing.js";
import { seededRandom } from "../test/support/random.js";
import type { CollabOptions } from "./collab-options.js";
import { serverMetrics } from "./server-metrics.js";

export const sleep = (time: number) => new Promise((r) => setTimeout(r, time));
export const log = (line: string) =>
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

/** Runs `work` over `items` with at most `concurrency` at once. */
export async function pool<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index] as T);
      }
    }),
  );
  return results;
}

/** A fresh database for one size: a SQLite folder, or a new PostgreSQL database. */
export async function freshStore(
  options: Pick<CollabOptions, "postgres" | "processCounts">,
): Promise<{
  dataDir: string;
  databaseUrl?: string;
  drop(): Promise<void>;
}> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-bench-"));
  if (!options.postgres && !options.processCounts)
    return { dataDir, drop: async () => fs.rmSync(dataDir, { recursive: true }) };
  const adminUrl = process.env.DATABASE_URL as string;
  const name = `driehoek_bench_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    dataDir,
    databaseUrl: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      fs.rmSync(dataDir, { recursive: true });
    },
  };
}

/** Log entries and group-commit batches (rows sharing one commit timestamp) in a time window. */
export async function commitFigures(
  store: { dataDir: string; databaseUrl?: string },
  from: Date,
  to: Date,
): Promise<{ entries: number; batches: number; largest: number }> {
  const sql = `SELECT COUNT(*) AS entries, COUNT(DISTINCT created_at) AS batches,
    (SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM collab_update
       WHERE created_at >= $1 AND created_at < $2 GROUP BY created_at) AS per) AS largest
    FROM collab_update WHERE created_at >= $1 AND created_at < $2`;
  const params = [from.toISOString(), to.toISOString()];
  let row: Record<string, unknown> | undefined;
  if (store.databaseUrl) {
    const client = new pg.Client({ connectionString: store.databaseUrl });
    await client.connect();
    row = (await client.query(sql, params)).rows[0];
    await client.end();
  } else {
    const db = new sqlite3.Database(
      path.join(store.dataDir, "driehoek.sqlite"),
      sqlite3.OPEN_READONLY,
    );
    row = await new Promise((resolve, reject) =>
      db.get(sql.replace(/\$1/g, "?1").replace(/\$2/g, "?2"), params, (e, r) =>
        e ? reject(e) : resolve(r as Record<string, unknown>),
      ),
    );
    await new Promise((r) => db.close(() => r(undefined)));
  }
  return {
    entries: Number(row?.entries ?? 0),
    batches: Number(row?.batches ?? 0),
    largest: Number(row?.largest ?? 0),
  };
}

/** Plans `count` conversations as the demo admin and opens every invite: tokens per conversation. */
export async function planConversations(url: string, count: number) {
  const { login } = await graphql<{ login: { accessToken: string } }>(
    url,
    `mutation { login(email: "beheer@demo.driehoek.nl", password: "driehoek-demo") { accessToken } }`,
  );
  const admin = login.accessToken;
  const started = performance.now();
  const at = new Date(Date.now() + 3600_000).toISOString();
  // The running placements: a conversation after a placement's end is refused.
  const placements = (
    await graphql<{ placements: { id: string; endDate: string }[] }>(
      url,
      "query { placements { id endDate } }",
      {},
      admin,
    )
  ).placements.filter((p) => p.endDate >= at.slice(0, 10));
  const planned = await pool(
    Array.from({ length: count }, (_, i) => placements[i % placements.length]?.id as string),
    8,
    async (placementId) => {
      const { scheduleConversation } = await graphql<{
        scheduleConversation: { conversation: { id: string }; invites: { url: string }[] };
      }>(
        url,
        `mutation($input: ScheduleConversationInput!) { scheduleConversation(input: $input) {
          conversation { id } invites { url invite { role } } } }`,
        { input: { placementId, scheduledAt: at, mode: "in_person" } },
        admin,
      );
      return scheduleConversation;
    },
  );
  const plannedAt = performance.now();
  const links = planned.flatMap((p) => p.invites.map((i) => i.url));
  const sessions = await pool(links, 8, (link) => joinWithInvite(url, link));
  log(
    `  (scheduling ${((plannedAt - started) / 1000) | 0} s, opening invites ${((performance.now() - plannedAt) / 1000) | 0} s)`,
  );
  return planned.map((p, i) => ({
    id: p.conversation.id,
    tokens: sessions.slice(i * 3, i * 3 + 3).map((s) => s.accessToken),
  }));
}

/** Three people type `keystrokes` keystrokes (with corrections) into one conversation. */
export async function buildLongConversation(
  url: string,
  conversation: { id: string; tokens: string[] },
  keystrokes: number,
  seed: number,
  /** The baseline relay: plain addresses, and no confirmations to wait for. */
  isRelay = false,
): Promise<{ seconds: number; clients: RawCollabClient[] }> {
  const random = seededRandom(seed + 7);
  const clients = conversation.tokens.map(
    (t) =>
      new RawCollabClient(
        isRelay
          ? collabUrl(url, conversation.id, "none", false)
          : ticketedUrl(url, conversation.id, t),
      ),
  );
  await Promise.all(clients.map((c) => c.connect()));
  const typists = clients.map((c) => new Typist(c.doc, random, 0.08));
  const started = performance.now();
  let typed = 0;
  const giveUp = Date.now() + 180_000;
  while (typed < keystrokes) {
    if (Date.now() > giveUp) throw new Error(`Only ${typed} keystrokes confirmed in 180 s`);
    let progressed = false;
    clients.forEach((client, i) => {
      // At most 40 unconfirmed characters in flight per person.
      const own = Y.getState(client.doc.store, client.clientID);
      if (typed < keystrokes && (isRelay || own - client.storedOwn < 40)) {
        typists[i]?.keystroke();
        typed += 1;
        progressed = true;
      }
    });
    await (progressed ? new Promise((r) => setImmediate(r)) : sleep(1));
  }
  const vector = (c: RawCollabClient) => Buffer.from(Y.encodeStateVector(c.doc)).toString("hex");
  const deadline = Date.now() + 30_000;
  while (
    Date.now() < deadline &&
    !clients.every(
      (c) =>
        (isRelay || c.storedOwn >= Y.getState(c.doc.store, c.clientID)) &&
        vector(c) === vector(clients[0] as RawCollabClient),
    )
  )
    await sleep(20);
  return { seconds: (performance.now() - started) / 1000, clients };
}

/** Connect → synced for a newcomer, in ms. */
export async function timeLoad(url: string, conversationId: string, token: string) {
  const newcomer = new RawCollabClient(ticketedUrl(url, conversationId, token, false));
  const started = performance.now();
  await newcomer.connect(60_000);
  const elapsed = performance.now() - started;
  const bytes = Y.encodeStateAsUpdate(newcomer.doc).byteLength;
  const chars = visibleContent(newcomer.doc).length;
  newcomer.destroy();
  return { elapsed, bytes, chars };
}

/**
 * Waits until the outbox has sent every mail that is due: planning the conversations queued
 * three invitations each, and a school sends them when it plans, not while hundreds of
 * conversations are going on. Their delivery is measured here, not in the load's window.
 */
export async function outboxSent(url: string): Promise<{ sent: number; seconds: number }> {
  const started = performance.now();
  const before = await serverMetrics(url);
  for (let metrics = before; ; metrics = await serverMetrics(url)) {
    const seconds = (performance.now() - started) / 1000;
    if (metrics.mailsWaiting === 0) return { sent: metrics.mailsSent - before.mailsSent, seconds };
    if (seconds > 600) throw new Error(`${metrics.mailsWaiting} mails still unsent after 600 s`);
    await sleep(500);
  }
}

/**
 * The benchmark plans hundreds of conversations as one admin and opens every invite from one
 * address in a minute: more than the per-person and per-address GraphQL limits allow, and on a
 * busy machine slower than a request usually may take.
 */
export const BULK_PLANNING = {
  GRAPHQL_RATE_PER_MINUTE: "1000000",
  GRAPHQL_IP_RATE_PER_MINUTE: "1000000",
  GRAPHQL_TIMEOUT_MS: "60000",
};

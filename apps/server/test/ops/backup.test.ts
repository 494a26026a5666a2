import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PARTICIPANT_ROLES } from "@driehoek/domain";
import {
  freePort,
  joinWithInvite,
  pause,
  RawCollabClient,
  type ServerProcess,
  ticketedUrl,
} from "@driehoek/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Sqlite } from "../../src/ops/sqlite-backup.js";
import { ensureServerBuilt, SERVER_DIR, startBuiltServer } from "../crash/built-server.js";
import { holdsKeystroke, type Keystroke, Typist } from "../crash/typing.js";
import { seededRandom } from "../support/random.js";

/**
 * Backups that restore: the real server process runs on SQLite while three participants type;
 * `npm run backup` (the built script) copies the live database meanwhile; `npm run restore`
 * puts it into an empty data folder; a server starts on it, and every keystroke the server had
 * confirmed as stored before the backup began is there, and so is an uploaded document.
 */

const SEED = Number(process.env.BACKUP_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** Runs a built script of the server package; resolves with its exit code and output. */
function runScript(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(SERVER_DIR, "dist", "scripts", script), ...args],
      {
        cwd: SERVER_DIR,
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (c) => {
      output += c;
    });
    child.stderr.on("data", (c) => {
      output += c;
    });
    child.on("exit", (code) => resolve({ code, output }));
  });
}

class Participant {
  readonly keystrokes: Keystroke[] = [];
  readonly typist: Typist;
  readonly client: RawCollabClient;
  private timer: NodeJS.Timeout | null = null;
  private typing = false;

  constructor(
    url: () => Promise<string>,
    private readonly random: () => number,
  ) {
    this.client = new RawCollabClient(url);
    this.typist = new Typist(this.client.doc, random);
  }

  startTyping(): void {
    this.typing = true;
    const next = () => {
      if (!this.typing) return;
      this.keystrokes.push(this.typist.keystroke());
      this.timer = setTimeout(next, 10 + this.random() * 50);
    };
    next();
  }

  stopTyping(): void {
    this.typing = false;
    if (this.timer) clearTimeout(this.timer);
  }
}

describe("npm run backup / npm run restore (SQLite)", () => {
  const folders: string[] = [];
  const servers: ServerProcess[] = [];
  const participants: Participant[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-ops-backup-"));
    folders.push(dir);
    return dir;
  };

  beforeAll(() => ensureServerBuilt(), 120_000);

  afterAll(async () => {
    for (const p of participants) {
      p.stopTyping();
      p.client.destroy();
    }
    for (const s of servers) await s.stop("SIGKILL");
    for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("a backup taken while three people type restores with every confirmed edit", async () => {
    const random = seededRandom(SEED);
    const dataDir = tempDir();
    const server = await startBuiltServer({ port: await freePort(), dataDir });
    servers.push(server);

    const sessions = [];
    for (const role of PARTICIPANT_ROLES)
      sessions.push(await joinWithInvite(server.url, server.invite(role)));
    const conversationId = sessions[0]?.conversationId as string;
    const studentToken = sessions[0]?.accessToken as string;

    // An uploaded document: its bytes live outside the database.
    const pdf = Buffer.concat([
      Buffer.from("%PDF-1.4\n% portfolio\n"),
      randomBytes(4096),
      Buffer.from("\n%%EOF\n"),
    ]);
    const upload = await fetch(
      `${server.url}/api/conversations/${conversationId}/documents?kind=portfolio&name=portfolio.pdf`,
      { method: "POST", headers: { authorization: `Bearer ${studentToken}` }, body: pdf },
    );
    expect(upload.status, await upload.clone().text()).toBe(201);
    const { document } = (await upload.json()) as { document: { id: string } };

    for (const s of sessions)
      participants.push(
        new Participant(ticketedUrl(server.url, conversationId, s.accessToken), random),
      );
    await Promise.all(participants.map((p) => p.client.connect()));
    for (const p of participants) p.startTyping();
    await pause(1500);

    // What the server had confirmed as stored when the backup began.
    const confirmed = participants.flatMap((p) => {
      const stored = p.client.storedOwn;
      return p.keystrokes.filter((k) => k.clock + k.length <= stored);
    });
    const storedBefore = participants.reduce((n, p) => n + p.client.storedOwn, 0);
    const backup = await runScript("backup.js", ["--keep", "2"], { DATA_DIR: dataDir });
    const storedDuring = participants.reduce((n, p) => n + p.client.storedOwn, 0) - storedBefore;
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toMatch(/1 documents; .*integrity ok/);
    const file = /^Backup: (.+)$/m.exec(backup.output)?.[1] as string;
    expect(fs.existsSync(file)).toBe(true);
    expect(path.dirname(file)).toBe(path.join(dataDir, "backups"));
    // Typing went on (and was stored) while the backup ran.
    await pause(500);
    for (const p of participants) p.stopTyping();
    console.log(
      `backup: ${confirmed.length} keystrokes confirmed before it began, ${storedDuring} clocks stored while it ran; ${backup.output.split("\n")[1]}`,
    );
    expect(confirmed.length).toBeGreaterThan(30);

    // A restore refuses a folder that holds data.
    const refused = await runScript("restore.js", [file], { DATA_DIR: dataDir });
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/is not empty/);

    const restoredDir = tempDir();
    const restore = await runScript("restore.js", [file], { DATA_DIR: restoredDir });
    expect(restore.code, restore.output).toBe(0);
    expect(restore.output).toMatch(/1 documents; integrity_check: ok/);

    for (const p of participants) p.client.destroy();
    await server.stop("SIGTERM");

    const restored = await startBuiltServer({
      port: await freePort(),
      dataDir: restoredDir,
      seedDemo: false,
    });
    servers.push(restored);
    // The same session token works: the server's key is in the database.
    const observer = new RawCollabClient(
      ticketedUrl(restored.url, conversationId, studentToken, false),
    );
    try {
      await observer.connect();
      const lost = confirmed.filter((k) => !holdsKeystroke(observer.doc, k));
      expect(lost, `confirmed keystrokes missing after restore (seed ${SEED})`).toEqual([]);
    } finally {
      observer.destroy();
    }
    const download = await fetch(
      `${restored.url}/api/conversations/${conversationId}/documents/${document.id}`,
      { headers: { authorization: `Bearer ${studentToken}` } },
    );
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
    await restored.stop("SIGTERM");

    const db = await Sqlite.open(path.join(restoredDir, "driehoek.sqlite"));
    try {
      expect(await db.integrityCheck()).toBe("ok");
    } finally {
      await db.close();
    }
  }, 120_000);

  it("keeps BACKUP_KEEP backups", async () => {
    const dataDir = tempDir();
    const server = await startBuiltServer({ port: await freePort(), dataDir });
    servers.push(server);
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const run = await runScript("backup.js", [], { DATA_DIR: dataDir, BACKUP_KEEP: "2" });
      expect(run.code, run.output).toBe(0);
      made.push(/^Backup: (.+)$/m.exec(run.output)?.[1] as string);
    }
    const left = fs.readdirSync(path.join(dataDir, "backups")).sort();
    expect(left).toEqual(
      made
        .slice(1)
        .map((f) => path.basename(f))
        .sort(),
    );
    await server.stop("SIGTERM");
  }, 60_000);
});

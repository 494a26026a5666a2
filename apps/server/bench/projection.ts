/**
 * Benchmark of one projection run (a script that prints figures; not a test): what copying a
 * live document into the tables costs the server, per run, after a keystroke.
 *
 *   npm run bench:projection                 # 500 runs per case after 100 warm-up runs
 *   npm run bench:projection -- --runs 2000
 *
 * Seeds the demo school into a fresh SQLite file (as `npm start` does), takes its conversation
 * planned for today and a document with three agreements and a summary, projected once. Then,
 * per case, a keystroke and a projection run, `--runs` times: typed in the summary, and typed in
 * an agreement's text. Each case runs twice in turn: as the server runs it (the text run, which
 * writes the changed rows without reading any) and the same change through the full run (what
 * any other change takes: read the conversation and its agreements, compare, write), forced by
 * handing the projection a fingerprint whose rows part does not match. Both write the same rows.
 * Prints the process's CPU per run (all threads: node-sqlite3's statements run in libuv's pool)
 * and the wall time's p50 and p99, and the full run's CPU over the text run's. Then agreements
 * added one at a time (as `addAgreement` adds them, each removed again outside the measure): the
 * addition run, which inserts the new row without reading any, against the full run.
 *
 * Then the server's situation: the collaboration log commits on its own connection to the same
 * file between two projections (`--commits` group commits of one keystroke before each run; the
 * server at 600 conversations makes about four per projection). Keystrokes in the summary,
 * text runs written once on TypeORM's connection and once on the log's (as the live documents
 * hand it to them), and the commits alone, in turn for `--rounds` rounds; prints the medians of
 * the CPU per run with the commits' own CPU taken off, and their ratio. A connection that finds
 * the file changed by another drops its whole page cache and reads every page again.
 */
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { addAgreement, agreementsOf, conversationSeed, summaryOf } from "@driehoek/collab";
import * as Y from "yjs";
import { projectConversation } from "../src/collab/projection.js";
import type { SqliteStatements } from "../src/collab/projection-text-runs.js";
import { SqliteUpdateStore } from "../src/collab/sqlite-store.js";
import { loadConfig } from "../src/config.js";
import { demoConversationId, seedDemo } from "../src/demo/seed-demo.js";
import { buildServices } from "../src/services.js";
import { appendParagraph } from "../test/support/collab-fixtures.js";
import { ms, percentiles } from "./measure.js";

const { values: flags } = parseArgs({
  options: {
    runs: { type: "string", default: "500" },
    warmup: { type: "string", default: "100" },
    commits: { type: "string", default: "4" },
    rounds: { type: "string", default: "5" },
  },
});
const runs = Number(flags.runs);
const warmup = Number(flags.warmup);
const commits = Number(flags.commits);
const rounds = Number(flags.rounds);

interface Figures {
  cpuMs: number;
  wall: ReturnType<typeof percentiles>;
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-bench-projection-"));
  const services = await buildServices(loadConfig({}, { dataDir }));
  await seedDemo(services);
  const demo = await demoConversationId(services);
  if (!demo) throw new Error("the demo school was not seeded");
  const conversationId = demo;

  const doc = new Y.Doc();
  Y.applyUpdate(doc, conversationSeed([]));
  for (const [i, owner] of (["student", "praktijkopleider", "bpv_begeleider"] as const).entries())
    addAgreement(doc, { id: crypto.randomUUID(), text: `Afspraak ${i + 1}`, owner });
  const paragraph = appendParagraph(summaryOf(doc), "Ik heb deze periode geleerd");
  let last = (await projectConversation(services, conversationId, doc, null)).fingerprint;

  const cases: [string, (i: number) => void][] = [
    ["typed in the summary", () => paragraph.insert(paragraph.length, "a")],
    [
      "typed in an agreement",
      (i) => {
        const agreement = agreementsOf(doc).get(i % 3) as Y.Map<unknown>;
        const text = agreement.get("text") as Y.Text;
        text.insert(text.length, "a");
      },
    ],
  ];

  /** `count` keystrokes, each followed by a projection run; text runs or forced full runs. */
  async function measure(type: (i: number) => void, full: boolean, count: number) {
    const walls: number[] = [];
    const cpu = process.cpuUsage();
    for (let i = 0; i < count; i++) {
      type(i);
      // A rows part that matches nothing: the projection takes the full run.
      const given = full && last ? `- ${last.split(" ").slice(1).join(" ")}` : last;
      const start = performance.now();
      const projection = await projectConversation(services, conversationId, doc, given);
      walls.push(performance.now() - start);
      if (!projection.hasChangedRows) throw new Error("a keystroke changed no stored row");
      last = projection.fingerprint;
    }
    const used = process.cpuUsage(cpu);
    return { cpuMs: (used.user + used.system) / 1000 / count, wall: percentiles(walls) };
  }

  console.log(
    `projection runs on SQLite (the demo's conversation, 3 agreements): ${runs} runs per case after ${warmup} warm-up runs`,
  );
  const line = (f: Figures) =>
    `${f.cpuMs.toFixed(3)} ms CPU, wall p50 ${ms(f.wall.p50)}, p99 ${ms(f.wall.p99)}`;
  for (const [label, type] of cases) {
    await measure(type, false, warmup);
    await measure(type, true, warmup);
    const text = await measure(type, false, runs);
    const full = await measure(type, true, runs);
    console.log(
      `  ${label.padEnd(22)} text run: ${line(text)}; full run: ${line(full)}; full / text ${(full.cpuMs / text.cpuMs).toFixed(1)}×`,
    );
  }

  /**
   * `count` agreements added one at a time, each followed by a projection run (the addition
   * run, or a forced full run); each is removed again before the next, outside the measure, so
   * that every run finds the same three agreements stored.
   */
  async function measureAdditions(full: boolean, count: number): Promise<Figures> {
    const walls: number[] = [];
    let cpuMicros = 0;
    for (let i = 0; i < count; i++) {
      addAgreement(doc, { id: crypto.randomUUID(), text: "Nieuwe afspraak", owner: "student" });
      const given = full && last ? `- ${last.split(" ").slice(1).join(" ")}` : last;
      const cpu = process.cpuUsage();
      const start = performance.now();
      const projection = await projectConversation(services, conversationId, doc, given);
      walls.push(performance.now() - start);
      const used = process.cpuUsage(cpu);
      cpuMicros += used.user + used.system;
      if (!projection.hasChangedRows) throw new Error("an added agreement changed no stored row");
      agreementsOf(doc).delete(3, 1);
      last = (await projectConversation(services, conversationId, doc, projection.fingerprint))
        .fingerprint;
    }
    return { cpuMs: cpuMicros / 1000 / count, wall: percentiles(walls) };
  }
  await measureAdditions(false, warmup);
  await measureAdditions(true, warmup);
  const addition = await measureAdditions(false, runs);
  const additionInFull = await measureAdditions(true, runs);
  console.log(
    `  ${"an agreement added".padEnd(22)} addition run: ${line(addition)}; full run: ${line(additionInFull)}; full / addition ${(additionInFull.cpuMs / addition.cpuMs).toFixed(1)}×`,
  );

  // The log's connection, as the server opens it, committing keystrokes between the runs.
  const log = await SqliteUpdateStore.open(String(services.dataSource.options.database));
  const onLog: SqliteStatements = log.statement.bind(log);
  const keystroke = Y.encodeStateAsUpdate(doc).subarray(0, 40);
  const commitsThenRun = async (on: SqliteStatements | undefined | null) => {
    const cpu = process.cpuUsage();
    for (let i = 0; i < runs; i++) {
      for (let c = 0; c < commits; c++)
        await log.append([{ docName: `bench-${c}`, update: keystroke }]);
      if (on === null) continue;
      paragraph.insert(paragraph.length, "a");
      const projection = await projectConversation(services, conversationId, doc, last, on);
      if (!projection.hasChangedRows) throw new Error("a keystroke changed no stored row");
      last = projection.fingerprint;
    }
    const used = process.cpuUsage(cpu);
    return (used.user + used.system) / 1000 / runs;
  };
  const figures = { alone: [] as number[], typeorm: [] as number[], log: [] as number[] };
  for (let round = 0; round <= rounds; round++) {
    const alone = await commitsThenRun(null);
    const typeorm = await commitsThenRun(undefined);
    const onLogConnection = await commitsThenRun(onLog);
    // The first round warms up.
    if (round === 0) continue;
    figures.alone.push(alone);
    figures.typeorm.push(typeorm - alone);
    figures.log.push(onLogConnection - alone);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
  const [viaTypeorm, viaLog] = [median(figures.typeorm), median(figures.log)];
  console.log(
    `with ${commits} log commits before each run (${rounds} rounds of ${runs} runs, medians; the commits alone ${median(figures.alone).toFixed(3)} ms CPU per run taken off):`,
  );
  console.log(
    `  typed in the summary   text run on TypeORM's connection ${viaTypeorm.toFixed(3)} ms CPU, on the log's ${viaLog.toFixed(3)} ms CPU; log's / TypeORM's ${(viaLog / viaTypeorm).toFixed(2)}×`,
  );
  await log.close();
  await services.dataSource.destroy();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

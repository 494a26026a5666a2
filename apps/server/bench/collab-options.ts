/**
 * The command-line flags of the collaboration benchmark (bench/collab.ts, whose top describes
 * them) and the settings derived from them, checked before anything starts.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { SERVER_ENTRY } from "../test/crash/built-server.js";
import { perfAvailable } from "./perf.js";

/** What one run of the benchmark was asked to do. */
export interface CollabOptions {
  /** Conversations per size (--conversations); the scale-out mode uses the first. */
  readonly sizes: readonly number[];
  readonly skipBaseline: boolean;
  readonly durableBaseline: boolean;
  /** Keystrokes per second per client. */
  readonly rate: number;
  /** Seconds measured. */
  readonly seconds: number;
  /** Seconds of load before the measured window. */
  readonly warmup: number;
  readonly sync: "full" | "normal";
  readonly postgres: boolean;
  readonly awareness: boolean;
  /** Keystrokes typed into the finished conversation that newcomers load. */
  readonly longDocKeystrokes: number;
  /** The server's limit in messages/s per connection (COLLAB_RATE). */
  readonly collabRate: string;
  readonly seed: number;
  /** Rounds per size (--rounds). */
  readonly roundCount: number;
  /** Where the server's V8 CPU profiles go (--profile). */
  readonly profile?: string;
  /** Where the server's allocation profiles go (--allocations). */
  readonly allocations?: string;
  /** --server-env: settings for Driehoek's server. */
  readonly serverEnv: Readonly<Record<string, string>>;
  /** --processes: the scale-out mode's process counts, else null. */
  readonly processCounts: readonly number[] | null;
  /** Node's flags for the server under measurement and the baseline relays (--perf). */
  readonly perfNodeArgs: readonly string[];
  /** Where one server's recording goes (--perf). */
  readonly perfFile: (server: string, conversations: number) => string | undefined;
}

/** Reads the flags in `args` (the command line after the script's name); throws when one is off. */
export function collabOptions(args: readonly string[]): CollabOptions {
  const { values: flags } = parseArgs({
    args: [...args],
    options: {
      conversations: { type: "string", default: "100,300" },
      "skip-baseline": { type: "boolean", default: false },
      "durable-baseline": { type: "boolean", default: false },
      rate: { type: "string", default: "2" },
      seconds: { type: "string", default: "30" },
      // Longer than a projection cycle's longest wait (10 s): before the window, every
      // conversation has been projected, and every code path the load takes has run once in
      // each server (the server under measurement is a fresh process).
      warmup: { type: "string", default: "12" },
      sync: { type: "string", default: "full" },
      postgres: { type: "boolean", default: false },
      awareness: { type: "boolean", default: false },
      "long-doc-keystrokes": { type: "string", default: "8000" },
      "collab-rate": { type: "string", default: "2000" },
      seed: { type: "string", default: "42" },
      rounds: { type: "string", default: "1" },
      profile: { type: "string" },
      allocations: { type: "string" },
      perf: { type: "string" },
      processes: { type: "string" },
      "server-env": { type: "string", multiple: true, default: [] },
    },
  });

  /** Settings given to Driehoek's server with --server-env KEY=VALUE (repeatable). */
  const serverEnv = Object.fromEntries(
    (flags["server-env"] ?? []).map((setting) => {
      const at = setting.indexOf("=");
      if (at < 1) throw new Error(`--server-env takes KEY=VALUE, got "${setting}"`);
      return [setting.slice(0, at), setting.slice(at + 1)];
    }),
  );

  /** Scale-out mode: process counts to compare (see the top). */
  const processCounts = flags.processes
    ? flags.processes.split(",").map((s) => Number(s.trim()))
    : null;
  if (processCounts?.some((n) => !Number.isInteger(n) || n < 1 || n > 8))
    throw new Error("--processes takes 1..8 (comma-separated)");
  if (processCounts && !process.env.DATABASE_URL)
    throw new Error("--processes needs DATABASE_URL (e.g. postgres://root@127.0.0.1:5432/test)");

  const sizes = (flags.conversations ?? "100,300").split(",").map((s) => Number(s.trim()));
  const rate = Number(flags.rate);
  const seconds = Math.min(Number(flags.seconds), 600);
  const warmup = Math.min(Number(flags.warmup), 60);
  const sync = flags.sync === "normal" ? "normal" : "full";
  const longDocKeystrokes = Math.min(Number(flags["long-doc-keystrokes"]), 50_000);
  const seed = Number(flags.seed);
  const roundCount = Number(flags.rounds);
  if (
    sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 5000) ||
    !(rate > 0 && rate <= 50) ||
    !(Number.isInteger(roundCount) && roundCount >= 1 && roundCount <= 10)
  ) {
    throw new Error(
      "--conversations takes 1..5000 (comma-separated), --rate 0..50, --rounds 1..10",
    );
  }
  if (flags.postgres && !process.env.DATABASE_URL) {
    throw new Error("--postgres needs DATABASE_URL (e.g. postgres://root@127.0.0.1:5432/test)");
  }
  if (!fs.existsSync(SERVER_ENTRY)) throw new Error(`Build the server first: ${SERVER_ENTRY}`);
  if (flags.perf) {
    if (!perfAvailable())
      throw new Error(
        "--perf needs Linux perf (Debian: linux-perf) and permission to sample processes",
      );
    fs.mkdirSync(path.resolve(flags.perf), { recursive: true });
  }
  /** Names JavaScript's functions for perf (a map file per process in /tmp). */
  const perfNodeArgs = flags.perf ? ["--perf-basic-prof"] : [];
  /** Where one server's recording goes with --perf (a new file for every run), else nothing. */
  const perfFile = (server: string, conversations: number) =>
    flags.perf
      ? path.resolve(flags.perf, `${server}-${conversations}-${Date.now()}.perf.data`)
      : undefined;
  return {
    sizes,
    skipBaseline: flags["skip-baseline"],
    durableBaseline: flags["durable-baseline"],
    rate,
    seconds,
    warmup,
    sync,
    postgres: flags.postgres,
    awareness: flags.awareness,
    longDocKeystrokes,
    collabRate: flags["collab-rate"],
    seed,
    roundCount,
    profile: flags.profile,
    allocations: flags.allocations,
    serverEnv,
    processCounts,
    perfNodeArgs,
    perfFile,
  };
}

import type { DriehoekServer } from "./server.js";

/**
 * Runs one piece of shutdown work under a name, so that a missed deadline can say what was
 * still going on.
 */
export type TrackShutdown = <T>(label: string, work: () => Promise<T>) => Promise<T>;

/** Runs the work without recording it (a close outside a signal, e.g. in tests). */
export const untracked: TrackShutdown = (_label, work) => work();

/** What a shutdown is busy with right now. */
export class ShutdownProgress {
  private readonly pending = new Map<number, string>();
  private nextId = 0;

  /** Records `work` under `label` while it runs. */
  readonly track: TrackShutdown = async (label, work) => {
    const id = this.nextId++;
    this.pending.set(id, label);
    try {
      return await work();
    } finally {
      this.pending.delete(id);
    }
  };

  /** The work still running, oldest first; "nothing recorded" when empty. */
  describe(): string {
    const labels = [...this.pending.values()];
    return labels.length ? labels.join("; ") : "nothing recorded";
  }
}

/** How the process ends; a test may replace it. */
export interface ShutdownOptions {
  /** Seconds the clean shutdown may take (`SHUTDOWN_TIMEOUT`). */
  timeoutSeconds: number;
  /** Print the progress lines (errors are always printed). */
  isVerbose: boolean;
  exit?: (code: number) => void;
}

/**
 * Stops the server cleanly on SIGTERM or SIGINT (`DriehoekServer.close`: stop accepting, tell
 * clients 1012, store and project what is live, compact, close the database) and exits 0. Past
 * the deadline it exits 1 with a line naming what was unfinished; a second signal exits 1 at
 * once. Apollo's own signal handling is off (graphql/http.ts), so this is the only handler.
 */
export function stopOnSignals(server: DriehoekServer, options: ShutdownOptions): void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const progress = new ShutdownProgress();
  let isStopping = false;

  const onSignal = (signal: NodeJS.Signals) => {
    if (isStopping) {
      console.error(`${signal} again: exiting at once; unfinished: ${progress.describe()}`);
      return exit(1);
    }
    isStopping = true;
    const started = performance.now();
    if (options.isVerbose)
      console.log(`${signal}: stopping (at most ${options.timeoutSeconds} s, SHUTDOWN_TIMEOUT)`);
    const deadline = setTimeout(() => {
      console.error(
        `Shutdown not finished within ${options.timeoutSeconds} s (SHUTDOWN_TIMEOUT); ` +
          `exiting with 1; unfinished: ${progress.describe()}`,
      );
      exit(1);
    }, options.timeoutSeconds * 1000);
    server.close(progress.track).then(
      () => {
        clearTimeout(deadline);
        if (options.isVerbose)
          console.log(`Stopped cleanly in ${Math.round(performance.now() - started)} ms`);
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(deadline);
        console.error(
          `Shutdown failed (${error instanceof Error ? error.message : String(error)}); ` +
            `unfinished: ${progress.describe()}`,
        );
        exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}

import sqlite3 from "sqlite3";

/** Rows a statement answered. */
export type Rows = Record<string, unknown>[];

/** A statement being prepared or prepared, and when it is ready. */
interface Kept {
  statement: sqlite3.Statement;
  ready: Promise<sqlite3.Statement>;
}

/**
 * node-sqlite3 statements kept per SQL text and used again, for a connection that runs the
 * same few statements over and over. `Database#run` and `#all` prepare a new statement on every
 * call, run it and finalize it: three trips to libuv's thread pool and a parse, where a kept
 * statement takes one trip (decision 0011).
 *
 * A statement is handed out only once prepared: node-sqlite3 reports a failed preparation to
 * the preparing callback alone (without one, as an 'error' event that ends the process) and
 * drops every call queued on the statement without calling back. A statement that failed is
 * finalized and prepared anew next time. At most `max` are kept; the oldest goes first.
 */
export class KeptStatements {
  private readonly kept = new Map<string, Kept>();

  constructor(
    private readonly db: sqlite3.Database,
    private readonly max = 256,
  ) {}

  /** Runs `sql` (a write) with `params`; `done` is called as by `Statement#run`. */
  run(
    sql: string,
    params: unknown[],
    done: (this: sqlite3.RunResult | undefined, error: Error | null) => void,
  ): void {
    const drop = (statement: sqlite3.Statement) => this.drop(sql, statement);
    this.statement(sql).then(
      (statement) =>
        statement.run(params, function (this: sqlite3.RunResult, error: Error | null) {
          if (error) drop(statement);
          done.call(this, error);
        }),
      (error: Error) => done.call(undefined, error),
    );
  }

  /** Runs `sql` with `params`; `done` is called with its rows, as by `Statement#all`. */
  all(
    sql: string,
    params: unknown[],
    done: (this: sqlite3.Statement | undefined, error: Error | null, rows: Rows) => void,
  ): void {
    const drop = (statement: sqlite3.Statement) => this.drop(sql, statement);
    this.statement(sql).then(
      (statement) =>
        statement.all(params, function (this: sqlite3.Statement, error: Error | null, rows: Rows) {
          if (error) drop(statement);
          done.call(this, error, rows);
        }),
      (error: Error) => done.call(undefined, error, []),
    );
  }

  /** `run` as a promise. */
  runAsync(sql: string, params: unknown[] = []): Promise<void> {
    return new Promise((resolve, reject) =>
      this.run(sql, params, (error) => (error ? reject(error) : resolve())),
    );
  }

  /** `all` as a promise. */
  allAsync(sql: string, params: unknown[] = []): Promise<Rows> {
    return new Promise((resolve, reject) =>
      this.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows))),
    );
  }

  /** Finalizes every kept statement (before the connection closes). */
  async finalizeAll(): Promise<void> {
    const kept = [...this.kept.values()];
    this.kept.clear();
    await Promise.all(
      kept.map(({ statement, ready }) =>
        ready.then(
          () => new Promise((resolve) => statement.finalize(() => resolve(undefined))),
          () => undefined,
        ),
      ),
    );
  }

  private statement(sql: string): Promise<sqlite3.Statement> {
    const found = this.kept.get(sql);
    if (found) return found.ready;
    let statement: sqlite3.Statement | null = null;
    const ready = new Promise<sqlite3.Statement>((resolve, reject) => {
      const preparing = this.db.prepare(sql, (error) => {
        if (!error) return resolve(preparing);
        this.drop(sql, preparing);
        reject(error);
      });
      statement = preparing;
    });
    if (!statement) throw new Error("node-sqlite3 did not hand out a statement");
    this.kept.set(sql, { statement, ready });
    if (this.kept.size > this.max) {
      const [oldest, first] = this.kept.entries().next().value as [string, Kept];
      this.kept.delete(oldest);
      // Calls already queued on it run first: node-sqlite3 finalizes after them.
      first.ready.then(
        () => first.statement.finalize(),
        () => undefined,
      );
    }
    return ready;
  }

  /** Forgets and finalizes a statement that failed; the next call prepares it anew. */
  private drop(sql: string, statement: sqlite3.Statement): void {
    if (this.kept.get(sql)?.statement === statement) this.kept.delete(sql);
    statement.finalize();
  }
}

import path from "node:path";
import { graphql, type ServerProcess, until } from "@driehoek/test-support";
import { createClient } from "graphql-ws";
import sqlite3 from "sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { ensureServerBuilt, startBuiltServer } from "../crash/built-server.js";

/*
 * The real built server as a process, its stdout read line by line: logs are JSON lines, each
 * request has an id (the caller's when sane, sent back in X-Request-Id), and an internal error
 * reaches the client only as its code and that id while the log holds the id and the stack.
 */

/** Runs one statement on the server's SQLite file from outside, as a broken disk or a bad migration would. */
function onDatabase(dataDir: string, sql: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path.join(dataDir, "driehoek.sqlite"));
    db.configure("busyTimeout", 5_000);
    db.run(sql, (error) => db.close(() => (error ? reject(error) : resolve())));
  });
}

/** The JSON lines of the server's output (the start-up banner is plain text). */
function jsonLines(server: ServerProcess): Record<string, unknown>[] {
  return server.output.flatMap((line) => {
    if (!line.startsWith("{")) return [];
    return [JSON.parse(line) as Record<string, unknown>];
  });
}

async function post(
  server: ServerProcess,
  query: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; requestId: string | null; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    requestId: response.headers.get("x-request-id"),
    body: (await response.json()) as Record<string, unknown>,
  };
}

/** Runs `query` over graphql-ws and returns the errors of its result. */
async function queryOverWebsocket(
  server: ServerProcess,
  query: string,
  token: string,
): Promise<{ message: string; extensions?: Record<string, unknown> }[] | undefined> {
  const client = createClient({
    url: `${server.url.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  try {
    const result = await new Promise<{ errors?: unknown }>((resolve, reject) => {
      client.subscribe({ query }, { next: resolve, error: reject, complete: () => {} });
    });
    return result.errors as { message: string; extensions?: Record<string, unknown> }[];
  } finally {
    await client.dispose();
  }
}

describe("structured logs and request ids, on the built server", () => {
  let server: ServerProcess;
  let token: string;

  beforeAll(async () => {
    ensureServerBuilt();
    server = await startBuiltServer({ env: { LOG_LEVEL: "info" } });
    const staff = server.staff.find((s) => s.role === "bpv_begeleider") ?? server.staff[0];
    if (!staff) throw new Error(`No staff login in the banner:\n${server.output.join("\n")}`);
    const login = await graphql<{ login: { accessToken: string } }>(
      server.url,
      "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }",
      { e: staff.email, p: staff.password },
    );
    token = login.login.accessToken;
  }, 180_000);
  afterAll(() => server?.stop());

  it("gives every request an id: the caller's when sane, a fresh one otherwise", async () => {
    const mine = await post(server, "{ __typename }", { "x-request-id": "client-abc.123" });
    expect(mine.requestId).toBe("client-abc.123");
    const insane = await post(server, "{ __typename }", { "x-request-id": `a${"b".repeat(300)}` });
    expect(insane.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const forged = await post(server, "{ __typename }", { "x-request-id": '{"level":"error"}' });
    expect(forged.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const none = await post(server, "{ __typename }");
    expect(none.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(none.requestId).not.toBe(insane.requestId);
    // One line per answered request, under the id the client got.
    await until(
      () => jsonLines(server).some((l) => l.requestId === "client-abc.123" && l.msg === "request"),
      "the request's log line",
    );
    const line = jsonLines(server).find((l) => l.requestId === "client-abc.123");
    expect(line).toMatchObject({ level: "info", method: "POST", path: "/graphql", status: 200 });
  });

  it("sends an internal error as code and id only, and logs that id with the stack", async () => {
    const query = "{ conversations { id status } }";
    const auth = { authorization: `Bearer ${token}` };
    expect((await post(server, query, auth)).body.errors).toBeUndefined();

    await onDatabase(server.dataDir, "ALTER TABLE conversation RENAME TO conversation_away");
    let broken: Awaited<ReturnType<typeof post>>;
    let overSocket: { message: string; extensions?: Record<string, unknown> }[] | undefined;
    try {
      broken = await post(server, query, { ...auth, "x-request-id": "internal-1" });
      overSocket = await queryOverWebsocket(server, query, token);
    } finally {
      await onDatabase(server.dataDir, "ALTER TABLE conversation_away RENAME TO conversation");
    }
    const errors = broken.body.errors as { message: string; extensions: Record<string, unknown> }[];
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toBe("Er ging iets mis (INTERNAL_SERVER_ERROR, id internal-1)");
    expect(errors[0]?.extensions).toEqual({
      code: "INTERNAL_SERVER_ERROR",
      requestId: "internal-1",
    });
    // Nothing of the inside: no stack, no SQL, no table name.
    expect(JSON.stringify(broken.body)).not.toMatch(/stack|SQLITE|conversation_away|at .*\.js/i);

    const isErrorLine = (l: Record<string, unknown>) =>
      l.requestId === "internal-1" && l.level === "error";
    await until(() => jsonLines(server).some(isErrorLine), "the log line of the internal error");
    const line = jsonLines(server).find(isErrorLine) as {
      level: string;
      time: string;
      msg: string;
      err: { message: string; stack: string };
    };
    expect(line.level).toBe("error");
    expect(line.msg).toBe("graphql internal error");
    expect(Number.isNaN(Date.parse(line.time))).toBe(false);
    expect(line.err.message).toMatch(/no such table/);
    expect(line.err.stack).toMatch(/\n\s+at /);

    // Over the websocket likewise: code and an id, the same id in the log.
    const socketError = overSocket?.[0];
    const socketId = socketError?.extensions?.requestId as string;
    expect(socketError?.message).toBe(`Er ging iets mis (INTERNAL_SERVER_ERROR, id ${socketId})`);
    expect(socketError?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    expect(JSON.stringify(overSocket)).not.toMatch(/SQLITE|conversation_away/i);
    await until(
      () => jsonLines(server).some((l) => l.requestId === socketId && l.level === "error"),
      "the log line of the internal error over the websocket",
    );

    // The server is fine again once the table is back.
    expect((await post(server, query, auth)).body.errors).toBeUndefined();
  });

  it("answers an internal error outside GraphQL (a download) as 500 with code and id, and logs the stack", async () => {
    const auth = { authorization: `Bearer ${token}` };
    const listed = await post(server, "{ conversations { id } }", auth);
    const id = (listed.body.data as { conversations: { id: string }[] }).conversations[0]?.id;
    if (!id) throw new Error("The demo school has no conversation");
    const download = () =>
      fetch(`${server.url}/export/conversations/${id}.json`, { headers: auth });

    await onDatabase(server.dataDir, "ALTER TABLE conversation RENAME TO conversation_away");
    let response: Response;
    let body: string;
    try {
      response = await download();
      body = await response.text();
    } finally {
      await onDatabase(server.dataDir, "ALTER TABLE conversation_away RENAME TO conversation");
    }
    expect(response.status).toBe(500);
    const requestId = response.headers.get("x-request-id") ?? "";
    const errors = (JSON.parse(body) as { errors: { message: string; extensions: unknown }[] })
      .errors;
    expect(errors[0]?.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", requestId });
    expect(body).not.toMatch(/stack|SQLITE|conversation_away/i);

    const isErrorLine = (l: Record<string, unknown>) =>
      l.level === "error" && l.msg === "http request failed" && l.requestId === requestId;
    await until(() => jsonLines(server).some(isErrorLine), "the log line of the failed download");
    const line = jsonLines(server).find(isErrorLine) as {
      path: string;
      err: { message: string; stack: string };
    };
    expect(line.path).toBe(`/export/conversations/${id}.json`);
    expect(line.err.message).toMatch(/no such table/);
    expect(line.err.stack).toMatch(/\n\s+at /);
    // The download works again once the table is back (this record is not signed: refused).
    expect((await download()).status).toBeLessThan(500);
  });
});

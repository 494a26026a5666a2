import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markDraining } from "../../src/http/health.js";
import { startTestServer, type TestServer } from "../support/server.js";

/*
 * The health endpoints a load balancer asks: /healthz (the process answers) and /readyz (the
 * database answers and the server takes work). From the moment shutdown begins both say
 * "draining", so requests that still arrive on open connections learn to go elsewhere.
 */
describe("health endpoints", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer("sqlite");
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("are ready while the server runs, never cached", async () => {
    const live = await fetch(`${server.url}/healthz`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ ok: true });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, status: "ready" });
    expect(ready.headers.get("cache-control")).toBe("no-store");
  });

  it("say draining with 503 once shutdown has begun", async () => {
    markDraining(server.services);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ok: false, status: "draining" });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(503);
  });
});

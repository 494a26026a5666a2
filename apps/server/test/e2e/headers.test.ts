import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSchool, loginAs, type TestSchool } from "../support/factories.js";
import { startTestServer, type TestServer } from "../support/server.js";

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | null): Map<string, string[]> {
  return new Map(
    (header ?? "")
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

describe("security headers", () => {
  let server: TestServer;
  let school: TestSchool;
  beforeAll(async () => {
    server = await startTestServer("sqlite");
    school = await buildSchool(server.services);
  });
  afterAll(() => server?.close());

  it("sends a strict CSP, no framing, nosniff and no referrer with the web app", async () => {
    const response = await fetch(`${server.url}/join/iets`);
    expect(response.status).toBe(200);
    const csp = directives(response.headers.get("content-security-policy"));
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.get("script-src-attr")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    const host = new URL(server.url).host;
    expect(csp.get("connect-src")).toEqual(["'self'", `ws://${host}`, `wss://${host}`]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-powered-by")).toBeNull();
    // The built page runs under it: every script is a file of its own, none inline.
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\//);
      expect(body?.trim()).toBe("");
    }
    expect(html).not.toMatch(/\son[a-z]+="/i);
  });

  it("keeps GraphQL answers out of every cache", async () => {
    const anonymous = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(anonymous.headers.get("cache-control")).toBe("no-store");
    const token = await loginAs(server, school.staff.marieke);
    const me = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: "{ me { name } }" }),
    });
    expect(me.status).toBe(200);
    expect(me.headers.get("cache-control")).toBe("no-store");
    expect(me.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("keeps exports and documents out of every cache, refusals included", async () => {
    for (const path of [
      "/export/conversations/nope.csv",
      "/export/conversations/nope.pdf",
      "/api/conversations/nope/documents/nope",
    ]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("still caches the web app's hashed files for good", async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const response = await fetch(`${server.url}${asset}`);
    expect(response.headers.get("cache-control")).toMatch(/immutable/);
  });
});

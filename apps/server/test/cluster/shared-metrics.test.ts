import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operationLabel } from "../../src/graphql/operation-metrics.js";
import { startTestServer, type TestServer } from "../support/server.js";

/*
 * /metrics on a real server: open to the machine itself, 401 to anyone else without the token,
 * 404 to them when no token is set. "Anyone else" is a caller a proxy on this machine forwarded
 * (X-Forwarded-For): the test runs on the same machine as the server, so a caller from another
 * address is played by the proxy's header; the connection itself always comes from loopback.
 */

const FORWARDED = { "x-forwarded-for": "198.51.100.4" };

describe("/metrics", () => {
  let withToken: TestServer;
  let withoutToken: TestServer;
  beforeAll(async () => {
    withToken = await startTestServer("sqlite", { config: { metricsToken: "s3cret-token" } });
    withoutToken = await startTestServer("sqlite");
  });
  afterAll(async () => {
    await withToken?.close();
    await withoutToken?.close();
  });

  const metrics = (server: TestServer, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/metrics`, { headers });

  it("serves the Prometheus text to a caller on this machine, with the operations it answered", async () => {
    await withoutToken.post(JSON.stringify({ query: "query MetricsProbe { __typename }" }));
    await withoutToken.post(JSON.stringify({ query: "query MetricsBroken { nope }" }));
    const response = await metrics(withoutToken);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(text).toMatch(
      /driehoek_graphql_operation_duration_seconds_count\{operation="MetricsProbe",type="query"\} [1-9]/,
    );
    expect(text).toMatch(
      /driehoek_graphql_errors_total\{operation="(unknown|MetricsBroken)",code="GRAPHQL_VALIDATION_FAILED"\} [1-9]/,
    );
    expect(text).toMatch(/# TYPE driehoek_http_requests_total counter/);
    expect(text).toMatch(/driehoek_mail_outbox_backlog\{state="due"\} \d/);
  });

  it("is not there for a forwarded caller when no token is set", async () => {
    const response = await metrics(withoutToken, FORWARDED);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toMatch(/driehoek_/);
  });

  it("asks a forwarded caller for the token, and answers the right one", async () => {
    const attempts: Record<string, string>[] = [
      FORWARDED,
      { ...FORWARDED, authorization: "Bearer wrong" },
      { ...FORWARDED, authorization: "Bearer s3cret-token-and-more" },
      { forwarded: "for=198.51.100.4" },
      { "x-real-ip": "198.51.100.4" },
    ];
    for (const headers of attempts) {
      const response = await metrics(withToken, headers);
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    const allowed = await metrics(withToken, {
      ...FORWARDED,
      authorization: "Bearer s3cret-token",
    });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toMatch(/driehoek_process_/);
  });
});

describe("operation labels", () => {
  it("keep the label set bounded whatever names clients send", () => {
    expect(operationLabel(undefined)).toBe("anonymous");
    expect(operationLabel("ConversationPage")).toBe("ConversationPage");
    expect(operationLabel("not a name; DROP")).toBe("other");
    expect(operationLabel("x".repeat(65))).toBe("other");
    const labels = new Set<string>();
    for (let i = 0; i < 1_000; i++) labels.add(operationLabel(`Invented${i}`));
    expect(labels.size).toBeLessThanOrEqual(201);
    expect(labels.has("other")).toBe(true);
    // A name seen before the cap keeps its own label.
    expect(operationLabel("ConversationPage")).toBe("ConversationPage");
  });
});

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../src/config.js";
import { closeSharedRedis } from "../../src/security/redis.js";
import { buildSchool, loginAs, type TestSchool } from "../support/factories.js";
import { codeOf, startTestServer, type TestServer } from "../support/server.js";

const ME = "{ me { name } }";
const LOGIN = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken } }`;
const GUIDE = "{ __typename }";

/** POSTs `query` to /graphql and returns status, Retry-After and the parsed body. */
async function ask(server: TestServer, query: string, token?: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    body: (await response.json()) as {
      errors?: { message: string; extensions: Record<string, unknown> }[];
    },
  };
}

const LIMITS: Partial<Config> = { graphqlRatePerMinute: 6, graphqlIpRatePerMinute: 4 };

/** The behaviour every store must show, on servers started with `config`. */
function rateLimitBehaviour(config: () => Partial<Config>) {
  let server: TestServer;
  let school: TestSchool;
  let marieke: string;
  let joost: string;
  beforeAll(async () => {
    server = await startTestServer("sqlite", { config: { ...LIMITS, ...config() } });
    school = await buildSchool(server.services);
    marieke = await loginAs(server, school.staff.marieke);
    joost = await loginAs(server, school.staff.joost);
  });
  afterAll(() => server?.close());

  it("answers 429 with Retry-After and a RATE_LIMITED error once a person is over the limit", async () => {
    // The login above was one anonymous request from this address.
    for (let i = 0; i < 6; i++) expect((await ask(server, ME, marieke)).status).toBe(200);
    const over = await ask(server, ME, marieke);
    expect(over.status).toBe(429);
    expect(Number(over.retryAfter)).toBeGreaterThan(0);
    expect(Number(over.retryAfter)).toBeLessThanOrEqual(60);
    expect(over.body.errors?.[0]?.extensions).toEqual({
      code: "RATE_LIMITED",
      retryAfterSeconds: Number(over.retryAfter),
    });
    expect(over.body.errors?.[0]?.message).toMatch(/Te veel verzoeken/);
    // Another person behind the same address is not slowed down by it.
    expect((await ask(server, ME, joost)).status).toBe(200);
  });

  it("limits requests without a token per IP address", async () => {
    // Two logins were anonymous requests; two more are allowed, the next is not.
    expect((await ask(server, GUIDE)).status).toBe(200);
    expect((await ask(server, GUIDE)).status).toBe(200);
    const over = await ask(server, GUIDE);
    expect(over.status).toBe(429);
    expect(over.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    // A forged token counts as no token.
    const forged = `${Buffer.from(JSON.stringify({ sub: "x", exp: 9e9 })).toString("base64url")}.AAAA`;
    expect((await ask(server, GUIDE, forged)).status).toBe(429);
    // Logged-in people keep working.
    expect((await ask(server, ME, joost)).status).toBe(200);
  });
}

describe("GraphQL rate limits in memory", () => {
  rateLimitBehaviour(() => ({}));

  it("has generous defaults a real user never reaches", async () => {
    const { loadConfig } = await import("../../src/config.js");
    const config = loadConfig({});
    expect(config.graphqlRatePerMinute).toBe(600);
    expect(config.graphqlIpRatePerMinute).toBe(1200);
    expect(config.redisUrl).toBeUndefined();
  });
});

describe("behind a trusted proxy", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("sqlite", {
      config: { graphqlIpRatePerMinute: 2, trustProxy: "loopback" },
    });
  });
  afterAll(() => server?.close());

  it("counts per caller address from X-Forwarded-For, not per proxy", async () => {
    const from = (address: string) =>
      fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": address },
        body: JSON.stringify({ query: GUIDE }),
      }).then((r) => r.status);
    expect([await from("10.0.0.1"), await from("10.0.0.1"), await from("10.0.0.1")]).toEqual([
      200, 200, 429,
    ]);
    expect(await from("10.0.0.2")).toBe(200);
  });
});

const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl && process.env.REQUIRE_REDIS === "1") {
  throw new Error("REQUIRE_REDIS=1 but TEST_REDIS_URL is not set");
}
if (!redisUrl) {
  console.warn("rate-limit.test.ts: Redis tests skipped (set TEST_REDIS_URL to run them)");
}

describe.skipIf(!redisUrl)("GraphQL rate limits in Redis", () => {
  const prefix = `test-${randomUUID()}`;
  afterAll(() => closeSharedRedis());
  rateLimitBehaviour(() => ({ redisUrl, rateLimitPrefix: prefix }));

  it("counts together across server processes sharing one Redis", async () => {
    const shared = { ...LIMITS, redisUrl, rateLimitPrefix: `${prefix}-shared` };
    const one = await startTestServer("sqlite", { config: shared });
    const two = await startTestServer("sqlite", { config: shared });
    try {
      for (const server of [one, two, one, two]) {
        expect((await ask(server, GUIDE)).status).toBe(200);
      }
      expect((await ask(one, GUIDE)).status).toBe(429);
      expect((await ask(two, GUIDE)).status).toBe(429);
    } finally {
      await one.close();
      await two.close();
    }
  });

  it("locks a login address on every server process at once", async () => {
    const shared = { loginMaxFailures: 3, redisUrl, rateLimitPrefix: `${prefix}-login` };
    const one = await startTestServer("sqlite", { config: shared });
    const two = await startTestServer("sqlite", { config: shared });
    const login = (server: TestServer) =>
      server.gql(LOGIN, { email: "iemand@school.test", password: "fout" }).then(codeOf);
    try {
      expect([await login(one), await login(two)]).toEqual(["UNAUTHENTICATED", "UNAUTHENTICATED"]);
      expect(await login(one)).toBe("TOO_MANY_ATTEMPTS");
      expect(await login(two)).toBe("TOO_MANY_ATTEMPTS");
    } finally {
      await one.close();
      await two.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginDelayMs } from "../../src/security/login-throttle.js";
import { buildSchool, STAFF_PASSWORD, type TestSchool } from "../support/factories.js";
import { codeOf, type GqlResult, startTestServer, type TestServer } from "../support/server.js";

const LOGIN = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken }
}`;
const RESET = "mutation($email: String!) { requestPasswordReset(email: $email) }";

/** Ten wrong passwords for `email`, one after the other: each answer and how long it took. */
async function guessTenTimes(server: TestServer, email: string) {
  const answers: { code: string | undefined; ms: number; result: GqlResult }[] = [];
  for (let i = 0; i < 10; i++) {
    const started = performance.now();
    const result = await server.gql(LOGIN, { email, password: `fout-${i}` });
    answers.push({ code: codeOf(result), ms: performance.now() - started, result });
  }
  return answers;
}

describe("login throttling", () => {
  let server: TestServer;
  let school: TestSchool;
  beforeAll(async () => {
    server = await startTestServer("sqlite");
    school = await buildSchool(server.services);
  });
  afterAll(() => server?.close());

  it("slows down, then locks an address after 10 wrong passwords; the right one is refused too", async () => {
    const email = school.staff.marieke.email;
    const answers = await guessTenTimes(server, email);
    expect(answers.slice(0, 9).map((a) => a.code)).toEqual(Array(9).fill("UNAUTHENTICATED"));
    // Progressive: the first answers come at once, the later ones wait longer and longer.
    expect([0, 1, 2, 3, 4, 8, 20].map(loginDelayMs)).toEqual([0, 0, 0, 200, 400, 1000, 1000]);
    expect(answers[8]?.ms).toBeGreaterThanOrEqual(loginDelayMs(8) - 50);
    const lock = answers[9]?.result.errors?.[0];
    expect(lock?.extensions?.code).toBe("TOO_MANY_ATTEMPTS");
    expect(lock?.extensions?.retryAfterSeconds).toBe(600);
    expect(lock?.message).toMatch(/Wacht 10 minuten/);

    const right = await server.gql(LOGIN, { email, password: STAFF_PASSWORD });
    expect(codeOf(right)).toBe("TOO_MANY_ATTEMPTS");
    expect(right.data?.login).toBeUndefined();
    expect(right.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(590);

    // Another person at the same school (same IP) is not locked out.
    const other = await server.gql(LOGIN, {
      email: school.staff.fleur.email,
      password: STAFF_PASSWORD,
    });
    expect(other.data?.login.accessToken).toEqual(expect.any(String));
  }, 60_000);

  it("answers an unknown address exactly like a known one, lock included", async () => {
    const known = await guessTenTimes(server, school.staff.joost.email);
    const unknown = await guessTenTimes(server, "niemand@school.test");
    const shape = (a: (typeof known)[number]) => ({
      code: a.code,
      message: a.result.errors?.[0]?.message,
      retryAfterSeconds: a.result.errors?.[0]?.extensions?.retryAfterSeconds,
    });
    expect(unknown.map(shape)).toEqual(known.map(shape));
    const total = (answers: typeof known) => answers.reduce((sum, a) => sum + a.ms, 0);
    // The same delays: within what a busy machine adds by itself.
    expect(total(unknown) / total(known)).toBeGreaterThan(0.5);
    expect(total(unknown) / total(known)).toBeLessThan(2);
    const after = await server.gql(LOGIN, { email: "niemand@school.test", password: "x" });
    expect(codeOf(after)).toBe("TOO_MANY_ATTEMPTS");
  }, 60_000);

  it("starts counting again after a right password", async () => {
    const email = school.staff.ahmed.email;
    for (let i = 0; i < 5; i++) await server.gql(LOGIN, { email, password: "fout" });
    const right = await server.gql(LOGIN, { email, password: STAFF_PASSWORD });
    expect(right.errors).toBeUndefined();
    for (let i = 0; i < 9; i++) {
      expect(codeOf(await server.gql(LOGIN, { email, password: "fout" }))).toBe("UNAUTHENTICATED");
    }
  }, 60_000);
});

describe("throttling per IP address and of reset requests", () => {
  let server: TestServer;
  let school: TestSchool;
  beforeAll(async () => {
    server = await startTestServer("sqlite", {
      config: { loginIpMaxFailures: 5, resetMaxPerHour: 3, resetIpMaxPerHour: 8 },
    });
    school = await buildSchool(server.services);
  });
  afterAll(() => server?.close());

  it("locks an IP address that guesses across many addresses", async () => {
    for (let i = 0; i < 4; i++) {
      const result = await server.gql(LOGIN, { email: `gok${i}@school.test`, password: "x" });
      expect(codeOf(result)).toBe("UNAUTHENTICATED");
    }
    const fifth = await server.gql(LOGIN, { email: "gok4@school.test", password: "x" });
    expect(codeOf(fifth)).toBe("TOO_MANY_ATTEMPTS");
    const right = await server.gql(LOGIN, {
      email: school.staff.marieke.email,
      password: STAFF_PASSWORD,
    });
    expect(codeOf(right)).toBe("TOO_MANY_ATTEMPTS");
    expect(right.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("limits password-reset requests per address, the same for unknown addresses", async () => {
    for (const email of [school.staff.fleur.email, "onbekend@school.test"]) {
      for (let i = 0; i < 3; i++) {
        const result = await server.gql(RESET, { email });
        expect(result.data?.requestPasswordReset).toBe(true);
      }
      const fourth = await server.gql(RESET, { email });
      expect(codeOf(fourth)).toBe("TOO_MANY_ATTEMPTS");
      expect(fourth.errors?.[0]?.extensions?.reason).toBe("reset_throttled");
      expect(fourth.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(3000);
      expect(fourth.errors?.[0]?.message).toMatch(/minuten/);
    }
  });

  it("limits password-reset requests per IP address across addresses", async () => {
    // 8 were counted above; the next one from this address is over the IP's limit.
    const result = await server.gql(RESET, { email: "nog-een@school.test" });
    expect(codeOf(result)).toBe("TOO_MANY_ATTEMPTS");
  });
});

describe("throttling per IP address behind a proxy", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("sqlite", {
      config: { loginIpMaxFailures: 3, trustProxy: "loopback" },
    });
  });
  afterAll(() => server?.close());

  /** A login from the caller the proxy names in X-Forwarded-For. */
  const loginFrom = async (ip: string, email: string) => {
    const { body } = await server.post(
      JSON.stringify({ query: LOGIN, variables: { email, password: "x" } }),
      { "x-forwarded-for": ip },
    );
    return codeOf(body as GqlResult);
  };

  it("counts each caller's address on its own", async () => {
    for (let i = 0; i < 2; i++)
      expect(await loginFrom("203.0.113.7", `a${i}@school.test`)).toBe("UNAUTHENTICATED");
    expect(await loginFrom("203.0.113.7", "a2@school.test")).toBe("TOO_MANY_ATTEMPTS");
    // Another school behind the same proxy guesses nothing wrong yet: it is not locked.
    expect(await loginFrom("198.51.100.9", "b0@school.test")).toBe("UNAUTHENTICATED");
  });
});

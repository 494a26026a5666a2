import { spawn } from "node:child_process";
import type { ServerProcess } from "@driehoek/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { ensureServerBuilt, SERVER_DIR, startBuiltServer } from "../crash/built-server.js";
import type { Data } from "../support/server.js";

const LOGIN = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { role person { name } } }`;
const SET_PASSWORD = `mutation($token: String!, $password: String!) {
  setPassword(token: $token, password: $password) }`;

async function gql(url: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as {
    data?: Data;
    errors?: { extensions?: { code?: string; reason?: string } }[];
  };
}

/**
 * Runs `npm run admin:create -- <args>` in the server package; its exit code and output. It
 * works on the same database as the started server: that one's SQLite file in `DATA_DIR`, never
 * a PostgreSQL the test run itself was given.
 */
function adminCreate(args: string[], env: Record<string, string>) {
  const { DATABASE_URL: _database, REDIS_URL: _redis, ...inherited } = process.env;
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn("npm", ["run", "--silent", "admin:create", "--", ...args], {
      cwd: SERVER_DIR,
      env: { ...inherited, ...env },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe("safe defaults", () => {
  it("never seeds the demo with NODE_ENV=production unless SEED_DEMO=true", () => {
    expect(loadConfig({}).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: "false" }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: "production" }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", SEED_DEMO: "1" }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", SEED_DEMO: "true" }).seedDemo).toBe(true);
  });

  describe("a fresh production install (the built server, NODE_ENV=production)", () => {
    let server: ServerProcess;
    beforeAll(async () => {
      ensureServerBuilt();
      server = await startBuiltServer({
        seedDemo: false,
        env: { NODE_ENV: "production", SEED_DEMO: "", LOG_LEVEL: "info" },
      });
    }, 120_000);
    afterAll(() => server?.stop());

    it("has no demo school and prints no password or link", async () => {
      const printed = server.output.join("\n");
      expect(printed).toContain("Driehoek is running at");
      expect(printed).not.toMatch(/driehoek-demo|\/join\/|\/wachtwoord\/|DEMO|^staff /m);
      const demoAdmin = await gql(server.url, LOGIN, {
        email: "beheer@demo.driehoek.nl",
        password: "driehoek-demo",
      });
      expect(demoAdmin.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    });

    it("creates its first admin with admin:create, whose one-time link sets the password", async () => {
      const env = { DATA_DIR: server.dataDir, PUBLIC_URL: server.url, NODE_ENV: "production" };
      const created = await adminCreate(
        ["--email", "Beheer@School.nl", "--name", "Bea Beheer"],
        env,
      );
      expect(created.code, created.output).toBe(0);
      expect(created.output).toContain("Beheerder aangemaakt: Bea Beheer <beheer@school.nl>");
      const link = new RegExp(`${server.url}/wachtwoord/([A-Za-z0-9_-]{20,})`).exec(created.output);
      expect(link, created.output).not.toBeNull();
      const token = link?.[1] as string;

      const set = await gql(server.url, SET_PASSWORD, { token, password: "een-goed-wachtwoord" });
      expect(set.data?.setPassword).toBe(true);
      const login = await gql(server.url, LOGIN, {
        email: "beheer@school.nl",
        password: "een-goed-wachtwoord",
      });
      expect(login.data?.login).toEqual({ role: "admin", person: { name: "Bea Beheer" } });
      const again = await gql(server.url, SET_PASSWORD, { token, password: "nog-een-wachtwoord" });
      expect(again.errors?.[0]?.extensions?.reason).toBe("password_link_used");

      // The same address twice is refused, and nothing is printed that could log in.
      const twice = await adminCreate(["--email", "beheer@school.nl", "--name", "Bea"], env);
      expect(twice.code).toBe(1);
      expect(twice.output).toMatch(/bestaat al/);
      expect(twice.output).not.toMatch(/wachtwoord\//);
      const missing = await adminCreate(["--email", "x@y.nl"], env);
      expect(missing.code).toBe(2);
      expect(missing.output).toMatch(/Gebruik: npm run admin:create/);
    }, 60_000);
  });

  it("still seeds the demo for a newcomer's start, clearly marked DEMO", async () => {
    ensureServerBuilt();
    const server = await startBuiltServer({ env: { LOG_LEVEL: "info" } });
    try {
      const printed = server.output.join("\n");
      expect(printed).toMatch(/DEMO/);
      expect(server.staff.length).toBeGreaterThan(0);
      expect(server.invite("student")).toMatch(/\/join\//);
    } finally {
      await server.stop();
    }
  }, 120_000);
});

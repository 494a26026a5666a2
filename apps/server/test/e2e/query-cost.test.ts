import { performance } from "node:perf_hooks";
import { type GraphQLSchema, parse, specifiedRules, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { operationCost } from "../../src/graphql/cost.js";
import { queryLimits } from "../../src/graphql/limits.js";
import { buildApiSchema } from "../../src/graphql/schema.js";
import { Particular } from "../../src/modules/particular/particular.entity.js";
import { placeholderVariables, webOperations } from "../fuzz/web-operations.js";
import { buildSchool, joinAs, loginAs, type TestSchool } from "../support/factories.js";
import { codeOf, type GqlResult, startTestServer, type TestServer } from "../support/server.js";

/*
 * Cost, not text: an operation is weighed as it will execute (fragments expanded, every list
 * counted as its page size or 10 items, nested lists multiplying) and refused before any
 * resolver runs when it is too heavy, so one participant cannot slow everyone else down.
 */

const DEFAULTS = loadConfig({});

/** `aliases` copies of `placement { conversations { … } }` per level, `levels` deep, through fragments. */
function fragmentBomb(aliases: number, levels: number): string {
  const names = Array.from({ length: aliases }, (_, i) => `a${i}`);
  const fragments: string[] = [];
  for (let level = 1; level <= levels; level++) {
    const inner = level === levels ? "record { hash }" : `...L${level + 1}`;
    const copies = names.map((a) => `${a}: placement { conversations { ${inner} } }`).join(" ");
    fragments.push(`fragment L${level} on Conversation { ${copies} }`);
  }
  return `query($id: ID!) { conversation(id: $id) { ...L1 } } ${fragments.join(" ")}`;
}

/** 490 copies of the whole guide through one fragment, as an anonymous caller may ask. */
const GUIDE_BOMB = `{ ...G } fragment G on Query { ${Array.from(
  { length: 490 },
  (_, i) => `g${i}: guide { key title goal plannedMinutes sections { key title } }`,
).join(" ")} }`;

/** The median of `count` sequential timings of `run`, in ms. */
async function medianMs(count: number, run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

describe("the cost limit with the default settings", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildApiSchema();
  });

  it("lets every operation of the web app through, with the largest pages (first: 100)", () => {
    const rules = [...specifiedRules, ...queryLimits(DEFAULTS)];
    const costs: [string, number][] = [];
    for (const operation of webOperations()) {
      expect(validate(schema, operation.document, rules), operation.name).toEqual([]);
      const result = operationCost(
        schema,
        operation.document,
        placeholderVariables(schema, operation.document),
      );
      if (!("cost" in result)) throw result.unknown;
      costs.push([operation.name, result.cost]);
      expect(result.cost, `${operation.name} costs more than GRAPHQL_MAX_COST`).toBeLessThanOrEqual(
        DEFAULTS.maxQueryCost,
      );
    }
    // The heaviest page stays well under the limit, so a new field does not tip it over at once.
    const heaviest = Math.max(...costs.map(([, cost]) => cost));
    expect(heaviest).toBeGreaterThan(DEFAULTS.maxQueryCost / 4);
  });

  it("weighs fragments as expanded: the attacks are far over the limit", () => {
    const cost = (query: string) => {
      const result = operationCost(schema, parse(query), { id: "x" });
      return "cost" in result ? result.cost : Number.NaN;
    };
    expect(cost(fragmentBomb(6, 4))).toBeGreaterThan(DEFAULTS.maxQueryCost * 100);
    expect(cost(fragmentBomb(2, 4))).toBeGreaterThan(DEFAULTS.maxQueryCost);
    expect(cost(GUIDE_BOMB)).toBeGreaterThan(DEFAULTS.maxQueryCost);
    // A page size counts as asked: 100 rows cost four times 25.
    const page = (first: number) =>
      cost(`{ studentSearch(first: ${first}) { edges { node { id name } } } }`);
    expect(page(100) - 1).toBe(4 * (page(25) - 1));
  });
});

describe("over the real server", () => {
  let server: TestServer;
  let school: TestSchool;
  let student: string;
  let marieke: string;

  beforeAll(async () => {
    server = await startTestServer("sqlite");
    school = await buildSchool(server.services);
    marieke = await loginAs(server, school.staff.marieke);
    student = await joinAs(server, school.conversations.sanne.invites.student);
  });
  afterAll(() => server?.close());

  const expectRefusedBeforeRunning = (result: GqlResult, reasons: string[]) => {
    expect(result.status).toBe(400);
    // Refused before execution: a response with no `data` at all (execution always sets it).
    expect(result.data).toBeUndefined();
    expect(codeOf(result)).toBe("BAD_USER_INPUT");
    expect(reasons).toContain(result.errors?.[0]?.extensions?.reason);
  };

  it("refuses the student's fragment query before it runs, saying its cost and the limit", async () => {
    const id = school.conversations.sanne.id;
    const start = performance.now();
    const bomb = await server.gql(fragmentBomb(6, 4), { id }, student);
    expect(performance.now() - start).toBeLessThan(2_000);
    expectRefusedBeforeRunning(bomb, ["query_too_large", "query_too_costly"]);

    // Narrow enough to pass the field limit, still far too heavy: the cost limit answers.
    const narrow = await server.gql(fragmentBomb(2, 4), { id }, student);
    expectRefusedBeforeRunning(narrow, ["query_too_costly"]);
    const error = narrow.errors?.[0];
    const cost = error?.extensions?.cost as number;
    expect(cost).toBeGreaterThan(DEFAULTS.maxQueryCost);
    expect(error?.extensions?.limit).toBe(DEFAULTS.maxQueryCost);
    expect(error?.message).toContain(String(cost));
    expect(error?.message).toContain(String(DEFAULTS.maxQueryCost));

    // The same query one level shallower is within the limit and runs.
    const fits = await server.gql(fragmentBomb(2, 2), { id }, student);
    expect(fits.status).toBe(200);
    expect(fits.data?.conversation).toBeTruthy();
  });

  it("counts a page size passed in a variable", async () => {
    const query = `query($first: Int!) { studentSearch(first: $first) { edges { node { id name } } } }`;
    server.services.config.maxQueryCost = 100;
    try {
      const small = await server.gql(query, { first: 5 }, marieke);
      expect(small.errors).toBeUndefined();
      const large = await server.gql(query, { first: 100 }, marieke);
      expectRefusedBeforeRunning(large, ["query_too_costly"]);
    } finally {
      server.services.config.maxQueryCost = DEFAULTS.maxQueryCost;
    }
  });

  it("refuses the anonymous 490 guides through one fragment", async () => {
    const start = performance.now();
    const result = await server.gql(GUIDE_BOMB);
    expect(performance.now() - start).toBeLessThan(2_000);
    expectRefusedBeforeRunning(result, ["query_too_large", "query_too_costly"]);
    expect(JSON.stringify(result).length).toBeLessThan(2_000);
  });

  it("refuses a document nested too deeply to parse before parsing it, over HTTP and websocket", async () => {
    const deep = `{ guide { ${"sections { ".repeat(3_000)} key ${"} ".repeat(3_000)} } }`;
    const result = await server.gql(deep);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.reason).toBe("query_too_deep");
    const values = `{ guide(locale: ${"[".repeat(5_000)}"nl"${"]".repeat(5_000)}) { key } }`;
    expect((await server.gql(values)).errors?.[0]?.extensions?.reason).toBe("query_too_deep");
    const subscription = server.subscribe(deep);
    const event = await subscription.take();
    await subscription.dispose();
    expect(JSON.stringify(event)).toContain("query_too_deep");
    // Brackets inside strings and comments do not count.
    const quoted = await server.gql(
      `{ guide(locale: "${"{".repeat(500)}") { key } } # ${"(".repeat(500)}`,
    );
    expect(quoted.errors?.[0]?.extensions?.reason).not.toBe("query_too_deep");
  });

  it("answers a subscription sent over HTTP with BAD_REQUEST (found by fuzzing)", async () => {
    const result = await server.gql(
      "subscription($id: ID!) { conversationChanged(conversationId: $id) { conversationId } }",
      { id: "2026-13-45" },
      marieke,
    );
    expect(result.status).toBe(400);
    expect(codeOf(result)).toBe("BAD_REQUEST");
    expect(result.errors?.[0]?.extensions?.reason).toBe("subscription_over_http");
  });

  it("holds operations over the websocket to the same cost limit", async () => {
    const subscription = server.subscribe(
      fragmentBomb(2, 4),
      { id: school.conversations.sanne.id },
      student,
    );
    const event = await subscription.take();
    await subscription.dispose();
    expect(event.kind).toBe("error");
    const errors = (event.kind === "error" ? event.error : []) as {
      extensions?: { reason?: string; code?: string };
    }[];
    expect(errors[0]?.extensions?.reason).toBe("query_too_costly");
    expect(errors[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("keeps a bystander's { me } fast while an attacker sends the fragment query in a loop", async () => {
    const me = async () => {
      const result = await server.gql("{ me { id name } }", {}, marieke);
      expect(result.data?.me?.id).toBeTruthy();
    };
    await medianMs(5, me); // warm up
    const baseline = await medianMs(15, me);

    let attacking = true;
    let attacks = 0;
    const refusedCodes = new Set<string | undefined>();
    const attacker = async () => {
      while (attacking) {
        const result = await server.gql(
          fragmentBomb(6, 4),
          { id: school.conversations.sanne.id },
          student,
        );
        refusedCodes.add(codeOf(result));
        attacks += 1;
      }
    };
    const attackers = [attacker(), attacker()];
    const underAttack = await medianMs(15, me);
    attacking = false;
    await Promise.all(attackers);

    expect(attacks).toBeGreaterThan(10);
    expect([...refusedCodes]).toEqual(["BAD_USER_INPUT"]);
    // Generous: two attackers share the CPU with the bystander, yet each refusal is cheap.
    expect(
      underAttack,
      `{ me } median ${baseline.toFixed(1)} ms alone, ${underAttack.toFixed(1)} ms under attack`,
    ).toBeLessThan(Math.max(baseline * 5, baseline + 250));
  });
});

describe("the request deadline (GRAPHQL_TIMEOUT_MS)", () => {
  let server: TestServer;
  let school: TestSchool;
  let marieke: string;

  beforeAll(async () => {
    server = await startTestServer("sqlite");
    school = await buildSchool(server.services);
    marieke = await loginAs(server, school.staff.marieke);
    const started = await server.gql(
      "mutation($id: ID!) { startConversation(conversationId: $id) { status } }",
      { id: school.conversations.sanne.id },
      marieke,
    );
    expect(started.errors).toBeUndefined();
  });
  afterAll(() => server?.close());

  it("answers a request over its deadline with TIMEOUT and its request id", async () => {
    const planning = webOperations().find((o) => o.name === "PlanningPlacements");
    // GRAPHQL_TIMEOUT_MS=1, set on the running server after logging in.
    server.services.config.graphqlTimeoutMs = loadConfig({
      GRAPHQL_TIMEOUT_MS: "1",
    }).graphqlTimeoutMs;
    let response: Response;
    try {
      response = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${marieke}` },
        body: JSON.stringify({ query: planning?.query }),
      });
    } finally {
      server.services.config.graphqlTimeoutMs = DEFAULTS.graphqlTimeoutMs;
    }
    expect(response.status).toBe(503);
    const body = (await response.json()) as GqlResult;
    expect(body.errors?.[0]?.extensions?.code).toBe("TIMEOUT");
    expect(body.errors?.[0]?.extensions?.requestId).toBe(response.headers.get("x-request-id"));
    expect(body.errors?.[0]?.message).toMatch(/1 ms/);
    // With its normal deadline the same query answers in full.
    const normal = await server.gql(planning?.query as string, {}, marieke);
    expect(normal.errors).toBeUndefined();
    expect(normal.data?.placements.length).toBeGreaterThan(0);
  });

  it("starts no further resolver once the deadline has passed", async () => {
    const id = school.conversations.sanne.id;
    const count = () =>
      server.services.dataSource.manager.countBy(Particular, { conversationId: id });
    const before = await count();
    // 100 mutations run one after another; the deadline falls somewhere among them.
    const flags = Array.from(
      { length: 100 },
      (_, i) => `f${i}: flagParticular(conversationId: $id, text: "deadline ${i}") { id }`,
    ).join(" ");
    server.services.config.graphqlTimeoutMs = 40;
    let result: GqlResult;
    try {
      result = await server.gql(`mutation($id: ID!) { ${flags} }`, { id }, marieke);
    } finally {
      server.services.config.graphqlTimeoutMs = DEFAULTS.graphqlTimeoutMs;
    }
    expect(result.status).toBe(503);
    expect(codeOf(result)).toBe("TIMEOUT");
    const atAnswer = await count();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const later = await count();
    // At most the one under way when the time ran out finishes after the answer; then nothing.
    expect(later - atAnswer).toBeLessThanOrEqual(1);
    expect(later - before).toBeLessThan(100);
  });
});

describe("introspection and suggestions in production", () => {
  const INTROSPECT = "{ __schema { queryType { name } } }";
  const TYPO = "{ guid { key } }";

  it("are off with NODE_ENV=production: no __schema, no 'Did you mean', over HTTP and websocket", async () => {
    const config = loadConfig({ NODE_ENV: "production" });
    expect(config.introspection).toBe(false);
    const server = await startTestServer("sqlite", { config: { introspection: false } });
    try {
      const introspection = await server.gql(INTROSPECT);
      expect(introspection.status).toBe(400);
      expect(introspection.data).toBeUndefined();
      expect(introspection.errors?.[0]?.extensions?.reason).toBe("introspection_disabled");
      expect(codeOf(introspection)).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(JSON.stringify(introspection)).not.toContain("Query");

      const typo = await server.gql(TYPO);
      expect(codeOf(typo)).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(typo.errors?.[0]?.message).toContain('Cannot query field "guid"');
      expect(JSON.stringify(typo)).not.toMatch(/Did you mean|"guide"/);

      const badEnum = await server.gql(
        "query($g: ConclusionGrouping!) { conclusionDistribution(groupBy: $g) { count } }",
        { g: "cohor" },
      );
      expect(JSON.stringify(badEnum)).not.toMatch(/Did you mean/);

      for (const query of [INTROSPECT, TYPO]) {
        const subscription = server.subscribe(query);
        const event = await subscription.take();
        await subscription.dispose();
        expect(event.kind).toBe("error");
        expect(JSON.stringify(event)).not.toMatch(/Did you mean|queryType":\{/);
      }
      // __typename is not introspection of the schema: clients may still ask for it.
      const typename = await server.gql("{ __typename }");
      expect(typename.data?.__typename).toBe("Query");
    } finally {
      await server.close();
    }
  });

  it("are on with GRAPHQL_INTROSPECTION=true, also in production", async () => {
    const config = loadConfig({ NODE_ENV: "production", GRAPHQL_INTROSPECTION: "true" });
    expect(config.introspection).toBe(true);
    expect(loadConfig({}).introspection).toBe(true);
    const server = await startTestServer("sqlite", { config: { introspection: true } });
    try {
      const introspection = await server.gql(INTROSPECT);
      expect(introspection.errors).toBeUndefined();
      expect(introspection.data?.__schema.queryType.name).toBe("Query");
      const typo = await server.gql(TYPO);
      expect(typo.errors?.[0]?.message).toMatch(/Did you mean "guide/);
    } finally {
      await server.close();
    }
  });
});

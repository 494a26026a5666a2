import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Werkproces } from "../../src/modules/school/werkproces.entity.js";
import { MINUTE } from "../support/clock.js";
import { testDatabases } from "../support/database.js";
import { buildSchool, type TestSchool } from "../support/factories.js";
import { codeOf, startTestServer, type TestServer } from "../support/server.js";
import { CONCLUDE, conversationSteps, STATE_CONCLUSION } from "./document-files.js";

const DOCUMENTS = "query($id: ID!) { conversation(id: $id) { record { json } } }";
const MARK = `mutation($id: ID!, $wp: ID!, $state: WerkprocesState) {
  markWerkproces(conversationId: $id, werkprocesId: $wp, state: $state) { id } }`;
const WERKPROCESSEN = `query($id: ID!) { conversation(id: $id) { placement {
  werkprocessen { state werkproces { id code } updatedBy { name } } } } }`;
const CHANGED = `subscription($id: ID!) { conversationChanged(conversationId: $id) { kinds } }`;

describe.each(testDatabases())("werkprocessen per placement on %s", (kind) => {
  let server: TestServer;
  let school: TestSchool;

  beforeAll(async () => {
    server = await startTestServer(kind);
    school = await buildSchool(server.services);
  });
  afterAll(() => server?.close());

  const { planned, move } = conversationSteps(
    () => server,
    () => school,
  );
  const documentsOf = async (id: string, token: string) =>
    (await server.gql(DOCUMENTS, { id }, token)).data?.conversation;

  it("werkprocessen are marked per placement, kept across conversations, and frozen in the record at its end", async () => {
    const manager = server.services.dataSource.manager;
    const [w1, w2]: string[] = [randomUUID(), randomUUID()];
    await manager.insert(Werkproces, [
      {
        id: w1,
        programmeId: school.programmeId,
        code: "B1-K1-W1",
        title: "Bereidt werkzaamheden voor",
      },
      {
        id: w2,
        programmeId: school.programmeId,
        code: "B1-K1-W2",
        title: "Voert werkzaamheden uit",
      },
    ]);
    const first = await planned();
    await move(first.id, first.tokens.bpv_begeleider, "startConversation");
    const watcher = server.subscribe(CHANGED, { id: first.id }, first.tokens.bpv_begeleider);
    await server.waitForListeners(first.id, 1);
    expect(
      (await server.gql(MARK, { id: first.id, wp: w1, state: "kan_hier" }, first.tokens.student))
        .errors,
    ).toBeUndefined();
    const event = await watcher.take();
    expect(event.kind === "next" && event.result.data?.conversationChanged.kinds).toEqual([
      "WERKPROCESSEN",
    ]);
    await watcher.dispose();
    expect(
      (
        await server.gql(
          MARK,
          { id: first.id, wp: w2, state: "nog_niet" },
          first.tokens.praktijkopleider,
        )
      ).errors,
    ).toBeUndefined();
    const other = await planned("daan");
    expect(
      codeOf(
        await server.gql(MARK, { id: other.id, wp: w1, state: "kan_hier" }, first.tokens.student),
      ),
    ).toBe("FORBIDDEN");
    expect(
      codeOf(await server.gql(MARK, { id: first.id, wp: w1, state: "ja" }, first.tokens.student)),
    ).toBe("BAD_USER_INPUT");

    await move(first.id, first.tokens.bpv_begeleider, "advancePhase", "advancePhase");
    expect(
      (await server.gql(STATE_CONCLUSION, { id: first.id }, first.tokens.student)).errors,
    ).toBeUndefined();
    expect(
      (await server.gql(CONCLUDE, { id: first.id }, first.tokens.bpv_begeleider)).errors,
    ).toBeUndefined();
    await move(first.id, first.tokens.bpv_begeleider, "endConversation");
    expect(
      codeOf(
        await server.gql(MARK, { id: first.id, wp: w1, state: "nog_niet" }, first.tokens.student),
      ),
    ).toBe("CONFLICT");

    // The next conversation of the placement finds the marks and changes one.
    server.clock.advance(MINUTE);
    const next = await planned();
    const states = async (id: string, token: string) =>
      (await server.gql(WERKPROCESSEN, { id }, token)).data?.conversation.placement.werkprocessen
        .filter((w: { werkproces: { id: string } }) => [w1, w2].includes(w.werkproces.id))
        .map((w: { state: string; werkproces: { code: string } }) => [w.werkproces.code, w.state]);
    expect(await states(next.id, next.tokens.student)).toEqual([
      ["B1-K1-W1", "kan_hier"],
      ["B1-K1-W2", "nog_niet"],
    ]);
    expect(
      (
        await server.gql(
          MARK,
          { id: next.id, wp: w2, state: "kan_hier" },
          next.tokens.bpv_begeleider,
        )
      ).errors,
    ).toBeUndefined();
    expect(await states(next.id, next.tokens.student)).toEqual([
      ["B1-K1-W1", "kan_hier"],
      ["B1-K1-W2", "kan_hier"],
    ]);

    const record = JSON.parse((await documentsOf(first.id, first.tokens.student)).record.json);
    expect(record.werkprocessen).toEqual([
      { code: "B1-K1-W1", title: "Bereidt werkzaamheden voor", state: "kan_hier" },
      { code: "B1-K1-W2", title: "Voert werkzaamheden uit", state: "nog_niet" },
    ]);
  });
});

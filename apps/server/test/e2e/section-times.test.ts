import { pdfText } from "@driehoek/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MINUTE } from "../support/clock.js";
import { testDatabases } from "../support/database.js";
import { buildSchool, loginAs, planConversation, type TestSchool } from "../support/factories.js";
import { startTestServer, type TestServer } from "../support/server.js";

const FIELDS = `status phase section
  phasePeriods { phase startedAt endedAt }
  sectionPeriods { phase section startedAt endedAt }`;
const READ = `query($id: ID!) { conversation(id: $id) { ${FIELDS} record { json } } }`;
const MOVE = (name: string) => `mutation($id: ID!) { ${name}(conversationId: $id) { ${FIELDS} } }`;
const MOVE_TO = `mutation($id: ID!, $section: String!) {
  moveToSection(conversationId: $id, section: $section) { ${FIELDS} } }`;

describe.each(testDatabases())("time per section on %s", (kind) => {
  let server: TestServer;
  let school: TestSchool;
  let marieke: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    school = await buildSchool(server.services);
    marieke = await loginAs(server, school.staff.marieke);
  });
  afterAll(() => server?.close());

  it("records the start and end of every section with each move, and the record carries them", async () => {
    const { id } = await planConversation(server.services, school.students.sanne.placementId);
    const moves: { section: string; phase: string; at: string }[] = [];
    const run = async (query: string, variables: Record<string, unknown>, afterMs: number) => {
      const at = server.clock.advance(afterMs).toISOString();
      const result = await server.gql(query, { id, ...variables }, marieke);
      expect(result.errors).toBeUndefined();
      const moved = Object.values(result.data ?? {})[0] as { phase: string; section: string };
      moves.push({ phase: moved.phase, section: moved.section, at });
      return moved;
    };
    await run(MOVE("startConversation"), {}, MINUTE);
    await run(MOVE("advanceSection"), {}, 40_000); // Welkom: 40 seconds
    await run(MOVE("advanceSection"), {}, 3 * MINUTE);
    await run(MOVE("advancePhase"), {}, MINUTE); // into Kern
    await run(MOVE_TO, { section: "loopbaan" }, 8 * MINUTE);
    await run(MOVE_TO, { section: "studievoortgang" }, 4 * MINUTE);
    await run(MOVE_TO, { section: "loopbaan" }, 10 * MINUTE); // back again
    await run(MOVE_TO, { section: "loopbaan" }, 2 * MINUTE); // where it already is: no new period
    moves.pop();
    await run(MOVE("advancePhase"), {}, 3 * MINUTE); // Kern took 8 + 4 + 10 + 5 = 27 minutes
    const endAt = server.clock.advance(6 * MINUTE).toISOString();
    const ended = await server.gql(MOVE("endConversation"), { id }, marieke);
    expect(ended.errors).toBeUndefined();

    // Every section period runs from its move to the next one; the last ends with the conversation.
    const expected = moves.map((m, i) => ({
      phase: m.phase,
      section: m.section,
      startedAt: m.at,
      endedAt: moves[i + 1]?.at ?? endAt,
    }));
    const seen = (await server.gql(READ, { id }, marieke)).data?.conversation;
    expect(seen.sectionPeriods).toEqual(expected);
    expect(seen.sectionPeriods.map((p: { section: string }) => p.section)).toEqual([
      "welkom",
      "gespreksdoel",
      "procesafspraken",
      "afspraken-vorige",
      "loopbaan",
      "studievoortgang",
      "loopbaan",
      "samenvatten",
    ]);
    expect(seen.phasePeriods.map((p: { phase: string }) => p.phase)).toEqual([
      "inleiding",
      "kern",
      "afronden",
    ]);

    // The record holds the same times, so they are signed with it and printed from it.
    const record = JSON.parse(seen.record.json);
    expect(record.times.sections).toEqual(expected);
    expect(record.times.phases).toEqual(seen.phasePeriods);

    const response = await fetch(`${server.url}/export/conversations/${id}.pdf`, {
      headers: { authorization: `Bearer ${marieke}` },
    });
    const text = await pdfText(new Uint8Array(await response.arrayBuffer()));
    for (const words of [
      "Inleiding 5 min (gepland 5)",
      "Kern 27 min (gepland 30)",
      "Afronden 6 min (gepland 5)",
      "Welkom < 1 min (gepland 1)",
      "Loopbaan-oriëntatie/toekomst 9 min (gepland 5)",
      "Praktisch — (gepland 5)",
    ]) {
      expect(text, words).toContain(words);
    }
    expect(text).not.toContain("(30 min)");
  });

  it("a conversation that is only planned has no section periods", async () => {
    const { id } = await planConversation(server.services, school.students.sanne.placementId);
    const seen = (await server.gql(READ, { id }, marieke)).data?.conversation;
    expect(seen).toMatchObject({ status: "planned", sectionPeriods: [], phasePeriods: [] });
    expect(JSON.parse(seen.record.json).times).toBeUndefined();
  });
});

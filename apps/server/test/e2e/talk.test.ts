import { pdfText } from "@driehoek/test-support";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MINUTE } from "../support/clock.js";
import { testDatabases } from "../support/database.js";
import {
  buildSchool,
  joinAs,
  loginAs,
  planConversation,
  type TestSchool,
} from "../support/factories.js";
import {
  codeOf,
  startTestServer,
  type TestServer,
  type TestSubscription,
} from "../support/server.js";

const SHARE = `totals { role ms } studentShare target
  phases { phase studentShare totals { role ms } }
  sections { phase section totals { role ms } }`;
const SUBMIT = `mutation($id: ID!, $intervals: [TalkIntervalInput!]!) {
  submitTalk(conversationId: $id, intervals: $intervals) { ${SHARE} } }`;
const READ = `query($id: ID!) { conversation(id: $id) { talkShare { ${SHARE} } } }`;
const MOVE = (name: string) => `mutation($id: ID!) { ${name}(conversationId: $id) { phase } }`;
const CHANGED = `subscription($id: ID!) { conversationChanged(conversationId: $id) { kinds } }`;
const REPORT = `query($groupBy: TalkGrouping!, $first: Int, $after: String) {
  talkShareReport(groupBy: $groupBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { group month conversations averageStudentShare } } } }`;

interface Piece {
  from: number;
  to: number;
  source?: "VAD" | "ENERGY" | "TAP";
  role?: string;
}

describe.each(testDatabases())("the 70 %% meter on %s", (kind) => {
  let server: TestServer;
  let school: TestSchool;
  const tokens: Record<string, string> = {};
  let open: TestSubscription[] = [];

  beforeAll(async () => {
    server = await startTestServer(kind);
    school = await buildSchool(server.services);
    tokens.marieke = await loginAs(server, school.staff.marieke);
    tokens.joost = await loginAs(server, school.staff.joost);
    tokens.ahmed = await loginAs(server, school.staff.ahmed);
  });
  afterEach(async () => {
    await Promise.all(open.map((s) => s.dispose()));
    open = [];
  });
  afterAll(() => server?.close());

  /** A fresh live conversation of Sanne's, started now, with the three tokens. */
  async function liveConversation() {
    const planned = await planConversation(server.services, school.students.sanne.placementId);
    const sanne = await joinAs(server, planned.invites.student);
    const kees = await joinAs(server, planned.invites.praktijkopleider);
    const started = server.clock.now().getTime();
    const result = await server.gql(MOVE("startConversation"), { id: planned.id }, tokens.marieke);
    expect(result.errors).toBeUndefined();
    return { id: planned.id, sanne, kees, started, daanInvite: school.conversations.daan };
  }

  /** Intervals `from`..`to` seconds after `base`. */
  const intervals = (base: number, pieces: Piece[]) =>
    pieces.map((p) => ({
      startedAt: new Date(base + p.from * 1000).toISOString(),
      endedAt: new Date(base + p.to * 1000).toISOString(),
      source: p.source ?? "VAD",
      ...(p.role ? { role: p.role } : {}),
    }));

  const shareOf = async (id: string) =>
    (await server.gql(READ, { id }, tokens.marieke)).data?.conversation.talkShare;

  it("aggregates each role's speech per phase and section, and pushes TALK to all three", async () => {
    const c = await liveConversation();
    const watchers = [c.sanne, c.kees, tokens.marieke].map((t) => {
      const s = server.subscribe(CHANGED, { id: c.id }, t);
      open.push(s);
      return s;
    });
    await server.waitForListeners(c.id, 3);
    server.clock.advance(4 * MINUTE);
    // Inleiding: the student 2 × 60 s, the praktijkopleider 50 s.
    const first = await server.gql(
      SUBMIT,
      {
        id: c.id,
        intervals: intervals(c.started, [
          { from: 10, to: 70 },
          { from: 100, to: 160 },
        ]),
      },
      c.sanne,
    );
    expect(first.errors).toBeUndefined();
    expect(first.data?.submitTalk.studentShare).toBe(1);
    for (const w of watchers) {
      const event = await w.take();
      expect(event).toMatchObject({
        kind: "next",
        result: { data: { conversationChanged: { kinds: ["TALK"] } } },
      });
    }
    await server.gql(
      SUBMIT,
      { id: c.id, intervals: intervals(c.started, [{ from: 170, to: 220 }]) },
      c.kees,
    );

    // Into Kern at 4:00; an interval of the student's from 3:50 to 4:30 is split at the move.
    expect(
      (await server.gql(MOVE("advancePhase"), { id: c.id }, tokens.marieke)).errors,
    ).toBeUndefined();
    server.clock.advance(2 * MINUTE);
    const split = await server.gql(
      SUBMIT,
      {
        id: c.id,
        intervals: intervals(c.started, [
          { from: 230, to: 270 },
          { from: 300, to: 330 },
        ]),
      },
      c.sanne,
    );
    expect(split.errors).toBeUndefined();
    const share = await shareOf(c.id);
    expect(share.totals).toEqual([
      { role: "student", ms: 190_000 },
      { role: "praktijkopleider", ms: 50_000 },
      { role: "bpv_begeleider", ms: 0 },
    ]);
    expect(share.studentShare).toBeCloseTo(190 / 240, 5);
    expect(share.target).toBe(0.7);
    expect(
      share.phases.map((p: { phase: string; studentShare: number }) => [p.phase, p.studentShare]),
    ).toEqual([
      ["inleiding", 130 / 180],
      ["kern", 1],
    ]);
    const kern = share.sections.filter((s: { phase: string }) => s.phase === "kern");
    expect(kern).toEqual([
      {
        phase: "kern",
        section: "afspraken-vorige",
        totals: [
          { role: "student", ms: 60_000 },
          { role: "praktijkopleider", ms: 0 },
          { role: "bpv_begeleider", ms: 0 },
        ],
      },
    ]);

    // A resend of the tail (overlap within tolerance) is merged away, not counted twice.
    const resend = await server.gql(
      SUBMIT,
      { id: c.id, intervals: intervals(c.started, [{ from: 329, to: 340 }]) },
      c.sanne,
    );
    expect(resend.errors).toBeUndefined();
    expect((await shareOf(c.id)).totals[0]).toEqual({ role: "student", ms: 200_000 });

    // Tap mode: the begeleider says who speaks on the shared device.
    const tap = await server.gql(
      SUBMIT,
      {
        id: c.id,
        intervals: intervals(c.started, [
          { from: 340, to: 350, source: "TAP", role: "praktijkopleider" },
          { from: 350, to: 355, source: "TAP", role: "bpv_begeleider" },
        ]),
      },
      tokens.marieke,
    );
    expect(tap.errors).toBeUndefined();
    expect(tap.data?.submitTalk.totals).toEqual([
      { role: "student", ms: 200_000 },
      { role: "praktijkopleider", ms: 60_000 },
      { role: "bpv_begeleider", ms: 5_000 },
    ]);

    // The record and the PDF keep the shares per phase once the conversation has ended.
    expect(
      (await server.gql(MOVE("endConversation"), { id: c.id }, tokens.marieke)).errors,
    ).toBeUndefined();
    const record = await server.gql(
      `query($id: ID!) { conversation(id: $id) { record { json } } }`,
      { id: c.id },
      tokens.marieke,
    );
    const talk = JSON.parse(record.data?.conversation.record.json).talk;
    expect(talk.studentShare).toBe(Math.round((200 / 265) * 1000) / 1000);
    expect(talk.phases.map((p: { phase: string }) => p.phase)).toEqual(["inleiding", "kern"]);
    const pdf = await fetch(`${server.url}/export/conversations/${c.id}.pdf`, {
      headers: { authorization: `Bearer ${tokens.marieke}` },
    });
    const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain("Wie was aan het woord");
    expect(text).toContain("Student aan het woord");

    // The staff report: Marieke's conversations average this one's share; Joost sees none of it.
    const report = await server.gql(REPORT, { groupBy: "begeleider" }, tokens.marieke);
    expect(report.errors).toBeUndefined();
    expect(report.data?.talkShareReport.totalCount).toBe(1);
    expect(report.data?.talkShareReport.edges[0].node).toMatchObject({
      group: school.staff.marieke.name,
      conversations: 1,
    });
    expect(report.data?.talkShareReport.edges[0].node.averageStudentShare).toBeCloseTo(
      200 / 265,
      5,
    );
    const joost = await server.gql(REPORT, { groupBy: "student" }, tokens.joost);
    expect(joost.data?.talkShareReport.totalCount).toBe(0);
    const refusedSanne = await server.gql(REPORT, { groupBy: "student" }, c.sanne);
    expect(codeOf(refusedSanne)).toBe("FORBIDDEN");

    // After the end nothing more is taken.
    const late = await server.gql(
      SUBMIT,
      { id: c.id, intervals: intervals(c.started, [{ from: 400, to: 410 }]) },
      c.sanne,
    );
    expect(codeOf(late)).toBe("CONFLICT");
  });

  it("refuses implausible, foreign or oversized batches and stores nothing of them", async () => {
    const c = await liveConversation();
    server.clock.advance(10 * MINUTE);
    const ok = await server.gql(
      SUBMIT,
      { id: c.id, intervals: intervals(c.started, [{ from: 30, to: 60 }]) },
      c.sanne,
    );
    expect(ok.errors).toBeUndefined();
    const before = await shareOf(c.id);
    const many = Array.from({ length: 121 }, (_, i) => ({ from: 100 + i * 2, to: 101 + i * 2 }));
    const refusals: [string, Piece[], string, string][] = [
      ["ends before it starts", [{ from: 70, to: 65 }], c.sanne, "BAD_USER_INPUT"],
      ["before the start", [{ from: -120, to: -60 }], c.sanne, "BAD_USER_INPUT"],
      ["in the future", [{ from: 590, to: 700 }], c.sanne, "BAD_USER_INPUT"],
      ["too long", [{ from: 100, to: 300 }], c.sanne, "BAD_USER_INPUT"],
      ["too many", many, c.sanne, "BAD_USER_INPUT"],
      [
        "overlaps stored speech",
        [
          { from: 200, to: 210 },
          { from: 40, to: 80 },
        ],
        c.sanne,
        "BAD_USER_INPUT",
      ],
      [
        "overlaps itself",
        [
          { from: 200, to: 230 },
          { from: 210, to: 240 },
        ],
        c.sanne,
        "BAD_USER_INPUT",
      ],
      [
        "taps without leading",
        [{ from: 200, to: 210, source: "TAP", role: "praktijkopleider" }],
        c.sanne,
        "FORBIDDEN",
      ],
      ["speaks for another", [{ from: 200, to: 210, role: "student" }], c.kees, "FORBIDDEN"],
      ["taps nobody", [{ from: 200, to: 210, source: "TAP" }], tokens.marieke, "BAD_USER_INPUT"],
      ["reads without taking part", [{ from: 200, to: 210 }], tokens.ahmed, "FORBIDDEN"],
      ["another conversation's begeleider", [{ from: 200, to: 210 }], tokens.joost, "FORBIDDEN"],
    ];
    for (const [what, pieces, token, code] of refusals) {
      const result = await server.gql(
        SUBMIT,
        { id: c.id, intervals: intervals(c.started, pieces) },
        token,
      );
      expect(codeOf(result), what).toBe(code);
      expect(result.errors?.[0]?.message, what).toBeTruthy();
    }
    // An invite of another conversation is refused too.
    const daan = await joinAs(server, school.conversations.daan.invites.student);
    const foreign = await server.gql(
      SUBMIT,
      { id: c.id, intervals: intervals(c.started, [{ from: 200, to: 210 }]) },
      daan,
    );
    expect(codeOf(foreign)).toBe("FORBIDDEN");
    expect(await shareOf(c.id)).toEqual(before);

    // A planned conversation measures nothing.
    const planned = await planConversation(server.services, school.students.sanne.placementId);
    const sanne = await joinAs(server, planned.invites.student);
    const notLive = await server.gql(
      SUBMIT,
      { id: planned.id, intervals: intervals(c.started, [{ from: 1, to: 2 }]) },
      sanne,
    );
    expect(codeOf(notLive)).toBe("CONFLICT");
  });

  it("bounds the rate per person per conversation", async () => {
    const c = await liveConversation();
    server.clock.advance(10 * MINUTE);
    const results = [];
    for (let i = 0; i < 31; i++) {
      results.push(
        await server.gql(
          SUBMIT,
          { id: c.id, intervals: intervals(c.started, [{ from: i * 10, to: i * 10 + 5 }]) },
          c.kees,
        ),
      );
    }
    expect(results.slice(0, 30).every((r) => !r.errors)).toBe(true);
    expect(results[30]?.errors?.[0]?.extensions?.reason).toBe("talk_rate");
    expect((await shareOf(c.id)).totals[1]).toEqual({ role: "praktijkopleider", ms: 150_000 });
    server.clock.advance(MINUTE);
    const again = await server.gql(
      SUBMIT,
      { id: c.id, intervals: intervals(c.started, [{ from: 400, to: 405 }]) },
      c.kees,
    );
    expect(again.errors).toBeUndefined();
  });
});

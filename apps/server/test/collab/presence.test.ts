import { type CollabClient, pause, until } from "@driehoek/test-support";
import { describe, expect, it } from "vitest";
import { testDatabases } from "../support/database.js";
import { useCollabSuite } from "../support/suite.js";

/** Presence disappears this fast after a connection ends (the client's own timeout is 30 s). */
const GONE_WITHIN_MS = 3_000;

/** The `user` of `whom` as `viewer` sees it. */
const userSeen = (viewer: CollabClient, whom: CollabClient) =>
  viewer.provider.awareness.getStates().get(whom.doc.clientID)?.user as
    | { name?: string; role?: string; color?: string }
    | undefined;

describe.each(testDatabases())("presence over /collab on %s", (kind) => {
  const suite = useCollabSuite(kind);

  async function threeParticipants(echoesPresence = false) {
    // A client shows up once it sets its presence (Tiptap's caret extension sets `user`).
    const { clients } = await suite.threeParticipants({ echoesPresence, user: { name: "?" } });
    return clients;
  }

  const truth = {
    sanne: { name: "Sanne Visser", role: "student" },
    kees: { name: "Kees van Dijk", role: "praktijkopleider" },
    marieke: { name: "Marieke de Vries", role: "bpv_begeleider" },
  };

  it("shows everyone the others' true name, role and a colour, whatever a client claims", async () => {
    const [sanne, kees, marieke] = await threeParticipants();
    // Sanne claims to be the begeleider; Kees picks a colour; Marieke says nothing about herself.
    sanne.provider.awareness.setLocalStateField("user", {
      name: "Directeur",
      role: "bpv_begeleider",
    });
    kees.provider.awareness.setLocalStateField("user", { name: "Kees", color: "#aa00aa" });
    marieke.provider.awareness.setLocalStateField("cursor", { anchor: 1 });

    const expected: [CollabClient, CollabClient, Record<string, unknown>][] = [
      [kees, sanne, truth.sanne],
      [marieke, sanne, truth.sanne],
      [sanne, kees, { ...truth.kees, color: "#aa00aa" }],
      [marieke, kees, { ...truth.kees, color: "#aa00aa" }],
      [sanne, marieke, truth.marieke],
      [kees, marieke, truth.marieke],
    ];
    await until(
      () =>
        expected.every(([viewer, whom, user]) =>
          Object.entries(user).every(
            ([key, value]) => userSeen(viewer, whom)?.[key as "name"] === value,
          ),
        ),
      "everyone to see the others' stamped presence",
    );
    for (const [viewer, whom] of expected) {
      expect(userSeen(viewer, whom)?.color).toMatch(/^#[0-9a-f]{6}$/i);
    }
    // Other presence fields pass through untouched.
    expect(sanne.provider.awareness.getStates().get(marieke.doc.clientID)?.cursor).toEqual({
      anchor: 1,
    });
  });

  it("keeps stamping the truth when a client changes its claim later", async () => {
    const [sanne, kees] = await threeParticipants();
    await until(() => userSeen(kees, sanne)?.name === truth.sanne.name, "Sanne's presence");
    sanne.provider.awareness.setLocalStateField("user", { name: "Kees van Dijk", role: "admin" });
    sanne.provider.awareness.setLocalStateField("typing", true);
    await until(
      () => kees.provider.awareness.getStates().get(sanne.doc.clientID)?.typing === true,
      "Sanne's later presence change",
    );
    expect(userSeen(kees, sanne)).toMatchObject(truth.sanne);
  });

  it("removes a participant who leaves from the others' presence within seconds", async () => {
    const [sanne, kees, marieke] = await threeParticipants();
    await until(
      () => userSeen(kees, sanne) !== undefined && userSeen(marieke, sanne) !== undefined,
      "Sanne's presence",
    );
    sanne.provider.disconnect();
    await until(
      () => userSeen(kees, sanne) === undefined && userSeen(marieke, sanne) === undefined,
      "Sanne's presence to go after she closed the page",
      GONE_WITHIN_MS,
    );
  });

  it("leaves no ghost when a connection drops without a goodbye", async () => {
    const [sanne, kees, marieke] = await threeParticipants();
    await until(
      () => userSeen(sanne, kees) !== undefined && userSeen(marieke, kees) !== undefined,
      "Kees' presence",
    );
    kees.kill();
    await until(
      () => userSeen(sanne, kees) === undefined && userSeen(marieke, kees) === undefined,
      "Kees' presence to go after his connection dropped",
      GONE_WITHIN_MS,
    );
    expect(userSeen(sanne, marieke)).toMatchObject(truth.marieke);
  });

  it("shows a participant again after a reconnect", async () => {
    const [sanne, kees] = await threeParticipants();
    await until(() => userSeen(kees, sanne) !== undefined, "Sanne's presence");
    sanne.provider.disconnect();
    await until(() => userSeen(kees, sanne) === undefined, "Sanne to leave", GONE_WITHIN_MS);
    sanne.provider.connect();
    await sanne.synced();
    await until(
      () => userSeen(kees, sanne)?.name === truth.sanne.name,
      "Sanne's presence after she reconnected",
      GONE_WITHIN_MS,
    );
  });

  it("keeps stock clients connected when they pass on each other's presence", async () => {
    // The stock y-websocket provider sends every presence update it receives back to the server.
    const [sanne, kees, marieke] = await threeParticipants(true);
    sanne.provider.awareness.setLocalStateField("user", { name: "Sanne" });
    kees.provider.awareness.setLocalStateField("user", { name: "Kees" });
    await until(
      () => userSeen(marieke, sanne) !== undefined && userSeen(marieke, kees) !== undefined,
      "Marieke to see both others",
    );
    await pause(300);
    expect([...sanne.closes, ...kees.closes, ...marieke.closes]).toEqual([]);
    expect(userSeen(kees, sanne)).toMatchObject(truth.sanne);
    expect(userSeen(sanne, kees)).toMatchObject(truth.kees);
  });
});

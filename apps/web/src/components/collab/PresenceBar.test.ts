import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import type { CollabStatus } from "../../composables/useCollabDoc";
import type { Participant } from "../../graphql/operations";
import { withI18n } from "../../test/i18n";
import PresenceBar from "./PresenceBar.vue";

const PARTICIPANTS = [
  { role: "student", person: { id: "p1", name: "Sanne de Vries" } },
  { role: "praktijkopleider", person: { id: "p2", name: "Peter Jansen" } },
  { role: "bpv_begeleider", person: { id: "p3", name: "Bram Bakker" } },
] as unknown as Participant[];

function mountBar(status: CollabStatus, peers: { role: string; isSelf: boolean }[]) {
  return mount(PresenceBar, {
    props: {
      participants: PARTICIPANTS,
      peers: peers.map((p, i) => ({ clientId: i, name: "", color: "", section: null, ...p })),
      myPersonId: "p1",
      status,
      isSaved: true,
      isReadOnly: false,
      currentKey: null,
      sectionTitle: () => undefined,
    },
    ...withI18n(),
  });
}

const stateOf = (bar: ReturnType<typeof mountBar>, role: string) =>
  bar.find(`[data-role=${role}] .presence-state`).text();

describe("PresenceBar", () => {
  it("shows a person who lost the connection as offline to themselves, not as absent", () => {
    const bar = mountBar("offline", []);
    expect(stateOf(bar, "student")).toBe("offline");
    expect(bar.find("[data-role=student]").attributes("data-presence")).toBe("offline");
    // Others are not known from here while offline: they are simply not seen.
    expect(stateOf(bar, "bpv_begeleider")).toBe("niet aanwezig");
  });

  it("shows the others as present or absent from their presence", () => {
    const bar = mountBar("online", [
      { role: "student", isSelf: true },
      { role: "bpv_begeleider", isSelf: false },
    ]);
    expect(stateOf(bar, "student")).toBe("aanwezig");
    expect(stateOf(bar, "bpv_begeleider")).toBe("aanwezig");
    expect(stateOf(bar, "praktijkopleider")).toBe("niet aanwezig");
  });
});

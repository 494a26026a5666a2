import type { ConversationStatus, Role } from "@driehoek/domain";
import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { clearSession, setSession } from "../../composables/useSession";
import { GRAPHQL_KEY } from "../../graphql/client";
import { withI18n } from "../../test/i18n";
import { schemaServer } from "../../test/schemaServer";
import ArchiveChecklist from "./ArchiveChecklist.vue";
import SignoffPanel from "./SignoffPanel.vue";
import { signoffFixture } from "./signoffFixture";
import { makeSignature, PARTICIPANTS } from "./testRecord";

/*
 * Archivering in Afronden: the guide's four steps, each with its state, the same for all three;
 * and the conclusion the student states first.
 */

function serve(status: ConversationStatus = "ended") {
  const fixture = signoffFixture({ status });
  return { ...fixture, ...schemaServer(fixture.resolvers) };
}

function mountPanel(server: ReturnType<typeof serve>, myRole: Role | null) {
  return mount(SignoffPanel, {
    props: {
      conversationId: "c1",
      status: server.state.status,
      myRole,
      participants: PARTICIPANTS,
    },
    attachTo: document.body,
    global: {
      ...withI18n().global,
      provide: { [GRAPHQL_KEY as symbol]: server.graphql },
      stubs: { RouterLink: { template: "<a><slot /></a>" } },
    },
  });
}

type Panel = ReturnType<typeof mountPanel>;

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await flushPromises();
  }
}

/** Each step as a reader sees it: its title (the guide's words), its state and its text. */
const steps = (panel: Panel) =>
  panel.findAll("li.archive-step").map((li) => ({
    title: li.get("h4").text(),
    state: li.attributes("data-state"),
  }));
const step = (panel: Panel, key: string) => panel.get(`li.archive-step[data-step=${key}]`);
const button = (panel: Panel, name: string) => {
  const found = panel.findAll("button").find((b) => b.text() === name);
  if (!found) throw new Error(`no button "${name}" in: ${panel.text()}`);
  return found;
};
const hasButton = (panel: Panel, name: string) =>
  panel.findAll("button").some((b) => b.text() === name);

/** The fixture signed by all three and locked. */
function lock(server: ReturnType<typeof serve>): void {
  for (const role of ["student", "praktijkopleider", "bpv_begeleider"] as const) {
    server.state.signatures.push(makeSignature(role, { contentHash: server.hash() }));
  }
  server.state.status = "signed";
  server.state.signedAt = "2026-03-03T10:30:00.000Z";
}

describe("ArchiveChecklist", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("shows the guide's four steps, none done yet, to each of the three", async () => {
    const server = serve();
    server.state.signatures.push(makeSignature("student", { contentHash: server.hash() }));
    for (const role of ["student", "praktijkopleider", "bpv_begeleider"] as const) {
      const panel = mountPanel(server, role);
      await settle();
      expect(steps(panel)).toEqual([
        { title: "Ondertekenen gespreksformulier BPV", state: "open" },
        { title: "Uploaden of printen gespreksformulier BPV", state: "open" },
        { title: "Invoeren rapportage in het digitale studentsysteem.", state: "open" },
        {
          title: "Bijzonderheden terugkoppelen aan trajectbegeleider/onderwijsteam.",
          state: "open",
        },
      ]);
      expect(step(panel, "sign").text()).toContain("1 van 3 akkoord");
      expect(step(panel, "sign").text()).toContain("Sanne de Vries (Student)");
      expect(step(panel, "enter").text()).toContain("Kan na de ondertekening.");
      expect(hasButton(panel, "Ingevoerd in het studentsysteem")).toBe(false);
      panel.unmount();
    }
  });

  it("after the lock, lets the begeleider record 'ingevoerd' with date and name, which all three then see", async () => {
    const server = serve();
    lock(server);
    const student = mountPanel(server, "student");
    await settle();
    expect(step(student, "sign").attributes("data-state")).toBe("done");
    expect(step(student, "form").attributes("data-state")).toBe("done");
    expect(step(student, "enter").attributes("data-state")).toBe("open");
    expect(step(student, "enter").text()).toContain("Nog niet ingevoerd in het studentsysteem.");
    expect(hasButton(student, "Ingevoerd in het studentsysteem")).toBe(false);
    expect(hasButton(student, "JSON downloaden")).toBe(true);
    student.unmount();

    const begeleider = mountPanel(server, "bpv_begeleider");
    await settle();
    await button(begeleider, "Ingevoerd in het studentsysteem").trigger("click");
    await settle();
    expect(server.callsOf("MarkEnteredInStudentSystem")).toEqual([{ conversationId: "c1" }]);
    expect(step(begeleider, "enter").attributes("data-state")).toBe("done");
    expect(step(begeleider, "enter").text()).toMatch(
      /Ingevoerd op 4 maart 2026.* door Bram Bakker/,
    );
    expect(hasButton(begeleider, "Ingevoerd in het studentsysteem")).toBe(false);
    begeleider.unmount();

    const trainer = mountPanel(server, "praktijkopleider");
    await settle();
    expect(step(trainer, "enter").text()).toMatch(/Ingevoerd op .* door Bram Bakker/);
    trainer.unmount();
  });

  it("is done with the particulars once one is flagged, or 'geen bijzonderheden' is ticked", async () => {
    const server = serve();
    const begeleider = mountPanel(server, "bpv_begeleider");
    await settle();
    const none = step(begeleider, "particulars").get("input[type=checkbox]");
    await none.setValue(true);
    await settle();
    expect(server.callsOf("SetNoParticulars")).toEqual([
      { conversationId: "c1", noParticulars: true },
    ]);
    expect(step(begeleider, "particulars").attributes("data-state")).toBe("done");
    expect(step(begeleider, "particulars").text()).toContain(
      "Geen bijzonderheden om terug te koppelen.",
    );
    begeleider.unmount();

    const student = mountPanel(server, "student");
    await settle();
    expect(step(student, "particulars").find("input[type=checkbox]").exists()).toBe(false);
    await button(student, "Bijzonderheid melden").trigger("click");
    await button(student, "Melden").trigger("click");
    expect(student.text()).toContain("Schrijf eerst wat de trajectbegeleider moet weten.");
    expect(server.callsOf("FlagParticular")).toEqual([]);
    await step(student, "particulars").get("textarea").setValue("Ik word gepest op de werkvloer.");
    await button(student, "Melden").trigger("click");
    await settle();
    expect(server.callsOf("FlagParticular")).toEqual([
      { conversationId: "c1", text: "Ik word gepest op de werkvloer." },
    ]);
    const particulars = step(student, "particulars");
    expect(particulars.attributes("data-state")).toBe("done");
    expect(particulars.text()).toContain("1 bijzonderheid gemeld");
    expect(particulars.text()).toContain("Ik word gepest op de werkvloer.");
    expect(particulars.text()).toContain("Doorgegeven aan de trajectbegeleider");
    student.unmount();
  });

  it("has the student state the conclusion first; the begeleider confirms it, or needs a motivation to differ", async () => {
    const server = serve("live");
    const begeleider = mountPanel(server, "bpv_begeleider");
    await settle();
    const judgement = () => begeleider.get("[data-conclusion-of=bpv_begeleider]");
    expect(judgement().text()).toContain("Eerst geeft de student de conclusie");
    expect(judgement().find("form").exists()).toBe(false);

    const student = mountPanel(server, "student");
    await settle();
    const mine = student.get("[data-conclusion-of=student]");
    expect(mine.text()).toContain("Hoe loop jij?");
    // The choice saves itself: no button to press.
    await mine.get("input[value=voor]").setValue(true);
    await settle();
    expect(server.callsOf("SetStudentConclusion")).toEqual([
      { conversationId: "c1", conclusion: "voor", motivation: null },
    ]);
    student.unmount();
    begeleider.unmount();

    const later = mountPanel(server, "bpv_begeleider");
    await settle();
    const form = later.get("[data-conclusion-of=bpv_begeleider]");
    expect(form.get("[data-field=student-choice]").text()).toContain("Ik loop voor");
    await form.get("input[value=achter]").setValue(true);
    await settle();
    expect(later.text()).toContain(
      "Geef een toelichting: je oordeel wijkt af van dat van de student.",
    );
    expect(server.callsOf("SetConclusion")).toEqual([]);

    await button(later, "Eens met de student").trigger("click");
    await settle();
    expect(server.callsOf("SetConclusion")).toEqual([
      { conversationId: "c1", conclusion: "voor", motivation: null },
    ]);
    expect(later.get("[data-field=conclusion-confirmed]").text()).toBe(
      "Bevestigd door de BPV-begeleider.",
    );
    later.unmount();
  });

  it("offers 'ingevoerd' to staff who archive for the begeleider, not to a trajectbegeleider reading along", async () => {
    const server = serve();
    for (const [role, offered] of [
      ["admin", true],
      ["bpv_begeleider", true],
      ["trajectbegeleider", false],
    ] as const) {
      setSession({
        accessToken: "t",
        role,
        conversationId: null,
        expiresAt: "2999-01-01T00:00:00.000Z",
        person: { id: `p-${role}`, name: role, role },
      });
      try {
        const checklist = mount(ArchiveChecklist, {
          props: {
            conversationId: "c1",
            conversation: {
              studentSystemEnteredAt: null,
              studentSystemEnteredBy: null,
              noParticularsAt: null,
              particulars: [],
            },
            statuses: [],
            isLocked: true,
            myRole: null,
            canAct: true,
            busy: null,
            errorOf: () => undefined,
          },
          global: {
            ...withI18n().global,
            provide: { [GRAPHQL_KEY as symbol]: server.graphql },
            stubs: { RouterLink: { template: "<a><slot /></a>" } },
          },
        });
        const names = checklist.findAll("button").map((b) => b.text());
        expect(names.includes("Ingevoerd in het studentsysteem"), role).toBe(offered);
        checklist.unmount();
      } finally {
        clearSession();
      }
    }
  });
});

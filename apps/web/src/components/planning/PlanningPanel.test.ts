import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createMemoryHistory, createRouter } from "vue-router";
import { GRAPHQL_KEY } from "../../graphql/client";
import type { PlanningPlacement } from "../../graphql/planning";
import { createAppI18n } from "../../i18n";
import { schemaServer } from "../../test/schemaServer";
import PlanningPanel from "./PlanningPanel.vue";
import { invite, placement, planned } from "./planningFixtures";

/** A server holding `placements`, answering every planning mutation. */
function planningServer(placements: PlanningPlacement[]) {
  const conversation = {
    ...planned("c-new", "2026-03-30T08:00:00.000Z"),
    placement: placements[0],
  };
  return schemaServer({
    placements: () => placements,
    scheduleConversation: () => ({ conversation, invites: conversation.invites }),
    moveConversation: () => conversation,
    cancelConversation: () => placements[0],
    resendInvite: ({ inviteId }: { inviteId: string }) => invite(inviteId),
    reissueInvite: ({ inviteId }: { inviteId: string }) => invite(`${inviteId}-new`),
  });
}

/** A router holding the student page the cards link to. */
function studentRouter() {
  const Blank = { template: "<div />" };
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: "/", component: Blank },
      { path: "/studenten/:id", name: "student", component: Blank },
    ],
  });
}

async function mountPanel(placements: PlanningPlacement[], locale: "nl" | "en" = "nl") {
  const server = planningServer(placements);
  const page = mount(PlanningPanel, {
    attachTo: document.body,
    global: {
      plugins: [createAppI18n(locale), studentRouter()],
      provide: { [GRAPHQL_KEY as symbol]: server.graphql },
    },
  });
  await settle();
  return { page, server };
}

/** Lets the fake server answer and Vue render. */
async function settle() {
  for (let i = 0; i < 5; i += 1) {
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

const button = (page: Awaited<ReturnType<typeof mountPanel>>["page"], text: string) => {
  const found = page.findAll("button").find((b) => b.text() === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
};

describe("the planner", () => {
  beforeEach(() => {
    // Early March 2026 in Amsterdam, while the fixtures' placement runs (only the date is fake).
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-02T09:00:00.000Z"));
  });
  afterEach(() => {
    document.body.innerHTML = "";
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it("shows each placement's frequency and POK status", async () => {
    const { page } = await mountPanel([
      placement({ name: "Sanne Jansen", isOverdue: true, missed: 1, nextDueDate: null }),
      placement({ id: "pl-daan", name: "Daan de Wit", pokValid: false }),
    ]);
    const cards = page.findAll("article");
    expect(cards.map((c) => c.get("h3").text())).toEqual(["Daan de Wit", "Sanne Jansen"]);
    expect(cards[0]?.text()).toContain("Volgende gesprek uiterlijk 31 jan 2026");
    expect(cards[0]?.text()).toContain("POK niet geldig");
    expect(cards[0]?.text()).toContain("De POK is nog niet ondertekend door het leerbedrijf.");
    expect(cards[1]?.text()).toContain("Te laat: 1 gesprek gemist");
    expect(cards[1]?.text()).toContain("POK in orde");
  });

  it("plans a conversation with the date, time, 40 minutes by default and the place", async () => {
    const { page, server } = await mountPanel([placement()]);
    await button(page, "Gesprek plannen").trigger("click");
    expect(page.get<HTMLInputElement>("input[type=number]").element.value).toBe("40");
    await page.get("input[type=date]").setValue("2026-03-30");
    await page.get("input[type=time]").setValue("10:00");
    await page.get("input[type=radio][value=online]").setValue(true);
    await page.get("input[type=url]").setValue(" https://meet.example/abc ");
    await page.get("form").trigger("submit");
    await settle();

    expect(server.callsOf("ScheduleConversation")).toEqual([
      {
        input: {
          placementId: "pl-sanne",
          // 10:00 on the school's clock (summer time), whatever the device's time zone.
          scheduledAt: "2026-03-30T08:00:00.000Z",
          durationMinutes: 40,
          mode: "online",
          location: null,
          onlineUrl: "https://meet.example/abc",
        },
      },
    ]);
    expect(server.callsOf("PlanningPlacements")).toHaveLength(2); // read again afterwards
    expect(page.find("form").exists()).toBe(false);
  });

  it("proposes the date the frequency rule gives", async () => {
    const { page } = await mountPanel([placement({ proposedDate: "2027-05-19" })]);
    await button(page, "Gesprek plannen").trigger("click");
    expect(page.get<HTMLInputElement>("input[type=date]").element.value).toBe("2027-05-19");
    expect(page.text()).toContain("Voorgestelde datum: 19 mei 2027");
  });

  it("says in Dutch why the server refused a plan", async () => {
    const { page, server } = await mountPanel([placement()]);
    server.failing.scheduleConversation = { code: "FORBIDDEN" };
    await button(page, "Gesprek plannen").trigger("click");
    await page.get("input[type=date]").setValue("2026-03-30");
    await page.get("input[type=time]").setValue("10:00");
    await page.get("form").trigger("submit");
    await settle();
    expect(page.get("[role=alert]").text()).toBe(
      "Alleen de eigen BPV-begeleider van deze student (of een beheerder) plant gesprekken.",
    );
  });

  it("shows each invite's state and copies, resends and reissues a link", async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const { page, server } = await mountPanel([
      placement({
        conversations: [
          planned("c1", "2026-03-30T08:00:00.000Z", [
            invite("i-student", { lastUsedAt: "2026-03-03T10:00:00.000Z" }),
            invite("i-po", { name: "Peter Bakker", role: "praktijkopleider", mail: "queued" }),
            invite("i-old", { name: "Peter Bakker", revokedAt: "2026-03-01T10:00:00.000Z" }),
          ]),
        ],
      }),
    ]);
    const states = page.findAll(".invite-state").map((s) => s.attributes("data-state"));
    expect(states).toEqual(["opened", "queued", "revoked"]);
    expect(page.text()).toContain("Gepland:");

    await page.get("[aria-label='Kopieer link van Peter Bakker']").trigger("click");
    await settle();
    expect(writeText).toHaveBeenCalledWith("http://localhost/join/token-i-po");
    expect(page.text()).toContain("Link gekopieerd.");

    await page.get("[aria-label='Opnieuw sturen naar Peter Bakker']").trigger("click");
    await settle();
    expect(server.callsOf("ResendInvite")).toEqual([{ inviteId: "i-po" }]);

    await page.get("[aria-label='Intrekken en nieuwe link voor Sanne Jansen']").trigger("click");
    await settle();
    expect(server.callsOf("ReissueInvite")).toEqual([{ inviteId: "i-student" }]);
  });

  it("names every link button by its visible text first, for voice control", async () => {
    for (const locale of ["nl", "en"] as const) {
      const { page } = await mountPanel(
        [placement({ conversations: [planned("c1", "2026-03-30T08:00:00.000Z")] })],
        locale,
      );
      const buttons = page.findAll(".invite-actions button");
      expect(buttons.length).toBeGreaterThan(0);
      for (const button of buttons) {
        expect(button.attributes("aria-label")?.startsWith(button.text())).toBe(true);
      }
      page.unmount();
    }
  });

  it("offers no resending to a participant without an e-mail address, and says why", async () => {
    const { page, server } = await mountPanel([
      placement({
        conversations: [
          planned("c1", "2026-03-30T08:00:00.000Z", [
            invite("i-student", { mail: "sent" }),
            invite("i-po", {
              name: "Peter Bakker",
              role: "praktijkopleider",
              mail: null,
              hasEmail: false,
            }),
          ]),
        ],
      }),
    ]);
    const [student, trainer] = page.findAll(".invite");
    expect(student?.findAll("button").map((b) => b.text())).toContain("Opnieuw sturen");
    expect(trainer?.findAll("button").map((b) => b.text())).toEqual([
      "Kopieer link",
      "Intrekken en nieuwe link",
    ]);
    expect(trainer?.get(".invite-state").text()).toBe(
      "Geen e-mailadres: kopieer de link en stuur hem zelf",
    );
    // A new link for them is not mailed either: it is to copy.
    await page.get("[aria-label='Intrekken en nieuwe link voor Peter Bakker']").trigger("click");
    await settle();
    expect(server.callsOf("ReissueInvite")).toEqual([{ inviteId: "i-po" }]);
    expect(page.text()).toContain("De oude link werkt niet meer. Kopieer de nieuwe link");
    expect(server.callsOf("ResendInvite")).toEqual([]);
  });

  it("says the POK's problems in English on the English screen", async () => {
    const { page } = await mountPanel([placement({ pokValid: false })], "en");
    expect(page.text()).toContain("POK not valid");
    expect(page.text()).toContain(
      "The placement agreement (POK) has not yet been signed by the company.",
    );
    expect(page.text()).not.toContain("leerbedrijf");
  });

  it("says an ended placement ended, with its shortfall, and offers no planning after it", async () => {
    const ended = placement({
      name: "Youssef Benali",
      endDate: "2025-07-24",
      required: 3,
      held: 0,
      missed: 3,
      nextDueDate: null,
    });
    const { page } = await mountPanel([ended]);
    const flag = page.get(".flag");
    expect(flag.text()).toBe("Stage afgelopen op 24 jul 2025: 0 van 3 gesprekken gehouden");
    expect(flag.attributes("data-kind")).toBe("short");
    expect(page.text()).not.toContain("Klaar");
    expect(page.findAll("button").map((b) => b.text())).not.toContain("Gesprek plannen");
    expect(page.text()).toContain("Een gesprek na de einddatum hoort niet meer bij de stage");
    page.unmount();

    const { page: english } = await mountPanel([ended], "en");
    expect(english.get(".flag").text()).toBe(
      "Placement ended on 24 Jul 2025: 0 of 3 conversations held",
    );
  });

  it("says in Dutch that a date after the placement's end is not part of it", async () => {
    const { page, server } = await mountPanel([placement()]);
    server.failing.scheduleConversation = { code: "BAD_USER_INPUT", reason: "after_placement_end" };
    await button(page, "Gesprek plannen").trigger("click");
    await page.get("input[type=date]").setValue("2026-07-10");
    await page.get("input[type=time]").setValue("10:00");
    await page.get("form").trigger("submit");
    await settle();
    expect(page.get("[role=alert]").text()).toContain("Die dag ligt na de einddatum van de stage");
  });

  it("stops the date picker at the placement's last day, and says so, when planning and moving", async () => {
    const { page } = await mountPanel([
      placement({ conversations: [planned("c1", "2026-03-30T08:00:00.000Z")] }),
    ]);
    await button(page, "Gesprek plannen").trigger("click");
    const plan = page.get(".placement > .plan-form");
    const date = plan.get("input[type=date]");
    expect(date.attributes("max")).toBe("2026-07-03");
    // The server does not refuse a day before the placement's start: no lower bound.
    expect(date.attributes("min")).toBeUndefined();
    const hint = plan.get("[data-field=last-date]");
    expect(hint.text()).toBe("Kies een dag tot en met 3 jul 2026, de laatste dag van de stage.");
    expect(date.attributes("aria-describedby")).toBe(hint.attributes("id"));

    await button(page, "Verplaatsen").trigger("click");
    const move = page.get(".planned .plan-form");
    expect(move.get("input[type=date]").attributes("max")).toBe("2026-07-03");
    expect(move.get("[data-field=last-date]").text()).toContain("3 jul 2026");
  });

  it("says the placement's last day in English on the English screen", async () => {
    const { page } = await mountPanel([placement()], "en");
    await button(page, "Plan a conversation").trigger("click");
    expect(page.get("[data-field=last-date]").text()).toBe(
      "Choose a day up to and including 3 Jul 2026, the placement's last day.",
    );
  });

  it("moves a planned conversation and cancels it only after confirmation", async () => {
    const { page, server } = await mountPanel([
      placement({ conversations: [planned("c1", "2026-03-30T08:00:00.000Z")] }),
    ]);
    await button(page, "Verplaatsen").trigger("click");
    expect(page.get<HTMLInputElement>("input[type=time]").element.value).toBe("10:00");
    await page.get("input[type=time]").setValue("14:30");
    await page.get("form").trigger("submit");
    await settle();
    const [move] = server.callsOf("MoveConversation");
    expect(move).toMatchObject({ conversationId: "c1", durationMinutes: 40, mode: "in_person" });
    expect(move?.startsAt).toBe("2026-03-30T12:30:00.000Z");

    await button(page, "Annuleren").trigger("click");
    expect(server.callsOf("CancelConversation")).toEqual([]);
    await page.get(".confirm input").setValue("Sanne is ziek.");
    await button(page, "Ja, gesprek annuleren").trigger("click");
    await settle();
    expect(server.callsOf("CancelConversation")).toEqual([
      { conversationId: "c1", reason: "Sanne is ziek." },
    ]);
  });
});

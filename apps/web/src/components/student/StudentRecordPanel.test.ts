import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createMemoryHistory, createRouter } from "vue-router";
import { clearSession, setSession } from "../../composables/useSession";
import { GRAPHQL_KEY } from "../../graphql/client";
import { createAppI18n } from "../../i18n";
import { type Failure, schemaServer } from "../../test/schemaServer";
import StudentRecordPanel from "./StudentRecordPanel.vue";

const agreement = {
  id: "a-1",
  text: "Portfolio bijwerken met de nieuwe bewijzen",
  owner: "student",
  dueDate: "2026-10-01",
  measure: "",
  firstStep: "Bewijzen verzamelen",
  werkproces: "B1-K1-W3",
  smart: { isComplete: false, missing: ["M"] },
  status: "partly",
  reviewNote: "De helft staat erin.",
  reviewedInId: "c-2",
};

const STUDENT = {
  id: "st-sanne",
  name: "Sanne Jansen",
  studentNumber: "2091834",
  programmeName: "Software developer",
  crebo: "25998",
  cohort: "2025-2026",
  leerweg: "BOL",
  trajectbegeleider: { id: "p-ahmed", name: "Ahmed El Amrani" },
  placements: [
    {
      id: "pl-1",
      companyName: "Bytewerk B.V.",
      praktijkopleider: { id: "p-kees", name: "Kees van Dijk" },
      begeleider: { id: "p-marieke", name: "Marieke de Vries" },
      startDate: "2026-08-05",
      endDate: "2027-08-05",
      hoursPerWeek: 32,
      pok: { isValid: false, problems: ["missing_company_signature"], endDate: "2027-08-05" },
      frequency: {
        periodStart: "2026-08-05",
        periodEnd: "2027-01-31",
        required: 2,
        held: 1,
        missed: 0,
        isOverdue: false,
        nextDueDate: "2027-08-05",
        proposedDate: null,
        isCurrent: true,
      },
      windows: [
        { start: "2026-08-05", end: "2027-01-31", state: "covered", conversationIds: ["c-1"] },
        { start: "2027-02-01", end: "2027-08-05", state: "upcoming", conversationIds: [] },
      ],
    },
  ],
  conversations: [
    {
      id: "c-1",
      placementId: "pl-1",
      scheduledAt: "2026-09-04T08:00:00.000Z",
      status: "signed",
      mode: "in_person",
      begeleider: { id: "p-marieke", name: "Marieke de Vries" },
      signedAt: "2026-09-04T09:00:00.000Z",
      conclusion: "achter",
      conclusionMotivation: "Nog geen werkprocessen aangetoond.",
      studentConclusion: "op_schema",
      studentMotivation: null,
      agreements: [agreement],
    },
  ],
};

async function mountPanel(failing: Partial<Record<string, Failure>> = {}) {
  const Blank = { template: "<div />" };
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: "/", component: Blank },
      { path: "/gesprek/:id", name: "conversation", component: Blank },
      { path: "/gesprek/:id/formulier", name: "conversation-form", component: Blank },
      { path: "/studenten", name: "planning", component: Blank },
      { path: "/studenten/zoeken", name: "students", component: Blank },
    ],
  });
  const server = schemaServer({ student: () => STUDENT });
  Object.assign(server.failing, failing);
  const page = mount(StudentRecordPanel, {
    props: { id: "st-sanne" },
    attachTo: document.body,
    global: {
      plugins: [createAppI18n("nl"), router],
      provide: { [GRAPHQL_KEY as symbol]: server.graphql },
    },
  });
  for (let i = 0; i < 5; i += 1) {
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return page;
}

describe("the student page", () => {
  beforeEach(() => {
    // 6 December 2026 on the school's clock (only the date is fake).
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-06T09:00:00.000Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = "";
  });

  it("shows the placement with its POK and windows, and each conversation with its record", async () => {
    const page = await mountPanel();
    expect(page.get("h1").text()).toBe("Sanne Jansen");
    const placement = page.get("article");
    expect(placement.text()).toContain("POK niet geldig");
    expect(placement.text()).toContain("Kees van Dijk");
    const windows = placement.findAll(".timeline-window");
    expect(windows.map((w) => w.attributes("data-state"))).toEqual(["covered", "upcoming"]);
    expect(windows[0]?.get("a").attributes("href")).toBe("/gesprek/c-1");
    expect(windows[0]?.get("a").attributes("aria-label")).toBe("Gesprek van 4 sep 2026 openen");

    const conversation = page.findAll("article")[1];
    const text = conversation?.text() ?? "";
    // The student's own conclusion first, then the begeleider's, as on the record.
    expect(conversation?.findAll(".conclusion dt").map((dt) => dt.text())).toEqual([
      "Conclusie van de student",
      "Oordeel BPV-begeleider",
    ]);
    expect(text).toContain("Ik loop achter (onder de nominale lijn)");
    expect(text).toContain("Ik loop op schema (op de nominale lijn)");
    expect(text).toContain("Niet SMART: mist M");
    expect(text).toContain("Deels");
    expect(text).toContain("De helft staat erin.");
    // Partly done and due 1 October: still open, so overdue, as Overzicht lists it.
    const overdue = conversation?.get(".badge[data-tone=overdue]");
    expect(overdue?.text()).toBe("! 66 dagen over datum");
    const links = conversation?.findAll(".conversation-links a") ?? [];
    expect(links.map((a) => [a.text(), a.attributes("href")])).toEqual([
      ["Gesprek openen", "/gesprek/c-1"],
      ["Formulier", "/gesprek/c-1/formulier"],
    ]);
  });

  it("says clearly when the student is not the caller's, and offers a way back, not a retry", async () => {
    setSession({
      accessToken: "t",
      role: "bpv_begeleider",
      person: { id: "p-marieke", name: "Marieke de Vries", role: "bpv_begeleider" },
      conversationId: null,
      expiresAt: "2099-01-01T00:00:00.000Z",
    });
    const page = await mountPanel({ student: { code: "FORBIDDEN" } });
    expect(page.get("h1").text()).toBe("Geen toegang tot deze student");
    expect(page.get("[role=alert]").text()).toBe(
      "Deze student hoort niet bij jouw studenten. Je ziet alleen de studenten die je begeleidt.",
    );
    expect(page.text()).not.toContain("Sanne");
    expect(page.findAll("button").map((b) => b.text())).not.toContain("Opnieuw proberen");
    const links = page.findAll(".actions a").map((a) => [a.text(), a.attributes("href")]);
    expect(links).toEqual([
      ["Naar Mijn studenten", "/studenten"],
      ["Student zoeken", "/studenten/zoeken"],
    ]);
    clearSession();
  });

  it("offers a retry only for a failure that trying again can fix", async () => {
    const page = await mountPanel({ student: { code: "INTERNAL_SERVER_ERROR" } });
    expect(page.get("h1").text()).toBe("Student niet geladen");
    expect(page.findAll("button").map((b) => b.text())).toContain("Opnieuw proberen");
    // Without a planner's session, only the search is offered.
    expect(page.findAll(".actions a").map((a) => a.text())).toEqual(["Student zoeken"]);
  });
});

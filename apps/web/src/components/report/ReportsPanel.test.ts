import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createMemoryHistory, createRouter } from "vue-router";
import { GRAPHQL_KEY } from "../../graphql/client";
import { createAppI18n } from "../../i18n";
import { type SchemaServer, schemaServer } from "../../test/schemaServer";
import ReportsPanel from "./ReportsPanel.vue";
import { overdue, overdueAgreement, particular, point, pokIssue, SCHOOL } from "./reportFixtures";
import { type FakeSchool, fakeSchool, reportResolvers } from "./reportSchool";

const Blank = { template: "<div />" };
/** The variables of a report asked without filters. */
const NO_FILTERS = { programme: null, cohort: null, begeleiderId: null, student: null };
const FIRST_PAGE = { first: 50, after: null, ...NO_FILTERS };

async function mountPage(
  school: FakeSchool,
  role: "trajectbegeleider" | "bpv_begeleider" = "trajectbegeleider",
  query = "",
  failing: SchemaServer["failing"] = {},
) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: "/overzicht", name: "staff", component: Blank },
      { path: "/gesprek/:id", name: "conversation", component: Blank },
      { path: "/studenten/:id", name: "student", component: Blank },
    ],
  });
  await router.push(`/overzicht${query}`);
  const server = schemaServer(reportResolvers(school));
  Object.assign(server.failing, failing);
  const page = mount(ReportsPanel, {
    props: { role },
    attachTo: document.body,
    global: {
      plugins: [createAppI18n("nl"), router],
      provide: { [GRAPHQL_KEY as symbol]: server.graphql },
    },
  });
  await settle();
  return { page, router, server };
}

/** Lets the fake server answer and Vue render. */
async function settle() {
  for (let i = 0; i < 5; i += 1) {
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

const tab = (page: Awaited<ReturnType<typeof mountPage>>["page"], name: RegExp) => {
  const found = page.findAll("[role=tab]").find((t) => name.test(t.text()));
  if (!found) throw new Error(`no tab ${name}`);
  return found;
};
const panel = (page: Awaited<ReturnType<typeof mountPage>>["page"], key: string) =>
  page.get(`#report-panel-${key}`);
const cardTitles = (el: ReturnType<typeof panel>) =>
  el.findAll(".report-card-title").map((h) => h.text());

describe("the staff overview", () => {
  afterEach(() => {
    document.body.innerHTML = "";
    vi.useRealTimers();
  });

  it("lists who is overdue, with their counts on the tab, a link to the student and to their latest conversation", async () => {
    const { page } = await mountPage(
      fakeSchool({
        placements: SCHOOL,
        overdue: [overdue("sanne", "Sanne Jansen", 2), overdue("youssef", "Youssef Benali")],
      }),
    );
    expect(tab(page, /^Te laat/).text()).toBe("Te laat 2");
    expect(tab(page, /^Te laat/).attributes("aria-selected")).toBe("true");
    const overduePanel = panel(page, "overdue");
    expect(cardTitles(overduePanel)).toEqual(["Sanne Jansen", "Youssef Benali"]);
    expect(overduePanel.text()).toContain("2 gesprekken gemist");
    expect(overduePanel.get(".report-card-title a").attributes("href")).toBe("/studenten/st-sanne");
    const open = overduePanel.get(".report-card-conversation a");
    expect(open.text()).toBe("Gesprek openen");
    expect(open.attributes("href")).toBe("/gesprek/c-sanne-2");
    expect(overduePanel.text()).toContain("Nog geen gesprek"); // Youssef: nothing to open
  });

  it("says so when nobody is overdue, and when the filters leave nobody", async () => {
    const { page } = await mountPage(fakeSchool({ placements: SCHOOL }));
    expect(panel(page, "overdue").text()).toContain("Niemand is te laat.");

    const { page: filtered } = await mountPage(
      fakeSchool({ placements: SCHOOL, overdue: [overdue("sanne", "Sanne Jansen")] }),
    );
    await filtered.get("input[type=search]").setValue("lotte");
    await settle();
    expect(panel(filtered, "overdue").text()).toContain(
      "Niemand die aan de filters voldoet is te laat.",
    );
  });

  it("narrows every part with the filters and updates the tab counts", async () => {
    const { page, server } = await mountPage(
      fakeSchool({
        placements: SCHOOL,
        overdue: [overdue("sanne", "Sanne Jansen"), overdue("lotte", "Lotte de Boer")],
        pokIssues: [pokIssue("daan", "Daan Visser"), pokIssue("lotte", "Lotte de Boer", true)],
        agreements: [overdueAgreement("sanne", "Sanne Jansen", 12)],
      }),
    );
    expect(tab(page, /^POK/).text()).toBe("POK 2");

    const programme = page.findAll("select").find((s) => s.text().includes("Verzorgende-IG"));
    await programme?.setValue("25655");
    await settle();

    // The server narrows: the report asks with the filter, the tab counts what passes.
    expect(server.callsOf("OverdueConversations").at(-1)).toMatchObject({ programme: "25655" });
    expect(cardTitles(panel(page, "overdue"))).toEqual(["Lotte de Boer"]);
    expect(tab(page, /^Te laat/).text()).toBe("Te laat 1");
    expect(tab(page, /^POK/).text()).toBe("POK 1");
    expect(tab(page, /^Afspraken/).text()).toBe("Afspraken over datum 0");

    await page.get("button.report-filters-clear").trigger("click");
    await settle();
    expect(tab(page, /^POK/).text()).toBe("POK 2");
    expect(page.find("button.report-filters-clear").exists()).toBe(false);
  });

  it("asks a page at a time and pages on with the cursor, saying which rows of how many", async () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      overdue("sanne", `Student ${String(i).padStart(2, "0")}`),
    );
    const { page, server } = await mountPage(fakeSchool({ placements: SCHOOL, overdue: many }));
    const overduePanel = panel(page, "overdue");
    expect(tab(page, /^Te laat/).text()).toBe("Te laat 60");
    expect(cardTitles(overduePanel)).toHaveLength(50);
    expect(overduePanel.text()).toContain("50 van 60");
    expect(overduePanel.get(".pager-nav").text()).toContain("1–50 van 60");

    const next = overduePanel.findAll(".pager-nav button").find((b) => b.text() === "Volgende");
    await next?.trigger("click");
    await settle();
    expect(server.callsOf("OverdueConversations").at(-1)).toMatchObject({ first: 50, after: "50" });
    expect(cardTitles(panel(page, "overdue"))).toEqual(many.slice(50).map((r) => r.studentName));
    expect(panel(page, "overdue").get(".pager-nav").text()).toContain("51–60 van 60");

    const previous = panel(page, "overdue")
      .findAll(".pager-nav button")
      .find((b) => b.text() === "Vorige");
    await previous?.trigger("click");
    await settle();
    expect(cardTitles(panel(page, "overdue"))[0]).toBe("Student 00");
  }, 15_000);

  it("switches parts with the tabs and keeps the choice in the address", async () => {
    const { page, router } = await mountPage(
      fakeSchool({
        placements: SCHOOL,
        agreements: [overdueAgreement("sanne", "Sanne Jansen", 12)],
      }),
    );
    await tab(page, /^Afspraken/).trigger("click");
    await settle();
    expect(router.currentRoute.value.query.tab).toBe("agreements");
    expect(panel(page, "agreements").attributes("hidden")).toBeUndefined();
    expect(panel(page, "overdue").attributes("hidden")).toBeDefined();
    expect(panel(page, "agreements").text()).toContain("12 dagen over datum");
    expect(panel(page, "agreements").get(".report-card-title a").attributes("href")).toBe(
      "/studenten/st-sanne",
    );
    expect(panel(page, "agreements").get(".report-card-conversation a").attributes("href")).toBe(
      "/gesprek/c-sanne-1",
    );

    // Arrow keys move along the tabs, as in any tab list.
    await tab(page, /^Afspraken/).trigger("keydown", { key: "ArrowRight" });
    await settle();
    expect(router.currentRoute.value.query.tab).toBe("particulars");
  });

  it("asks for POKs ending within the number of days typed, once typing stops", async () => {
    const school = fakeSchool({ placements: SCHOOL });
    const { page, server } = await mountPage(school, "trajectbegeleider", "?tab=pok");
    const days = panel(page, "pok").get("input[type=number]");
    expect((days.element as HTMLInputElement).value).toBe("30");

    await days.setValue("-3");
    expect(days.attributes("aria-invalid")).toBe("true");
    expect(panel(page, "pok").text()).toContain("Vul een aantal dagen in van 0 tot 3650.");

    await days.setValue("90");
    expect(days.attributes("aria-invalid")).toBe("false");
    await new Promise((resolve) => setTimeout(resolve, 450));
    await settle();
    expect(server.callsOf("PokIssues")).toEqual([
      { withinDays: 30, ...FIRST_PAGE },
      { withinDays: 90, ...FIRST_PAGE },
    ]);
  });

  it("marks a particular handled: it leaves the open list and shows among the handled ones", async () => {
    const school = fakeSchool({
      placements: SCHOOL,
      particulars: [
        particular("b1", "daan", "Daan Visser", "Daan voelt zich niet veilig op de werkvloer."),
        particular("b2", "sanne", "Sanne Jansen", "Stage loopt mogelijk vroegtijdig af."),
      ],
    });
    const { page, server } = await mountPage(school, "trajectbegeleider", "?tab=particulars");
    const particulars = panel(page, "particulars");
    expect(tab(page, /^Bijzonderheden/).text()).toBe("Bijzonderheden 2");
    const buttons = particulars.findAll("button[data-action=mark]");
    expect(buttons.map((b) => b.text())).toEqual(["✓ Afgehandeld", "✓ Afgehandeld"]);

    await buttons[0]?.trigger("click");
    await settle();

    expect(server.callsOf("MarkParticularHandled")).toEqual([{ particularId: "b1" }]);
    expect(cardTitles(particulars)).toEqual(["Sanne Jansen"]);
    expect(tab(page, /^Bijzonderheden/).text()).toBe("Bijzonderheden 1");
    expect(page.get("[aria-live=polite]").text()).toBe(
      "Bijzonderheid van Daan Visser is afgehandeld.",
    );
    // Focus moves to the next particular's button rather than getting lost.
    expect(document.activeElement?.textContent).toContain("Afgehandeld");

    const toggle = particulars.get("fieldset.report-toggle");
    expect(toggle.get("legend").text()).toBe("Tonen");
    expect(toggle.findAll("label").map((l) => l.text())).toEqual(["Open", "Afgehandeld"]);
    const handled = toggle.findAll("input[type=radio]")[1];
    await handled?.setValue(true);
    await settle();
    expect(cardTitles(particulars)).toEqual(["Daan Visser"]);
    expect(particulars.text()).toContain("Afgehandeld op");
    expect(particulars.find("button[data-action=mark]").exists()).toBe(false);
  });

  it("offers no Afgehandeld button to a BPV-begeleider", async () => {
    const { page } = await mountPage(
      fakeSchool({
        placements: SCHOOL,
        particulars: [particular("b1", "daan", "Daan Visser", "Ziek gemeld.")],
      }),
      "bpv_begeleider",
    );
    expect(panel(page, "particulars").find("button[data-action=mark]").exists()).toBe(false);
    expect(panel(page, "particulars").text()).toContain(
      "De trajectbegeleider handelt bijzonderheden af.",
    );
  });

  it("shows a failed report with a way to try again, and the other parts still work", async () => {
    const school = fakeSchool({
      placements: SCHOOL,
      overdue: [overdue("sanne", "Sanne Jansen")],
      pokIssues: [pokIssue("daan", "Daan Visser")],
    });
    const { page, server } = await mountPage(school, "trajectbegeleider", "", {
      overdueConversations: { code: "FORBIDDEN" },
    });
    const overduePanel = panel(page, "overdue");
    expect(overduePanel.get("[role=alert]").text()).toContain("Je hebt geen toegang");
    expect(tab(page, /^POK/).text()).toBe("POK 1");

    delete server.failing.overdueConversations;
    await overduePanel.get("button.report-retry").trigger("click");
    await settle();
    expect(overduePanel.find("[role=alert]").exists()).toBe(false);
    expect(cardTitles(overduePanel)).toEqual(["Sanne Jansen"]);
  });

  it("draws a chart per student and counts the conclusions per group", async () => {
    const school = fakeSchool({
      placements: SCHOOL,
      conclusions: [
        point("sanne", "Sanne Jansen", 1, "2025-10-01", "op_schema"),
        point("sanne", "Sanne Jansen", 2, "2026-03-02", "achter"),
        point("lotte", "Lotte de Boer", 1, "2026-01-15", "voor"),
      ],
      distribution: [
        { group: "25655", voor: 1, opSchema: 0, achter: 0 },
        { group: "25998", voor: 0, opSchema: 1, achter: 1 },
      ],
    });
    const { page, server } = await mountPage(school, "trajectbegeleider", "?tab=conclusions");
    const conclusions = panel(page, "conclusions");
    expect(conclusions.findAll("svg.conclusion-chart")).toHaveLength(2);
    const rows = conclusions.findAll(".report-distribution tbody tr").map((r) => r.text());
    expect(rows[0]).toMatch(/^Verzorgende-IG \(25655\)\s*1\s*0\s*0\s*1$/);

    const groupBy = conclusions.get(".report-distribution select");
    await groupBy.setValue("begeleider");
    await settle();
    expect(server.requests.at(-1)).toEqual({
      name: "ConclusionDistribution",
      variables: { groupBy: "begeleider", ...NO_FILTERS },
    });
  });

  it("lists signed conversations not yet entered into the student system, each opening its conversation", async () => {
    const school = fakeSchool({
      placements: SCHOOL,
      notEntered: [
        {
          conversationId: "c-sanne-1",
          placementId: "pl-sanne",
          studentName: "Sanne Jansen",
          begeleiderName: "Marieke de Vries",
          scheduledAt: "2025-10-01T10:00:00.000Z",
          signedAt: "2025-10-01T10:45:00.000Z",
        },
      ],
    });
    const { page } = await mountPage(school, "trajectbegeleider", "?tab=entered");
    expect(tab(page, /^Niet ingevoerd/).text()).toMatch(/1$/);
    const entered = panel(page, "entered");
    expect(cardTitles(entered)).toEqual(["Sanne Jansen"]);
    expect(entered.get(".report-card-title a").attributes("href")).toBe("/studenten/st-sanne");
    expect(entered.get(".report-card-conversation a").attributes("href")).toBe(
      "/gesprek/c-sanne-1",
    );
    expect(entered.text()).toContain("Nog niet ingevoerd in het studentsysteem");
    expect(entered.text()).toContain("BPV-begeleider Marieke de Vries");
  });

  it("shows where the begeleider's judgement differs from what the student stated", async () => {
    const school = fakeSchool({
      placements: SCHOOL,
      conclusions: [
        point("sanne", "Sanne Jansen", 1, "2025-10-01", "op_schema"),
        point("sanne", "Sanne Jansen", 2, "2026-03-02", "achter", "op_schema"),
      ],
    });
    const { page } = await mountPage(school, "trajectbegeleider", "?tab=conclusions");
    const card = panel(page, "conclusions").get("article.report-chart-card");
    expect(card.get("[data-field=student-differs]").text()).toBe("student: Op schema (wijkt af)");
    const rows = card.findAll("tbody tr").map((r) => r.text());
    expect(rows[1]).toContain("Op schema (wijkt af)");
    expect(rows[0]).not.toContain("wijkt af");
  });
});

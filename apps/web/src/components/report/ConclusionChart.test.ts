import { mount } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { nextTick } from "vue";
import { createMemoryHistory, createRouter } from "vue-router";
import { createAppI18n } from "../../i18n";
import ConclusionChart from "./ConclusionChart.vue";
import { point, SCHOOL } from "./reportFixtures";
import { conclusionRows, placementDirectory } from "./reportRows";

const directory = placementDirectory(SCHOOL);
const TWO_STUDENTS = [
  point("sanne", "Sanne Jansen", 1, "2025-10-01", "op_schema"),
  point("sanne", "Sanne Jansen", 2, "2026-03-02", "achter"),
  point("lotte", "Lotte de Boer", 1, "2026-01-15", "voor"),
];

function mountChart(points = TWO_STUDENTS) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: "/", component: { template: "<div />" } },
      { path: "/gesprek/:id", name: "conversation", component: { template: "<div />" } },
      { path: "/studenten/:id", name: "student", component: { template: "<div />" } },
    ],
  });
  return mount(ConclusionChart, {
    props: { rows: conclusionRows(points, directory) },
    attachTo: document.body,
    global: { plugins: [createAppI18n("nl"), router] },
  });
}

const students = (chart: ReturnType<typeof mountChart>) =>
  chart.findAll(".report-chart-card h4").map((h) => h.text());

describe("ConclusionChart", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("draws one chart per student, those behind first, each naming where they stand now", () => {
    const chart = mountChart();
    expect(students(chart)).toEqual(["Sanne Jansen", "Lotte de Boer"]);
    const [sanne] = chart.findAll(".report-chart-card");
    expect(sanne?.text()).toContain("2 gesprekken");
    expect(sanne?.text()).toContain("Nu: Achter");
    // The name opens the student's page; the latest conversation opens beside it.
    expect(sanne?.get("h4 a").attributes("href")).toBe("/studenten/st-sanne");
    expect(sanne?.get(".report-card-conversation a").attributes("href")).toBe("/gesprek/c-sanne-2");
    // The nominal line is drawn, and each conclusion has its own marker.
    expect(sanne?.findAll("svg .chart-nominal")).toHaveLength(1);
    expect(sanne?.findAll("svg .chart-marker").map((m) => m.classes().at(-1))).toEqual([
      "chart-marker-op_schema",
      "chart-marker-achter",
    ]);
  });

  it("explains the markers and the nominal line in a legend", () => {
    const legend = mountChart().get("ul.chart-legend");
    expect(legend.attributes("aria-label")).toBe("Legenda");
    expect(legend.findAll("li").map((li) => li.text())).toEqual([
      "Voor (boven de nominale lijn)",
      "Op schema (op de nominale lijn)",
      "Achter (onder de nominale lijn)",
      "Nominale lijn (op schema)",
    ]);
  });

  it("gives screen readers each student's conclusions as a table, the chart being hidden from them", () => {
    const [sanne] = mountChart().findAll(".report-chart-card");
    expect(sanne?.get("svg").attributes("aria-hidden")).toBe("true");
    expect(sanne?.find("div.visually-hidden table").exists()).toBe(true);
    const table = sanne?.get("table");
    expect(table?.get("caption").text()).toBe("Conclusies van Sanne Jansen");
    expect(table?.findAll("tbody tr").map((tr) => tr.text())).toEqual([
      "1 okt 2025Op schema (op de nominale lijn)Op schema",
      "2 mrt 2026Achter (onder de nominale lijn)Achter",
    ]);
    // Hidden, it holds no links: focus would land on something unseen.
    expect(table?.find("a").exists()).toBe(false);
  });

  it("shows the tables instead of the charts on request, each date opening its conversation", async () => {
    const chart = mountChart();
    const toggle = chart.findAll("button").find((b) => b.text() === "Als tabel tonen");
    expect(toggle?.attributes("aria-pressed")).toBe("false");
    await toggle?.trigger("click");
    expect(toggle?.attributes("aria-pressed")).toBe("true");
    expect(chart.find("svg.conclusion-chart").exists()).toBe(false);
    const [sanne] = chart.findAll(".report-chart-card");
    expect(sanne?.find(".visually-hidden table").exists()).toBe(false);
    expect(sanne?.findAll("tbody a").map((a) => a.attributes("href"))).toEqual([
      "/gesprek/c-sanne-1",
      "/gesprek/c-sanne-2",
    ]);
  });

  it("orders by name on request", async () => {
    const chart = mountChart();
    await chart.get("select").setValue("name");
    expect(students(chart)).toEqual(["Lotte de Boer", "Sanne Jansen"]);
  });

  it("shows twelve students at first and more on request, focusing the first new one", async () => {
    const many = Array.from({ length: 15 }, (_, i) =>
      point(`s${i}`, `Student ${String(i + 1).padStart(2, "0")}`, 1, "2026-01-01", "op_schema"),
    );
    const chart = mountChart(many);
    expect(students(chart)).toHaveLength(12);
    expect(chart.text()).toContain("12 van 15 studenten getoond");
    const more = chart.get("button.report-more");
    expect(more.text()).toBe("Meer studenten tonen (3 over)");
    await more.trigger("click");
    await nextTick();
    expect(students(chart)).toHaveLength(15);
    expect(chart.find("button.report-more").exists()).toBe(false);
    expect(document.activeElement?.textContent?.trim()).toBe("Student 13");
  });
});

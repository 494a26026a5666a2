import { describe, expect, it } from "vitest";
import {
  CHART_TEXT_PX,
  chartGeometry,
  dateDomain,
  frameForWidth,
  levelY,
  markerPath,
  monthTicks,
  SMALL_MULTIPLE,
  sortSeries,
  studentSeries,
} from "./chartGeometry";
import { point } from "./reportFixtures";

describe("studentSeries", () => {
  it("gives each student one series, oldest conclusion first, students by name", () => {
    const series = studentSeries([
      point("sanne", "Sanne Jansen", 2, "2026-03-02", "achter"),
      point("daan", "Daan Visser", 1, "2025-11-10", "voor"),
      point("sanne", "Sanne Jansen", 1, "2025-10-01", "op_schema"),
    ]);
    expect(series.map((s) => s.studentName)).toEqual(["Daan Visser", "Sanne Jansen"]);
    expect(series[1]?.points.map((p) => p.conclusion)).toEqual(["op_schema", "achter"]);
    expect(series[1]?.latest.conclusion).toBe("achter");
  });

  it("puts those behind on their latest conclusion first when asked", () => {
    const series = studentSeries([
      point("anna", "Anna", 1, "2026-01-01", "voor"),
      point("bram", "Bram", 1, "2026-01-01", "op_schema"),
      point("cas", "Cas", 1, "2025-01-01", "voor"),
      point("cas", "Cas", 2, "2026-01-01", "achter"),
    ]);
    expect(sortSeries(series, "behind").map((s) => s.studentName)).toEqual(["Cas", "Bram", "Anna"]);
    expect(sortSeries(series, "name").map((s) => s.studentName)).toEqual(["Anna", "Bram", "Cas"]);
  });
});

describe("dateDomain", () => {
  it("spans the earliest to the latest date", () => {
    expect(dateDomain(["2026-03-02", "2025-10-01", "2025-11-10"])).toEqual({
      from: "2025-10-01",
      to: "2026-03-02",
    });
  });

  it("widens a single date to a month either side, and has nothing without dates", () => {
    expect(dateDomain(["2026-03-02"])).toEqual({ from: "2026-01-31", to: "2026-04-01" });
    expect(dateDomain([])).toBeNull();
  });
});

describe("monthTicks", () => {
  it("marks the first of each month while few enough", () => {
    expect(monthTicks({ from: "2025-10-15", to: "2026-01-10" }, 4)).toEqual([
      "2025-11-01",
      "2025-12-01",
      "2026-01-01",
    ]);
  });

  it("steps by quarters, half years or years over longer spans", () => {
    expect(monthTicks({ from: "2025-08-01", to: "2026-07-31" }, 4)).toEqual([
      "2025-10-01",
      "2026-01-01",
      "2026-04-01",
      "2026-07-01",
    ]);
    expect(monthTicks({ from: "2023-09-01", to: "2026-07-31" }, 3)).toEqual([
      "2024-01-01",
      "2025-01-01",
      "2026-01-01",
    ]);
  });

  it("labels the two ends of a span within one month", () => {
    expect(monthTicks({ from: "2026-03-02", to: "2026-03-20" }, 3)).toEqual([
      "2026-03-02",
      "2026-03-20",
    ]);
  });
});

describe("chartGeometry", () => {
  const domain = { from: "2025-10-01", to: "2026-03-02" };
  const geometry = chartGeometry(
    [
      { conversationId: "c2", date: "2026-03-02", conclusion: "achter" },
      { conversationId: "c1", date: "2025-10-01", conclusion: "voor" },
    ],
    domain,
  );

  it("draws ahead above the nominal line and behind below it", () => {
    const y = Object.fromEntries(geometry.levels.map((l) => [l.conclusion, l.y]));
    expect(y.voor).toBeLessThan(geometry.nominalY);
    expect(y.op_schema).toBe(geometry.nominalY);
    expect(y.achter).toBeGreaterThan(geometry.nominalY);
    expect(geometry.nominalY).toBe(
      (levelY("voor", SMALL_MULTIPLE) + levelY("achter", SMALL_MULTIPLE)) / 2,
    );
  });

  it("puts the points in date order from left to right, inside the plot", () => {
    const [first, last] = geometry.points;
    expect(first?.conversationId).toBe("c1");
    expect(first?.y).toBe(y("voor"));
    expect(last?.y).toBe(y("achter"));
    expect(first?.x).toBeGreaterThan(geometry.plot.x0);
    expect(last?.x).toBeLessThan(geometry.plot.x1);
    expect(first?.x).toBeLessThan(last?.x ?? 0);
    expect(geometry.path).toBe(`M${first?.x} ${first?.y} L${last?.x} ${last?.y}`);
  });

  it("places the month ticks between the ends, in order", () => {
    const xs = geometry.xTicks.map((t) => t.x);
    expect(geometry.xTicks.length).toBeGreaterThan(0);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    for (const x of xs) {
      expect(x).toBeGreaterThanOrEqual(geometry.points[0]?.x ?? 0);
      expect(x).toBeLessThanOrEqual(geometry.points[1]?.x ?? 0);
    }
  });

  it("has no line without points", () => {
    expect(chartGeometry([], domain).path).toBe("");
  });

  function y(conclusion: "voor" | "op_schema" | "achter") {
    return geometry.levels.find((l) => l.conclusion === conclusion)?.y;
  }
});

describe("markerPath", () => {
  it("draws a different shape per conclusion, so colour is not needed to tell them apart", () => {
    const shapes = new Set(
      (["voor", "op_schema", "achter"] as const).map((c) => markerPath(c, 10, 10)),
    );
    expect(shapes.size).toBe(3);
    expect(markerPath("voor", 10, 10)).toMatch(/^M10 5 /); // apex on top
    expect(markerPath("achter", 10, 10)).toMatch(/^M10 15 /); // apex below
  });
});

describe("frameForWidth", () => {
  it("draws a chart one unit to a pixel, so its text is the same size on every screen", () => {
    expect(frameForWidth(310).width).toBe(310);
    expect(frameForWidth(412.4).width).toBe(412);
    expect(CHART_TEXT_PX).toBeGreaterThanOrEqual(14);
  });

  it("keeps room beside the labels for the plot, and the small multiple before layout", () => {
    expect(frameForWidth(120).width).toBe(220);
    expect(frameForWidth(null).width).toBe(SMALL_MULTIPLE.width);
    expect(frameForWidth(0).width).toBe(SMALL_MULTIPLE.width);
    const frame = frameForWidth(300);
    expect(frame.width - frame.left - frame.right).toBeGreaterThan(150);
  });
});

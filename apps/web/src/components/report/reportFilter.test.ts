import { describe, expect, it } from "vitest";
import {
  filterDistribution,
  filterOptions,
  filterRows,
  groupLabel,
  isFiltering,
  NO_FILTER,
} from "./reportFilter";
import { overdue, SCHOOL } from "./reportFixtures";
import { overdueRows, placementDirectory } from "./reportRows";

const directory = placementDirectory(SCHOOL);
const rows = overdueRows(
  [
    overdue("sanne", "Sanne Jansen"),
    overdue("daan", "Daan Visser"),
    overdue("lotte", "Lotte de Boer"),
    overdue("youssef", "Youssef Benali"),
  ],
  directory,
);
const names = (filter: Partial<typeof NO_FILTER>) =>
  filterRows(rows, { ...NO_FILTER, ...filter }).map((r) => r.studentName);

describe("filterRows", () => {
  it("shows everything without a filter", () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(names({})).toHaveLength(4);
  });

  it("narrows by programme, cohort and begeleider, together", () => {
    expect(names({ programme: "25655" })).toEqual(["Lotte de Boer", "Youssef Benali"]);
    expect(names({ cohort: "2025-2026" })).toEqual(["Sanne Jansen", "Daan Visser"]);
    expect(names({ begeleider: "p-joost" })).toEqual(["Youssef Benali"]);
    expect(names({ programme: "25655", begeleider: "p-marieke" })).toEqual(["Lotte de Boer"]);
  });

  it("finds students by parts of their name, ignoring case and accents", () => {
    expect(names({ name: "de boer" })).toEqual(["Lotte de Boer"]);
    expect(names({ name: "  JANSEN  sanne" })).toEqual(["Sanne Jansen"]);
    expect(names({ name: "Yoüssef" })).toEqual(["Youssef Benali"]);
    expect(names({ name: "niemand" })).toEqual([]);
    expect(isFiltering({ ...NO_FILTER, name: "  " })).toBe(false);
  });

  it("keeps a row of an unknown placement only while no programme, cohort or begeleider is chosen", () => {
    const stray = overdueRows([overdue("unknown", "Sem Smit")], directory);
    expect(filterRows(stray, { ...NO_FILTER, name: "sem" })).toHaveLength(1);
    expect(filterRows(stray, { ...NO_FILTER, cohort: "2025-2026" })).toHaveLength(0);
  });
});

describe("filterOptions", () => {
  it("lists each programme, cohort and begeleider once", () => {
    const options = filterOptions(directory.all);
    expect(options.programmes).toEqual([
      { value: "25998", label: "Software developer (25998)" },
      { value: "25655", label: "Verzorgende-IG (25655)" },
    ]);
    expect(options.cohorts.map((c) => c.value)).toEqual(["2026-2027", "2025-2026", "2024-2025"]);
    expect(options.begeleiders.map((b) => b.label)).toEqual(["Joost Bakker", "Marieke de Vries"]);
  });
});

describe("filterDistribution", () => {
  const options = filterOptions(directory.all);
  const counts = [
    { group: "Joost Bakker", voor: 1, opSchema: 0, achter: 0 },
    { group: "Marieke de Vries", voor: 0, opSchema: 2, achter: 1 },
  ];

  it("applies the filter on the grouped dimension only", () => {
    const filter = { ...NO_FILTER, begeleider: "p-joost", cohort: "2025-2026" };
    expect(filterDistribution(counts, "begeleider", filter, options)).toEqual({
      rows: [counts[0]],
      appliesFilter: true,
    });
    expect(filterDistribution(counts, "programme", filter, options)).toEqual({
      rows: counts,
      appliesFilter: false,
    });
  });

  it("names a programme group by its name as well as its crebo", () => {
    expect(groupLabel("25998", "programme", options)).toBe("Software developer (25998)");
    expect(groupLabel("2025-2026", "cohort", options)).toBe("2025-2026");
  });
});

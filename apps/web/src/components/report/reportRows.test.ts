import { describe, expect, it } from "vitest";
import {
  overdue,
  overdueAgreement,
  particular,
  placement,
  point,
  pokIssue,
  SCHOOL,
} from "./reportFixtures";
import {
  agreementRows,
  conclusionRows,
  overdueRows,
  particularRows,
  placementDirectory,
  pokRows,
} from "./reportRows";

const directory = placementDirectory(SCHOOL);

describe("placementDirectory and the report rows", () => {
  it("opens an overdue or POK row at the placement's most recent conversation", () => {
    const [row] = overdueRows([overdue("sanne", "Sanne Jansen")], directory);
    expect(row?.conversationId).toBe("c-sanne-2");
    expect(row?.facets?.programme.crebo).toBe("25998");
    expect(pokRows([pokIssue("daan", "Daan Visser")], directory)[0]?.conversationId).toBe(
      "c-daan-1",
    );
  });

  it("has nothing to open for a placement without conversations", () => {
    expect(overdueRows([overdue("youssef", "Youssef Benali")], directory)[0]).toMatchObject({
      conversationId: null,
      facets: { begeleider: { name: "Joost Bakker" } },
    });
  });

  it("counts a planned conversation as the most recent one", () => {
    const planned = placement("eva", "Eva", { conversationDates: ["2026-05-01", "2025-12-01"] });
    expect(placementDirectory([planned]).byPlacement("pl-eva")?.latestConversation?.id).toBe(
      "c-eva-1",
    );
  });

  it("joins conclusions, agreements and particulars to their placement by conversation", () => {
    const [conclusion] = conclusionRows(
      [point("lotte", "Lotte de Boer", 1, "2026-01-15", "achter")],
      directory,
    );
    expect(conclusion).toMatchObject({
      conversationId: "c-lotte-1",
      facets: { cohort: "2026-2027" },
    });
    const [agreement] = agreementRows([overdueAgreement("sanne", "Sanne Jansen", 5)], directory);
    expect(agreement).toMatchObject({
      conversationId: "c-sanne-1",
      facets: { placementId: "pl-sanne" },
    });
    const [flag] = particularRows([particular("b1", "daan", "Daan Visser", "Ziek")], directory);
    expect(flag).toMatchObject({
      studentName: "Daan Visser",
      conversationId: "c-daan-1",
      facets: { placementId: "pl-daan" },
    });
  });
});

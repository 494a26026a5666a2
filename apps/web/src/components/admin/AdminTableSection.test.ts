import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { GRAPHQL_KEY } from "../../graphql/client";
import { createAppI18n } from "../../i18n";
import { schemaServer } from "../../test/schemaServer";
import AdminTableSection from "./AdminTableSection.vue";
import { ADMIN_TABLES } from "./adminTables";

const PLACEMENTS = ADMIN_TABLES.find((table) => table.key === "placements");

const placement = {
  id: "p1",
  studentNumber: "500101",
  studentName: "Noor Bakker",
  companyName: "Codefabriek B.V.",
  trainerName: "",
  begeleiderName: "Marieke de Vries",
  begeleiderEmail: "m.devries@school.nl",
  startDate: "2026-02-09",
  endDate: "2027-02-04",
  hoursPerWeek: 32,
  pokNumber: "POK-500101-01",
  pokStudentSignedAt: null,
  pokSchoolSignedAt: null,
  pokCompanySignedAt: null,
};

async function mountTable(locale: "nl" | "en") {
  if (!PLACEMENTS) throw new Error("no placements table");
  const server = schemaServer({
    adminPlacements: () => ({
      totalCount: 1,
      pageInfo: { hasNextPage: false, endCursor: "1" },
      edges: [{ node: placement }],
    }),
  });
  const table = mount(AdminTableSection, {
    props: { table: PLACEMENTS },
    attachTo: document.body,
    global: {
      plugins: [createAppI18n(locale)],
      provide: { [GRAPHQL_KEY as symbol]: server.graphql },
    },
  });
  for (let i = 0; i < 5; i += 1) {
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return table;
}

/** A cell's value without its label (the label is for the phone's cards, hidden from readers). */
const values = (table: Awaited<ReturnType<typeof mountTable>>) =>
  table.findAll("tbody td:not(.row-action)").map((td) => {
    const label = td.find(".cell-label");
    return td.text().slice(label.exists() ? label.text().length : 0);
  });

describe("an admin table", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("writes dates as the rest of the app does, in the screen's language", async () => {
    const nl = await mountTable("nl");
    expect(values(nl)).toContain("9 feb 2026");
    expect(values(nl)).toContain("4 feb 2027");
    expect(nl.find("time").attributes("datetime")).toBe("2026-02-09");
    nl.unmount();
    const en = await mountTable("en");
    expect(values(en)).toContain("9 Feb 2026");
  });

  it("labels each value for the phone's cards, hidden from screen readers; empty is a dash", async () => {
    const table = await mountTable("nl");
    const cells = table.findAll("tbody td:not(.row-action)");
    expect(cells).toHaveLength((PLACEMENTS?.columns.length ?? 0) - 1);
    for (const cell of cells)
      expect(cell.get(".cell-label").attributes("aria-hidden")).toBe("true");
    expect(cells[0]?.get(".cell-label").text()).toBe("Studentnummer");
    // No praktijkopleider yet.
    expect(values(table)[2]).toBe("—");
    expect(table.get("tbody th").text()).toBe("Noor Bakker");
    expect(table.get(".row-action button").attributes("aria-label")).toBe("Noor Bakker bewerken");
  });
});

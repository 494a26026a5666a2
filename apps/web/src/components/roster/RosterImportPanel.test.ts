import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { GRAPHQL_KEY } from "../../graphql/client";
import type { RosterImportResult } from "../../graphql/roster";
import { createAppI18n } from "../../i18n";
import { schemaServer } from "../../test/schemaServer";
import RosterImportPanel from "./RosterImportPanel.vue";

const FAULTY = "studentnummer;startdatum\n500101;31-02-2026\n";
const FIXED = "studentnummer;startdatum\n500101;28-02-2026\n";

/** What the server answers for `csv`: the faulty file has two errors, the fixed one none. */
function answer(csv: string, dryRun: boolean): RosterImportResult {
  const isFaulty = csv === FAULTY;
  return {
    dryRun,
    committed: !dryRun && !isFaulty,
    rows: 2,
    created: 1,
    updated: 1,
    unchanged: 0,
    delimiter: ";",
    ignoredColumns: [],
    errors: isFaulty
      ? [
          { row: 2, column: "startdatum", message: "is geen datum (dd-mm-jjjj of jjjj-mm-dd)" },
          { row: 3, column: "einddatum", message: "ligt vóór de startdatum" },
        ]
      : [],
    rowResults: [
      {
        row: 2,
        action: "create",
        studentNumber: "500101",
        studentName: "Noor Bakker",
        startDate: "2026-02-01",
        companyName: "Codefabriek B.V.",
        changes: [],
      },
    ],
    missing: [],
  };
}

async function mountPanel() {
  const server = schemaServer({
    importRoster: ({ csv, dryRun }: { csv: string; dryRun: boolean }) => answer(csv, dryRun),
  });
  const page = mount(RosterImportPanel, {
    attachTo: document.body,
    global: {
      plugins: [createAppI18n("nl")],
      provide: { [GRAPHQL_KEY as symbol]: server.graphql },
    },
  });
  return { page, server };
}

async function settle() {
  for (let i = 0; i < 5; i += 1) {
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

type Page = Awaited<ReturnType<typeof mountPanel>>["page"];
const button = (page: Page, text: string) => {
  const found = page.findAll("button").find((b) => b.text() === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
};

describe("the roster import", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("lists every error of the preview with its row and column, and keeps Inlezen disabled", async () => {
    const { page, server } = await mountPanel();
    expect(button(page, "Controleren").attributes("disabled")).toBeDefined();
    await page.get("textarea").setValue(FAULTY);
    await button(page, "Controleren").trigger("click");
    await settle();

    expect(server.callsOf("ImportRoster")).toEqual([{ csv: FAULTY, dryRun: true }]);
    const rows = page
      .findAll("table")[0]
      ?.findAll("tbody tr")
      .map((tr) => tr.findAll("td").map((td) => td.text()));
    expect(rows).toEqual([
      ["2", "startdatum", "is geen datum (dd-mm-jjjj of jjjj-mm-dd)"],
      ["3", "einddatum", "ligt vóór de startdatum"],
    ]);
    expect(page.text()).toContain("Er staan 2 fouten in het bestand.");
    expect(button(page, "Inlezen").attributes("disabled")).toBeDefined();
  });

  it("enables Inlezen only for the text previewed clean, and commits that text", async () => {
    const { page, server } = await mountPanel();
    await page.get("textarea").setValue(FIXED);
    await button(page, "Controleren").trigger("click");
    await settle();
    expect(page.text()).toContain("Geen fouten gevonden.");
    expect(button(page, "Inlezen").attributes("disabled")).toBeUndefined();

    await page.get("textarea").setValue(`${FIXED}\n`);
    expect(button(page, "Inlezen").attributes("disabled")).toBeDefined();
    expect(page.text()).toContain("De tekst is veranderd sinds de controle.");
    await page.get("textarea").setValue(FIXED);

    await button(page, "Inlezen").trigger("click");
    await settle();
    expect(server.callsOf("ImportRoster").at(-1)).toEqual({ csv: FIXED, dryRun: false });
    expect(page.text()).toContain("2 rijen ingelezen: 1 nieuw, 1 bijgewerkt, 0 ongewijzigd.");
    expect(button(page, "Inlezen").attributes("disabled")).toBeDefined();
  });

  it("shows the server's own words for a file that is not a roster", async () => {
    const { page, server } = await mountPanel();
    server.failing.importRoster = { code: "BAD_USER_INPUT" };
    await page.get("textarea").setValue("hallo");
    await button(page, "Controleren").trigger("click");
    await settle();
    expect(page.get("[role=alert]").text()).toBe("importRoster failed");
  });
});

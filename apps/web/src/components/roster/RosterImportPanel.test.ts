import { flushPromises, mount } from "@vue/test-utils";
import { GraphQLError } from "graphql";
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
          {
            row: 2,
            column: "startdatum",
            code: "invalid_date",
            params: [],
            message: "is geen geldige datum (dd-mm-jjjj of jjjj-mm-dd)",
          },
          {
            row: 3,
            column: "einddatum",
            code: "end_before_start",
            params: [],
            message: "ligt vóór de startdatum",
          },
          {
            row: 4,
            column: "uren per week",
            code: "not_whole_number",
            params: [
              { name: "max", value: "60" },
              { name: "min", value: "1" },
            ],
            message: "moet een heel getal van 1 tot en met 60 zijn",
          },
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

async function mountPanel(locale: "nl" | "en" = "nl") {
  const server = schemaServer({
    importRoster: ({ csv, dryRun }: { csv: string; dryRun: boolean }) => answer(csv, dryRun),
  });
  const page = mount(RosterImportPanel, {
    attachTo: document.body,
    global: {
      plugins: [createAppI18n(locale)],
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
      ["2", "startdatum", "is geen geldige datum (dd-mm-jjjj of jjjj-mm-dd)"],
      ["3", "einddatum", "ligt vóór de startdatum"],
      ["4", "uren per week", "moet een heel getal van 1 tot en met 60 zijn"],
    ]);
    expect(page.text()).toContain("Er staan 3 fouten in het bestand.");
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

  it("says every error in English on the English screen, with the values it names", async () => {
    const { page } = await mountPanel("en");
    await page.get("textarea").setValue(FAULTY);
    await button(page, "Check").trigger("click");
    await settle();
    const messages = page
      .findAll("table")[0]
      ?.findAll("tbody tr")
      .map((tr) => tr.findAll("td")[2]?.text());
    expect(messages).toEqual([
      "is not a valid date (dd-mm-yyyy or yyyy-mm-dd)",
      "is before the start date",
      "must be a whole number from 1 to 60",
    ]);
    expect(page.text()).not.toMatch(/ligt vóór|moet een heel getal|geen geldige datum/);
  });

  it("says why a whole file is refused in the screen's language, with its numbers", async () => {
    const tooMany = new GraphQLError("Het bestand heeft 10001 rijen; …", {
      extensions: {
        code: "PAYLOAD_TOO_LARGE",
        reason: "too_many_rows",
        params: { rows: 10001, maxRows: 10000 },
      },
    });
    for (const [locale, text] of [
      ["en", "The file has 10001 rows; at most 10000 can be read in at once. Split the file."],
      [
        "nl",
        "Het bestand heeft 10001 rijen; er kunnen er hoogstens 10000 in één keer worden ingelezen. Splits het bestand.",
      ],
    ] as const) {
      const server = schemaServer({
        importRoster: () => {
          throw tooMany;
        },
      });
      const page = mount(RosterImportPanel, {
        attachTo: document.body,
        global: {
          plugins: [createAppI18n(locale)],
          provide: { [GRAPHQL_KEY as symbol]: server.graphql },
        },
      });
      await page.get("textarea").setValue("studentnummer\n1\n");
      await page.findAll("button")[0]?.trigger("click");
      await settle();
      expect(page.get("[role=alert]").text()).toBe(text);
      page.unmount();
    }
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

import { flushPromises, mount } from "@vue/test-utils";
import { GraphQLError } from "graphql";
import { afterEach, describe, expect, it } from "vitest";
import type { StaffAccountItem } from "../../graphql/account";
import { GRAPHQL_KEY } from "../../graphql/client";
import { createAppI18n } from "../../i18n";
import { schemaServer } from "../../test/schemaServer";
import StaffAccountsPanel from "./StaffAccountsPanel.vue";

const MARIEKE: StaffAccountItem = {
  id: "p-marieke",
  name: "Marieke de Vries",
  email: "m.devries@school.test",
  role: "bpv_begeleider",
  locale: "nl",
  hasPassword: true,
  deactivatedAt: null,
};
const PETRA: StaffAccountItem = {
  ...MARIEKE,
  id: "p-petra",
  name: "Petra Jansen",
  email: "p.jansen@school.test",
  role: "trajectbegeleider",
};

/** A server holding `accounts`, searching and changing them as the real one does. */
function mountPanel() {
  let accounts = [MARIEKE, PETRA];
  const connection = (list: StaffAccountItem[]) => ({
    totalCount: list.length,
    pageInfo: { hasNextPage: false, endCursor: null },
    edges: list.map((node) => ({ cursor: node.id, node })),
  });
  const setActive = (personId: string, deactivatedAt: string | null) => {
    accounts = accounts.map((a) => (a.id === personId ? { ...a, deactivatedAt } : a));
    return accounts.find((a) => a.id === personId);
  };
  const server = schemaServer({
    staffAccounts: ({ search }: { search: string | null }) =>
      connection(
        accounts.filter(
          (a) => !search || `${a.name} ${a.email}`.toLowerCase().includes(search.toLowerCase()),
        ),
      ),
    createStaffAccount: ({ input }: { input: { name: string; email: string; role: string } }) => {
      if (accounts.some((a) => a.email === input.email)) {
        throw new GraphQLError("taken", {
          extensions: { code: "CONFLICT", reason: "email_taken" },
        });
      }
      const created = {
        ...input,
        id: `p-${accounts.length}`,
        locale: "nl",
        hasPassword: false,
        deactivatedAt: null,
        createdAt: "2026-03-09T08:00:00.000Z",
      };
      accounts = [...accounts, created as StaffAccountItem];
      return created;
    },
    deactivateAccount: ({ personId }: { personId: string }) =>
      setActive(personId, "2026-03-09T08:00:00.000Z"),
    reactivateAccount: ({ personId }: { personId: string }) => setActive(personId, null),
  });
  const page = mount(StaffAccountsPanel, {
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

type Page = ReturnType<typeof mountPanel>["page"];
const button = (page: Page, text: string) => {
  const found = page.findAll("button").find((b) => b.text() === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
};
const field = (page: Page, label: string) => {
  const forId = page
    .findAll("label")
    .find((l) => l.text() === label)
    ?.attributes("for");
  if (!forId) throw new Error(`no field "${label}"`);
  return page.get(`[id="${forId}"]`);
};
const names = (page: Page) => page.findAll("li strong").map((n) => n.text());

describe("the staff accounts page", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("lists the accounts and finds them by part of the name", async () => {
    const { page } = mountPanel();
    await settle();
    expect(names(page)).toEqual(["Marieke de Vries", "Petra Jansen"]);
    expect(page.text()).toContain("2 accounts.");
    await field(page, "Zoek op naam of e-mailadres").setValue("jans");
    await page.get("form.search").trigger("submit");
    await settle();
    expect(names(page)).toEqual(["Petra Jansen"]);
  });

  it("creates an account and says a mail went out; a taken address gets a Dutch error", async () => {
    const { page, server } = mountPanel();
    await settle();
    await field(page, "Naam").setValue("Eva Jansen");
    await field(page, "E-mailadres").setValue("e.jansen@school.test");
    await field(page, "Rol").setValue("admin");
    await page.get("form.panel").trigger("submit");
    await settle();
    expect(server.callsOf("CreateStaffAccount")[0]).toEqual({
      input: { name: "Eva Jansen", email: "e.jansen@school.test", role: "admin", locale: "nl" },
    });
    expect(page.text()).toContain("Er is een e-mail gestuurd naar e.jansen@school.test.");
    expect(names(page)).toContain("Eva Jansen");
    expect(page.text()).toContain("nog geen wachtwoord gekozen");

    await field(page, "Naam").setValue("Petra J.");
    await field(page, "E-mailadres").setValue("p.jansen@school.test");
    await page.get("form.panel").trigger("submit");
    await settle();
    expect(page.get("[role=alert]").text()).toBe("Er is al een account met dit e-mailadres.");
  });

  it("deactivates only after confirmation, and reactivates", async () => {
    const { page, server } = mountPanel();
    await settle();
    const row = () => page.findAll("li").find((li) => li.text().includes("Petra Jansen"));
    await row()?.get("button").trigger("click");
    expect(row()?.text()).toContain("kan dan niet meer inloggen");
    await button(page, "Annuleren").trigger("click");
    expect(server.callsOf("DeactivateAccount")).toEqual([]);

    await row()?.get("button").trigger("click");
    await button(page, "Ja, deactiveren").trigger("click");
    await settle();
    expect(server.callsOf("DeactivateAccount")).toEqual([{ personId: "p-petra" }]);
    expect(row()?.text()).toContain("gedeactiveerd op");

    await button(page, "Weer activeren").trigger("click");
    await button(page, "Ja, activeren").trigger("click");
    await settle();
    expect(row()?.text()).toContain("actief");
  });
});

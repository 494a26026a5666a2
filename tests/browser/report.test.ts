import path from "node:path";
import { graphql, joinWithInvite, type StaffLogin } from "@driehoek/test-support";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, expect, it } from "vitest";
import { DESKTOP, type DeviceOptions, describeInBrowser, openDevice } from "./support/browser.js";
import { openFromHeader } from "./support/header.js";
import { expectNoHorizontalOverflow } from "./support/layout.js";
import { SCREENSHOT_DIR, staffLogin, useBrowserSuite } from "./support/suite.js";

/** The demo school (apps/server/src/demo/demo-school.ts): Marieke leads Sanne, Daan and Lotte. */
const BEGELEIDER = "Marieke de Vries";
const TRAJECTBEGELEIDER = "Ahmed El Amrani";
const TABS = [
  /^Te laat/,
  /^POK/,
  /^Conclusies/,
  /^Afspraken over datum/,
  /^Bijzonderheden/,
  /^Niet ingevoerd/,
];
/** What the begeleider flags for the trajectbegeleider in the demo conversation. */
const PARTICULAR = "Sanne zit slecht in haar vel door de lange reistijd; graag even contact.";

/** The staff page's parts, by their visible labels (apps/web/src/i18n/features/report.nl.ts). */
function staffPage(page: Page) {
  const panel = page.locator('[role="tabpanel"]:not([hidden])');
  return {
    page,
    heading: page.getByRole("heading", { level: 1, name: "Overzicht" }),
    tablist: page.getByRole("tablist", { name: "Onderdelen van het overzicht" }),
    tab: (name: RegExp): Locator => page.getByRole("tab", { name }),
    /** The part on screen. */
    panel,
    /** The student names of the rows on screen, in order. */
    rowNames: (): Promise<string[]> =>
      panel
        .locator(".report-card-title")
        .allInnerTexts()
        .then((names) => names.map((name) => name.trim())),
    row: (name: string): Locator =>
      panel.locator("article.report-card").filter({
        has: page.locator(".report-card-title", { hasText: name }),
      }),
    search: page.getByLabel("Zoek student"),
    begeleiderFilter: page.getByLabel("BPV-begeleider", { exact: true }),
    clearFilters: page.getByRole("button", { name: "Filters wissen" }),
  };
}

/** Saves the whole page as `<name>.png` in the screenshots folder. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: path.join(SCREENSHOT_DIR, `${name}.png`),
    fullPage: true,
    animations: "disabled",
  });
}

describeInBrowser("the staff page", () => {
  const suite = useBrowserSuite();
  const contexts: BrowserContext[] = [];

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
  });

  const loginOf = (name: string): StaffLogin => staffLogin(suite.server, name);

  /** Opens a fresh device on the home page and logs in with e-mail and password. */
  async function logIn(name: string, device: DeviceOptions = DESKTOP): Promise<Page> {
    const { context, page } = await openDevice(suite.browser, device);
    contexts.push(context);
    const login = loginOf(name);
    await page.goto(suite.server.url);
    await page.getByRole("heading", { level: 1, name: "Inloggen voor medewerkers" }).waitFor();
    await page.getByLabel("E-mailadres").fill(login.email);
    await page.getByLabel("Wachtwoord").fill(login.password);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByRole("heading", { level: 1, name: "Mijn gesprekken" }).waitFor();
    return page;
  }

  /** Follows the header's "Overzicht" link to the staff page. */
  async function openOverview(page: Page) {
    await openFromHeader(page, "Overzicht");
    await page.waitForURL(/\/overzicht/);
    const staff = staffPage(page);
    await staff.heading.waitFor();
    return staff;
  }

  /** Opens a tab and waits until its report has answered. */
  async function openTab(staff: ReturnType<typeof staffPage>, name: RegExp): Promise<void> {
    await staff.tab(name).click();
    await expect.poll(() => staff.tab(name).getAttribute("aria-selected")).toBe("true");
    await expect.poll(() => staff.panel.getByText("Laden…").count()).toBe(0);
  }

  /** A staff member's access token, as the login form gets it. */
  async function apiToken(name: string): Promise<string> {
    const login = loginOf(name);
    const data = await graphql<{ login: { accessToken: string } }>(
      suite.server.url,
      "mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }",
      { email: login.email, password: login.password },
    );
    return data.login.accessToken;
  }

  it("after logging in, Mijn gesprekken lists the demo conversation at once, without an error", async () => {
    const page = await logIn(BEGELEIDER);
    await page
      .locator(".app-header .who")
      .filter({ hasText: `Ingelogd als ${BEGELEIDER}` })
      .waitFor();

    const today = page.getByRole("region", { name: "Vandaag" });
    const card = today.getByRole("link", { name: /Sanne Jansen/ });
    await card.waitFor();
    expect(await card.innerText()).toContain("Bytewerk B.V.");
    expect(await card.innerText()).toContain("Gepland");
    const earlier = page.getByRole("region", { name: "Eerdere gesprekken" });
    expect(await earlier.getByRole("link", { name: /Sanne Jansen/ }).innerText()).toContain(
      "Ondertekend",
    );
    // The regression: the list said "Er ging iets mis" right after login, until a reload.
    expect(await page.getByRole("alert").count()).toBe(0);
    expect(await page.locator("main").innerText()).not.toContain("Er ging iets mis");
    await screenshot(page, "staff-1-home");
  });

  it("through Overzicht the begeleider sees the six parts and exactly her students' rows", async () => {
    const staff = await openOverview(contexts[0]?.pages()[0] as Page);
    const page = staff.page;
    await staff.tablist.waitFor();
    const tabs = await staff.tablist.getByRole("tab").allInnerTexts();
    expect(tabs).toHaveLength(TABS.length);
    TABS.forEach((pattern, i) => {
      expect(tabs[i]?.trim()).toMatch(pattern);
    });
    // Her own students only: she is the one begeleider to filter on.
    await expect
      .poll(() => staff.begeleiderFilter.locator("option").allInnerTexts())
      .toEqual(["Alle", BEGELEIDER]);

    // Te laat opens first and shows what the server reports for her (it depends on the date).
    await expect
      .poll(() => staff.tab(TABS[0] as RegExp).getAttribute("aria-selected"))
      .toBe("true");
    await expect.poll(() => staff.panel.getByText("Laden…").count()).toBe(0);
    const { overdueConversations } = await graphql<{
      overdueConversations: { edges: { node: { studentName: string } }[] };
    }>(
      suite.server.url,
      "{ overdueConversations { edges { node { studentName } } } }",
      {},
      await apiToken(BEGELEIDER),
    );
    if (overdueConversations.edges.length === 0) {
      await staff.panel.getByText("Niemand is te laat.").waitFor();
    } else {
      expect(await staff.rowNames()).toEqual(
        overdueConversations.edges.map((edge) => edge.node.studentName),
      );
    }

    // POK: Daan's and Lotte's agreements are not valid; Sanne's is.
    await openTab(staff, /^POK/);
    expect(await staff.tab(/^POK/).locator(".report-tab-count").innerText()).toBe("2");
    // The POK that ends first comes first: Lotte's short stage.
    expect(await staff.rowNames()).toEqual(["Lotte de Boer", "Daan Visser"]);
    const daan = staff.row("Daan Visser");
    expect(await daan.locator(".report-flag").innerText()).toBe("Niet geldig");
    expect(await daan.locator(".report-problems li").allInnerTexts()).toEqual([
      "De POK is nog niet ondertekend door het leerbedrijf.",
      "De student was bij de start van de POK minderjarig; de POK is nog niet ondertekend door een ouder of verzorger.",
      "Het leerbedrijf is niet (meer) erkend door SBB voor deze opleiding.",
    ]);
    // The company and programme come with the placements, which may answer a moment later.
    await expect.poll(() => daan.innerText()).toContain("Bij Pixelpraat");
    const lotte = staff.row("Lotte de Boer");
    expect(await lotte.locator(".report-flag").innerText()).toBe("Niet geldig");
    expect(await lotte.locator(".report-problems li").allInnerTexts()).toEqual([
      "De student was bij de start van de POK minderjarig; de POK is nog niet ondertekend door een ouder of verzorger.",
    ]);
    await expect
      .poll(() => lotte.innerText())
      .toContain("Verzorgende-IG · cohort 2026-2027 · Marieke de Vries");

    // Searching a name narrows the rows, and clearing the filters brings them back.
    await staff.search.fill("lotte");
    await expect.poll(() => staff.rowNames()).toEqual(["Lotte de Boer"]);
    // The server narrows the report: the tab counts the POKs that pass the filter.
    await expect.poll(() => staff.tab(/^POK/).locator(".report-tab-count").innerText()).toBe("1");
    await staff.search.fill("sanne");
    await staff.panel.getByText("Geen POK's die aandacht vragen bij deze filters.").waitFor();
    await staff.clearFilters.click();
    await expect.poll(() => staff.rowNames()).toEqual(["Lotte de Boer", "Daan Visser"]);
    expect(await staff.search.inputValue()).toBe("");

    // The earlier conversation's conclusion, per student.
    await openTab(staff, /^Conclusies/);
    await staff.panel.getByText("Nu: Op schema").waitFor();
    expect(await staff.panel.innerText()).toContain("Sanne Jansen");

    // Last time's three agreements are past their date, the most overdue first.
    await openTab(staff, /^Afspraken over datum/);
    expect(await staff.rowNames()).toEqual(["Sanne Jansen", "Sanne Jansen", "Sanne Jansen"]);
    expect(await staff.panel.locator(".report-quote").allInnerTexts()).toEqual([
      "Kees plant elke twee weken een voortgangsgesprek van een half uur met Sanne.",
      "Sanne bouwt zelfstandig de zoekfunctie van de klantenportal en vraagt daarover feedback in de code review.",
      "Sanne presenteert haar werk aan het team in de sprintdemo.",
    ]);
    expect(await staff.panel.locator(".report-flag").allInnerTexts()).toEqual([
      "60 dagen over datum",
      "20 dagen over datum",
      "5 dagen over datum",
    ]);

    await openTab(staff, /^Bijzonderheden/);
    await staff.panel.getByText("Geen open bijzonderheden.").waitFor();
    await screenshot(page, "staff-2-begeleider");
  });

  it("the trajectbegeleider handles a particular flagged in a conversation; it moves to the handled list", async () => {
    // The begeleider flags it in the demo conversation, from her invite.
    const flagger = await joinWithInvite(suite.server.url, suite.server.invite("bpv_begeleider"));
    await graphql(
      suite.server.url,
      "mutation($id: ID!, $text: String!) { flagParticular(conversationId: $id, text: $text) { id } }",
      { id: flagger.conversationId, text: PARTICULAR },
      flagger.accessToken,
    );

    // The begeleider sees it too, but does not handle it.
    const begeleiderPage = contexts[0]?.pages()[0] as Page;
    await begeleiderPage.reload();
    const begeleider = staffPage(begeleiderPage);
    await begeleider.heading.waitFor();
    await openTab(begeleider, /^Bijzonderheden/);
    await begeleider.panel.getByText(PARTICULAR).waitFor();
    await begeleider.panel.getByText("De trajectbegeleider handelt bijzonderheden af.").waitFor();
    expect(await begeleider.panel.getByRole("button", { name: "Afgehandeld" }).count()).toBe(0);

    const page = await logIn(TRAJECTBEGELEIDER);
    const staff = await openOverview(page);
    // All the students she guides, whoever their begeleider is.
    await expect
      .poll(() => staff.begeleiderFilter.locator("option").allInnerTexts())
      .toEqual(["Alle", "Joost Bakker", BEGELEIDER]);
    await openTab(staff, /^Bijzonderheden/);
    const tabCount = staff.tab(/^Bijzonderheden/).locator(".report-tab-count");
    expect(await tabCount.innerText()).toBe("1");
    const row = staff.row("Sanne Jansen");
    expect(await row.locator(".report-quote").innerText()).toBe(PARTICULAR);
    expect(await row.innerText()).toContain(`Gemeld door ${BEGELEIDER} op`);
    // The name opens the student's page; "Gesprek openen" the conversation it was flagged in.
    expect(await row.getByRole("link", { name: "Sanne Jansen" }).getAttribute("href")).toMatch(
      /^\/studenten\/[0-9a-f-]{36}$/,
    );
    expect(await row.getByRole("link", { name: "Gesprek openen" }).getAttribute("href")).toBe(
      `/gesprek/${flagger.conversationId}`,
    );
    await screenshot(page, "staff-3-particular-open");

    await row.getByRole("button", { name: "Afgehandeld" }).click();
    await staff.panel.getByText("Geen open bijzonderheden.").waitFor();
    await expect.poll(() => tabCount.innerText()).toBe("0");

    await staff.panel.getByRole("radio", { name: "Afgehandeld" }).check();
    await expect.poll(() => staff.rowNames()).toEqual(["Sanne Jansen"]);
    const handled = staff.row("Sanne Jansen");
    expect(await handled.locator(".report-quote").innerText()).toBe(PARTICULAR);
    expect(await handled.locator(".report-flag-done").innerText()).toMatch(/^Afgehandeld op /);
    expect(await handled.getByRole("button").count()).toBe(0);

    // The server has it: after a reload it is still handled.
    await page.reload();
    await staff.heading.waitFor();
    await openTab(staff, /^Bijzonderheden/);
    await staff.panel.getByText("Geen open bijzonderheden.").waitFor();
    await staff.panel.getByRole("radio", { name: "Afgehandeld" }).check();
    await expect.poll(() => staff.rowNames()).toEqual(["Sanne Jansen"]);
    await screenshot(page, "staff-4-particular-handled");
  });

  it("on a 360 px wide phone the staff page does not scroll sideways, on any tab", async () => {
    const page = await logIn(TRAJECTBEGELEIDER, {
      viewport: { width: 360, height: 740 },
      isMobile: true,
    });
    await page.getByRole("region", { name: "Vandaag" }).waitFor();
    await expectNoHorizontalOverflow(page, "home");
    const staff = await openOverview(page);
    await expectNoHorizontalOverflow(page, "Overzicht");
    for (const name of TABS) {
      await openTab(staff, name);
      await expectNoHorizontalOverflow(page, `tab ${name.source}`);
    }
    // The conclusions as a table, too.
    await openTab(staff, /^Conclusies/);
    await staff.panel.getByRole("button", { name: "Als tabel tonen" }).click();
    await staff.panel.getByRole("table", { name: "Conclusies van Sanne Jansen" }).waitFor();
    await expectNoHorizontalOverflow(page, "conclusions as a table");
    await screenshot(page, "staff-5-phone");
  });
});

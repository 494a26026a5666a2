import type { BrowserContext, Page } from "playwright-core";
import { afterAll, expect, it } from "vitest";
import { type DeviceOptions, describeInBrowser, openDevice } from "./support/browser.js";
import { openFromHeader } from "./support/header.js";
import { staffLogin, useBrowserSuite } from "./support/suite.js";

/** The demo school's admin and one of its students (apps/server/src/demo/demo-school.ts). */
const ADMIN = "Fleur Hendriks";
const STUDENT = "Daan Visser";
const PHONE: DeviceOptions = { viewport: { width: 390, height: 844 }, isMobile: true };

/** Whether the page scrolls sideways (it must not on a phone). */
async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY,
    innerWidth: window.innerWidth,
  }));
  // A page too wide for a phone is zoomed out to fit: the layout then is wider than the screen.
  expect(innerWidth, `${where}: laid out ${innerWidth}px wide`).toBe(390);
  expect(scrollWidth, `${where}: ${scrollWidth}px wide on ${innerWidth}px`).toBeLessThanOrEqual(
    innerWidth,
  );
}

describeInBrowser("the Beheer page and the join page on a phone", () => {
  const suite = useBrowserSuite();
  const contexts: BrowserContext[] = [];

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
  });

  async function phone(): Promise<Page> {
    const { context, page } = await openDevice(suite.browser, PHONE);
    contexts.push(context);
    return page;
  }

  it("the admin finds a placement, gets a clear error for a bad end date, and saves a good one", async () => {
    const login = staffLogin(suite.server, ADMIN);
    const page = await phone();
    await page.goto(suite.server.url);
    await page.getByLabel("E-mailadres").fill(login.email);
    await page.getByLabel("Wachtwoord").fill(login.password);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByRole("heading", { level: 1, name: "Mijn gesprekken" }).waitFor();
    await openFromHeader(page, "Beheer");
    await page.getByRole("heading", { level: 1, name: "Beheer" }).waitFor();
    await page.getByRole("rowheader", { name: STUDENT }).waitFor();
    await expectNoSidewaysScroll(page, "Studenten");

    await page.getByRole("tab", { name: "Stages" }).click();
    const panel = page.getByRole("tabpanel", { name: "Stages" });
    await panel.getByLabel(/^Zoek op student/).fill(STUDENT);
    await panel.getByRole("button", { name: "Zoeken" }).click();
    await expect.poll(() => panel.locator("tbody tr").count()).toBe(1);
    await panel.getByRole("button", { name: `${STUDENT} bewerken` }).click();

    const endDate = panel.getByLabel("Einddatum", { exact: true });
    await endDate.fill("01-01-2000");
    await panel.getByRole("button", { name: "Opslaan" }).click();
    await panel.getByText("Einddatum ligt vóór de startdatum").waitFor();
    expect(await endDate.getAttribute("aria-invalid")).toBe("true");
    await expectNoSidewaysScroll(page, "the edit form with an error");

    await endDate.fill("31-07-2030");
    await panel.getByRole("button", { name: "Opslaan" }).click();
    await panel.getByText("Opgeslagen.").waitFor();
    // The table writes dates as the rest of the app does.
    await panel.getByRole("cell", { name: "31 jul 2030" }).waitFor();
    await expectNoSidewaysScroll(page, "Stages");
  });

  it("the join page says what Driehoek is and what happens next, within a 390 px screen", async () => {
    const page = await phone();
    await page.goto(`${suite.server.url}/join/deze-link-bestaat-niet`);
    const about = page.getByText(/^Driehoek is de plek waar jij/);
    await about.waitFor();
    const box = await about.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await page.getByRole("alert").waitFor();
    await expectNoSidewaysScroll(page, "the join page");
  });
});

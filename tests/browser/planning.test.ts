import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, expect, it } from "vitest";
import { type DeviceOptions, describeInBrowser, openDevice } from "./support/browser.js";
import { openFromHeader } from "./support/header.js";
import { SCREENSHOT_DIR, staffLogin, useBrowserSuite } from "./support/suite.js";

/** The demo school (apps/server/src/demo/demo-school.ts): Marieke leads Daan Visser's placement. */
const BEGELEIDER = "Marieke de Vries";
const ADMIN = "Fleur Hendriks";
const STUDENT = "Daan Visser";
/** The example export of docs/IMPORT.md; its begeleider is Marieke. */
const ROSTER = fs.readFileSync(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../docs/examples/roster.csv"),
  "utf8",
);
const PHONE: DeviceOptions = { viewport: { width: 390, height: 844 }, isMobile: true };

describeInBrowser("planning and importing", () => {
  const suite = useBrowserSuite();
  const contexts: BrowserContext[] = [];

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
  });

  /** Opens a fresh device, logs in with e-mail and password and waits for the home page. */
  async function logIn(name: string, device?: DeviceOptions): Promise<Page> {
    const login = staffLogin(suite.server, name);
    const { context, page } = await openDevice(suite.browser, device);
    contexts.push(context);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: suite.server.url,
    });
    await page.goto(suite.server.url);
    await page.getByLabel("E-mailadres").fill(login.email);
    await page.getByLabel("Wachtwoord").fill(login.password);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByRole("heading", { level: 1, name: "Mijn gesprekken" }).waitFor();
    return page;
  }

  /** Follows a link of the header's main menu. */
  async function openFromMenu(page: Page, link: string, heading: string): Promise<void> {
    await openFromHeader(page, link);
    await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  }

  it("the begeleider plans a conversation from Mijn studenten on a phone and copies a link", async () => {
    // A phone still set to New York's time: the time planned is the school's all the same.
    const page = await logIn(BEGELEIDER, { ...PHONE, timezoneId: "America/New_York" });
    await openFromMenu(page, "Mijn studenten", "Mijn studenten");

    const card = page
      .locator("article")
      .filter({ has: page.getByRole("heading", { name: STUDENT }) });
    await card.getByRole("button", { name: `Gesprek plannen met ${STUDENT}` }).click();
    await card.getByLabel("Datum").fill("2026-12-14");
    await card.getByLabel("Tijd (Nederlandse tijd)").fill("10:30");
    expect(await card.getByLabel("Duur (minuten)").inputValue()).toBe("40");
    await card.getByLabel("Online").check();
    await card.getByLabel("Link naar het videogesprek").fill("https://meet.example/daan");
    await card.getByRole("button", { name: "Plannen en uitnodigen" }).click();

    await card.getByText(/^Gepland: .*10:30/).waitFor();
    await card.getByRole("link", { name: "https://meet.example/daan" }).waitFor();
    const copy = card.getByRole("button", { name: /^Kopieer link van / }).first();
    await copy.click();
    await card.getByText("Link gekopieerd.").waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/\/join\//);

    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, "planning-phone.png"),
      fullPage: true,
    });

    // On a laptop in Amsterdam the conversation is at 10:30 too, as the invitation says.
    const laptop = await logIn(BEGELEIDER, { timezoneId: "Europe/Amsterdam" });
    await openFromMenu(laptop, "Mijn studenten", "Mijn studenten");
    const seen = laptop
      .locator("article")
      .filter({ has: laptop.getByRole("heading", { name: STUDENT }) });
    await seen.getByText(/^Gepland: .*14 dec.*10:30/).waitFor();
    expect(await seen.getByLabel("Tijd", { exact: true }).count()).toBe(0);
  });

  it("an admin imports the example roster through the page and sees the preview", async () => {
    const page = await logIn(ADMIN);
    await openFromMenu(page, "Importeren", "Studenten en stages importeren");
    await page.getByLabel("CSV-bestand kiezen").setInputFiles({
      name: "roster.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(ROSTER, "utf8"),
    });
    await expect
      .poll(() => page.getByLabel("Of plak de inhoud hier").inputValue())
      .toContain("studentnummer");
    const commit = page.getByRole("button", { name: "Inlezen" });
    expect(await commit.isDisabled()).toBe(true);

    await page.getByRole("button", { name: "Controleren" }).click();
    await page.getByRole("heading", { level: 2, name: "Controle" }).waitFor();
    await page.getByText("Geen fouten gevonden.").waitFor();
    const rows = page.locator("table").filter({ hasText: "Wat er per rij gebeurt" });
    expect(await rows.locator("tbody tr").count()).toBe(ROSTER.trim().split("\n").length - 1);
    expect(await commit.isDisabled()).toBe(false);

    await commit.click();
    await page.getByRole("heading", { level: 2, name: "Ingelezen" }).waitFor();
    await page.getByText(/rijen ingelezen:/).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "roster-import.png"), fullPage: true });
  });
});

import fs from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, expect, it } from "vitest";
import { type DeviceOptions, describeInBrowser, openDevice } from "./support/browser.js";
import { openFromHeader } from "./support/header.js";
import { SCREENSHOT_DIR, staffLogin, useBrowserSuite } from "./support/suite.js";

const ADMIN = "Fleur Hendriks";
const NEW_EMAIL = "e.jansen@demo.driehoek.nl";
const NEW_PASSWORD = "een lange zin als wachtwoord";
const PHONE: DeviceOptions = { viewport: { width: 390, height: 844 }, isMobile: true };

describeInBrowser("staff accounts", () => {
  const suite = useBrowserSuite();
  const contexts: BrowserContext[] = [];

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
  });

  async function open(device?: DeviceOptions): Promise<Page> {
    const { context, page } = await openDevice(suite.browser, device);
    contexts.push(context);
    return page;
  }

  async function logIn(page: Page, email: string, password: string): Promise<void> {
    await page.goto(suite.server.url);
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Wachtwoord", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByRole("heading", { level: 1, name: "Mijn gesprekken" }).waitFor();
  }

  /** The set-password link in the .eml the server wrote to its outbox folder for `address`. */
  async function linkMailedTo(address: string): Promise<string> {
    const folder = path.join(suite.server.dataDir, "outbox");
    for (let i = 0; i < 100; i++) {
      const files = fs.existsSync(folder) ? fs.readdirSync(folder) : [];
      for (const file of files.filter((f) => f.includes("account_setup"))) {
        // Quoted-printable may break long lines with "=\n" and write "=" as "=3D".
        const text = fs
          .readFileSync(path.join(folder, file), "utf8")
          .replace(/=\r?\n/g, "")
          .replace(/=3D/g, "=");
        if (!text.includes(address)) continue;
        const link = /https?:\/\/[^\s"<]+\/wachtwoord\/[A-Za-z0-9_-]+/.exec(text)?.[0];
        if (link) return link;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no set-password mail to ${address} in ${folder}`);
  }

  it("an admin creates an account; the new staff member sets a password from the mailed link on a phone and logs in", async () => {
    const admin = staffLogin(suite.server, ADMIN);
    const page = await open();
    await logIn(page, admin.email, admin.password);
    await openFromHeader(page, "Accounts");
    await page.getByRole("heading", { level: 1, name: "Accounts van medewerkers" }).waitFor();

    await page.getByLabel("Naam", { exact: true }).fill("Eva Jansen");
    await page.getByLabel("E-mailadres", { exact: true }).fill(NEW_EMAIL);
    await page.getByLabel("Rol").selectOption("bpv_begeleider");
    await page.getByRole("button", { name: "Account maken" }).click();
    await page.getByText(`Er is een e-mail gestuurd naar ${NEW_EMAIL}.`).waitFor();
    const row = page.getByRole("listitem").filter({ hasText: "Eva Jansen" });
    await row.getByText("nog geen wachtwoord gekozen").waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/accounts-admin.png`, fullPage: true });

    const link = await linkMailedTo(NEW_EMAIL);
    expect(link.startsWith(`${suite.server.url}/wachtwoord/`)).toBe(true);

    const phone = await open(PHONE);
    await phone.goto(link);
    await phone.getByRole("heading", { level: 1, name: "Wachtwoord kiezen" }).waitFor();
    await phone.getByLabel("Nieuw wachtwoord").fill("kort");
    await phone.getByLabel("Herhaal het wachtwoord").fill("kort");
    await phone.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    await phone.getByText("Het wachtwoord moet minstens 10 tekens hebben.").waitFor();
    await phone.getByLabel("Nieuw wachtwoord").fill(NEW_PASSWORD);
    await phone.getByLabel("Herhaal het wachtwoord").fill(NEW_PASSWORD);
    await phone.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    await phone.getByText("Je wachtwoord is opgeslagen. Je kunt nu inloggen.").waitFor();
    const { scrollWidth, innerWidth } = await phone.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await phone.screenshot({ path: `${SCREENSHOT_DIR}/accounts-password-set.png` });

    await phone.getByRole("link", { name: "Naar inloggen" }).click();
    await phone.getByLabel("E-mailadres").fill(NEW_EMAIL);
    await phone.getByLabel("Wachtwoord", { exact: true }).fill(NEW_PASSWORD);
    await phone.getByRole("button", { name: "Inloggen" }).click();
    await phone.getByRole("heading", { level: 1, name: "Mijn gesprekken" }).waitFor();
    await phone.getByText("Ingelogd als Eva Jansen").waitFor();

    // The link worked once: opened again it says so at once, before anyone types, and offers
    // the way to a new link.
    const again = await open(PHONE);
    await again.goto(link);
    await again.getByText(/Deze link is al gebruikt\./).waitFor();
    expect(await again.getByLabel("Nieuw wachtwoord").count()).toBe(0);
    await again.getByRole("link", { name: "Nieuwe link aanvragen" }).click();
    await again.getByRole("button", { name: "Stuur een link" }).waitFor();
  });
});

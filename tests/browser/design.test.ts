import type { Page } from "playwright-core";
import { afterAll, expect, it } from "vitest";
import { describeViolations, seriousViolations } from "./support/axe.js";
import { type DeviceOptions, describeInBrowser, openDevice } from "./support/browser.js";
import { openFromHeader } from "./support/header.js";
import { staffLogin, useBrowserSuite } from "./support/suite.js";

const PHONE: DeviceOptions = { viewport: { width: 390, height: 844 }, isMobile: true };
const LAPTOP: DeviceOptions = { viewport: { width: 1366, height: 768 } };
const SCREENS = [
  { name: "390×844", device: PHONE, isPhone: true },
  { name: "1366×768", device: LAPTOP, isPhone: false },
] as const;
const ADMIN = "Fleur Hendriks";

/** The font the page's text is drawn in, and whether Inter itself has loaded (not a fallback). */
async function fontInUse(page: Page): Promise<{ family: string; isInterLoaded: boolean }> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    const family = getComputedStyle(document.querySelector("h1") ?? document.body).fontFamily;
    const isInterLoaded = [...document.fonts].some(
      (face) => face.family.replace(/"/g, "") === "Inter Variable" && face.status === "loaded",
    );
    return { family, isInterLoaded };
  });
}

/** The header's height, and whether each of its parts sits within that one row. */
async function headerRow(page: Page): Promise<{ height: number; partsOutside: string[] }> {
  return page.locator(".app-header").evaluate((header) => {
    const box = header.getBoundingClientRect();
    const partsOutside = [...header.children]
      .filter((part) => part.getBoundingClientRect().width > 0)
      .filter((part) => {
        const r = part.getBoundingClientRect();
        return r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5;
      })
      .map((part) => part.className);
    return { height: box.height, partsOutside };
  });
}

async function expectDesigned(page: Page, where: string, isPhone: boolean): Promise<void> {
  const font = await fontInUse(page);
  expect(font.family, `${where}: font`).toMatch(/^"?Inter Variable"?,/);
  expect(font.isInterLoaded, `${where}: Inter is loaded, not a fallback`).toBe(true);

  const header = await headerRow(page);
  expect(header.partsOutside, `${where}: header parts outside its one row`).toEqual([]);
  if (isPhone) expect(header.height, `${where}: header height`).toBeLessThanOrEqual(56);

  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${where}: no sideways scrolling`).toBeLessThanOrEqual(innerWidth);

  const violations = await seriousViolations(page);
  expect(violations, `${where}:\n${describeViolations(violations)}`).toEqual([]);
}

describeInBrowser(
  "the design: Inter, a one-row header, no overflow, nothing serious for axe",
  () => {
    const suite = useBrowserSuite();
    const closers: (() => Promise<void>)[] = [];
    afterAll(async () => {
      await Promise.all(closers.map((close) => close().catch(() => undefined)));
    });

    async function open(device: DeviceOptions): Promise<Page> {
      const { context, page } = await openDevice(suite.browser, device);
      closers.push(() => context.close());
      return page;
    }

    it.each(SCREENS)("the login page at $name", async ({ name, device, isPhone }) => {
      const page = await open(device);
      await page.goto(suite.server.url);
      await page.getByRole("heading", { level: 1, name: "Inloggen voor medewerkers" }).waitFor();
      await expectDesigned(page, `login ${name}`, isPhone);
      // The one region where short messages (toasts) appear, reachable with F8.
      expect(await page.getByRole("region", { name: /^Meldingen/ }).count()).toBe(1);
    });

    it.each(SCREENS)("the join page at $name", async ({ name, device, isPhone }) => {
      const page = await open(device);
      await page.goto(`${suite.server.url}/join/deze-link-bestaat-niet`);
      await page.getByRole("alert").waitFor();
      await expectDesigned(page, `join ${name}`, isPhone);
    });

    it("shows where the keyboard is: a focused button has a visible outline", async () => {
      const page = await open(LAPTOP);
      await page.goto(suite.server.url);
      const submit = page.getByRole("button", { name: "Inloggen" });
      await submit.waitFor();
      for (
        let i = 0;
        i < 20 && !(await submit.evaluate((el) => el === document.activeElement));
        i++
      ) {
        await page.keyboard.press("Tab");
      }
      const outline = await submit.evaluate((el) => {
        const style = getComputedStyle(el);
        return {
          isFocused: el === document.activeElement && el.matches(":focus-visible"),
          style: style.outlineStyle,
          width: Number.parseFloat(style.outlineWidth),
          color: style.outlineColor,
        };
      });
      expect(outline.isFocused).toBe(true);
      expect(outline.style).toBe("solid");
      expect(outline.width).toBeGreaterThanOrEqual(2);
      expect(outline.color).not.toMatch(/rgba\(.*, 0\)|transparent/);
    });

    it("a signed-in admin on a phone: one row, the pages in the menu, Uitloggen in the account menu", async () => {
      const login = staffLogin(suite.server, ADMIN);
      const page = await open(PHONE);
      await page.goto(suite.server.url);
      await page.getByLabel("E-mailadres").fill(login.email);
      await page.getByLabel("Wachtwoord", { exact: true }).fill(login.password);
      await page.getByRole("button", { name: "Inloggen" }).click();
      await page.getByRole("heading", { level: 1, name: "Mijn gesprekken" }).waitFor();
      await expectDesigned(page, "home of an admin, 390×844", true);

      await page.getByRole("button", { name: "Menu" }).click();
      const menu = page.getByRole("menu");
      // The menu's code may still be on its way at the first tap: wait for its first item.
      await menu.getByRole("menuitem").first().waitFor();
      const items = await menu.getByRole("menuitem").allInnerTexts();
      expect(items).toEqual([
        "Mijn studenten",
        "Studenten",
        "Overzicht",
        "Beheer",
        "Importeren",
        "Accounts",
      ]);
      await page.keyboard.press("Escape");
      await openFromHeader(page, "Beheer");
      await page.getByRole("heading", { level: 1, name: "Beheer" }).waitFor();

      await page.getByRole("button", { name: `Ingelogd als ${ADMIN}` }).click();
      await page.getByRole("menu").getByText(`Ingelogd als ${ADMIN}`).waitFor();
      await page.getByRole("menuitem", { name: "Uitloggen", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "Inloggen voor medewerkers" }).waitFor();
    });
  },
);

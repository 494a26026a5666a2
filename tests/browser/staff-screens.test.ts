import path from "node:path";
import { graphql, type StaffLogin } from "@driehoek/test-support";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, expect, it } from "vitest";
import { type DeviceOptions, describeInBrowser, openDevice } from "./support/browser.js";
import { expectNoHorizontalOverflow } from "./support/layout.js";
import { SCREENSHOT_DIR, staffLogin, useBrowserSuite } from "./support/suite.js";

/** The demo school (apps/server/src/demo/demo-school.ts): Marieke leads Sanne and Daan. */
const BEGELEIDER = "Marieke de Vries";
/** Daan's placement ends 60 days after the demo is seeded: planning after that is refused. */
const DAAN = "Daan Visser";

/** The screens staff bring: a phone, a tablet both ways round, two laptops. */
const DEVICES: Record<string, DeviceOptions> = {
  "phone-390": { viewport: { width: 390, height: 844 }, isMobile: true },
  "tablet-768": { viewport: { width: 768, height: 1024 }, isMobile: true },
  "tablet-1024": { viewport: { width: 1024, height: 768 }, isMobile: true },
  "laptop-1366": { viewport: { width: 1366, height: 768 } },
  "laptop-1440": { viewport: { width: 1440, height: 900 } },
};
const LANGUAGES = ["nl", "en"] as const;
type Language = (typeof LANGUAGES)[number];

/** Words on the staff pages in each language (apps/web/src/i18n). */
const WORDS = {
  nl: { home: "Mijn gesprekken", earlier: "Eerdere gesprekken", students: "Mijn studenten" },
  en: { home: "My conversations", earlier: "Earlier", students: "My students" },
} as const;

/** A date written out, as in the record: "7 september 2026" / "7 September 2026". */
const LONG_DATE = {
  nl: /\b\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}\b/,
  en: /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/,
};
/** A date with its month cut short, or a weekday before it: "ma 7 sep 2026", "Mon, 7 Sept 2026". */
const SHORT_DATE = {
  nl: /\b\d{1,2} (jan|feb|mrt|apr|jun|jul|aug|sep|okt|nov|dec)\b|\b(ma|di|wo|do|vr|za|zo) \d{1,2} /,
  en: /\b\d{1,2} (Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b|\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d/,
};

/** Saves what is on screen as `staff-<name>.png` in the screenshots folder. */
async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({
    path: path.join(SCREENSHOT_DIR, `staff-${name}.png`),
    fullPage,
    animations: "disabled",
    caret: "hide",
  });
}

describeInBrowser(
  "the staff's screens at phone, tablet and laptop sizes, in Dutch and English",
  () => {
    const suite = useBrowserSuite();
    const contexts: BrowserContext[] = [];

    afterAll(async () => {
      await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
    });

    const loginOf = (name: string): StaffLogin => staffLogin(suite.server, name);

    /** Opens a fresh device, logs in (in Dutch), then shows the app in `language`. */
    async function logIn(device: DeviceOptions, language: Language): Promise<Page> {
      const { context, page } = await openDevice(suite.browser, device);
      contexts.push(context);
      const login = loginOf(BEGELEIDER);
      await page.goto(suite.server.url);
      await page.getByLabel("E-mailadres").fill(login.email);
      await page.getByLabel("Wachtwoord").fill(login.password);
      await page.getByRole("button", { name: "Inloggen" }).click();
      await page.getByRole("heading", { level: 1, name: WORDS.nl.home }).waitFor();
      if (language !== "nl") {
        await page.evaluate((code) => localStorage.setItem("driehoek.locale", code), language);
        await page.reload();
        await page.getByRole("heading", { level: 1, name: WORDS[language].home }).waitFor();
      }
      return page;
    }

    /** Marieke's access token, as the login form gets it. */
    async function apiToken(): Promise<string> {
      const login = loginOf(BEGELEIDER);
      const data = await graphql<{ login: { accessToken: string } }>(
        suite.server.url,
        "mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }",
        { email: login.email, password: login.password },
      );
      return data.login.accessToken;
    }

    /** Closes a device when its screens are done. */
    async function close(page: Page): Promise<void> {
      await page.context().close();
    }

    /** Opens the earlier, signed conversation from the home page and waits for its record. */
    async function openSignedRecord(page: Page, language: Language): Promise<void> {
      const earlier = page.getByRole("region", { name: WORDS[language].earlier });
      await earlier.getByRole("link", { name: /Sanne Jansen/ }).click();
      await page.waitForURL(/\/gesprek\//);
      await page.locator('[data-part="record"] .record-document').waitFor();
    }

    it("the signed record reads well on every screen: a wide enough column, one date format", async () => {
      for (const [size, device] of Object.entries(DEVICES)) {
        for (const language of LANGUAGES) {
          const where = `the signed record at ${size} (${language})`;
          const page = await logIn(device, language);
          await openSignedRecord(page, language);
          await expectNoHorizontalOverflow(page, where);
          const frame = page.locator('[data-part="record"] .record-frame');
          const width = (await frame.boundingBox())?.width ?? 0;
          const screen = device.viewport?.width ?? 0;
          // The regression: at 1024 px the record stood in a third column, 370 px wide, its
          // values squeezed beside 12rem of labels. It gets most of the screen's width now.
          expect(width, `${where}: the record's width`).toBeGreaterThanOrEqual(
            screen < 768 ? screen - 100 : 600,
          );
          // A value always has room beside its label, or stands under it.
          const narrowest = await frame.evaluate((element) =>
            Math.min(
              ...[...element.querySelectorAll(".record-facts > div > dd")].map(
                (dd) => dd.getBoundingClientRect().width,
              ),
            ),
          );
          expect(narrowest, `${where}: the narrowest value`).toBeGreaterThanOrEqual(200);

          // Every date with the record is written as the record writes it ("7 september 2026"),
          // none as "ma 7 sep 2026" beside it.
          const text = await page.locator(".signoff-panel").innerText();
          expect(text).toMatch(language === "nl" ? LONG_DATE.nl : LONG_DATE.en);
          expect(text, where).not.toMatch(language === "nl" ? SHORT_DATE.nl : SHORT_DATE.en);

          await screenshot(page, `record-${size}-${language}`);
          await frame.scrollIntoViewIfNeeded();
          await screenshot(page, `record-${size}-${language}-record`);
          await close(page);
        }
      }
    });

    it("the plan form's date picker stops at the placement's end date, and says so", async () => {
      const { placements } = await graphql<{
        placements: { endDate: string; student: { name: string } }[];
      }>(suite.server.url, "{ placements { endDate student { name } } }", {}, await apiToken());
      const endDate = placements.find((p) => p.student.name === DAAN)?.endDate;
      expect(endDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const [size, device] of Object.entries(DEVICES)) {
        for (const language of LANGUAGES) {
          const where = `planning at ${size} (${language})`;
          const page = await logIn(device, language);
          await page.goto(`${suite.server.url}/studenten`);
          await page.getByRole("heading", { level: 1, name: WORDS[language].students }).waitFor();
          const card = page
            .locator("article")
            .filter({ has: page.getByRole("heading", { name: DAAN }) });
          await card.locator(".actions .btn-primary").click();
          const date = card.locator('input[type="date"]');
          await date.waitFor();
          expect(await date.getAttribute("max"), where).toBe(endDate);
          const hint = card.locator("[data-field=last-date]");
          expect(await hint.isVisible(), where).toBe(true);
          expect(await date.getAttribute("aria-describedby")).toBe(await hint.getAttribute("id"));
          // A day after it is one the browser itself will not submit.
          await date.fill("2099-01-01");
          expect(
            await date.evaluate((input: HTMLInputElement) => input.validity.rangeOverflow),
          ).toBe(true);
          await date.fill(endDate as string);
          await expectNoHorizontalOverflow(page, where);
          await card.locator(".plan-form").scrollIntoViewIfNeeded();
          await screenshot(page, `plan-${size}-${language}`);
          await close(page);
        }
      }
    });

    it("the conclusions chart's axis text is as large as the page's small print", async () => {
      for (const [size, device] of Object.entries(DEVICES)) {
        for (const language of LANGUAGES) {
          const where = `the chart at ${size} (${language})`;
          const page = await logIn(device, language);
          await page.goto(`${suite.server.url}/overzicht`);
          await page.getByRole("tablist").waitFor();
          await page.getByRole("tab", { name: /^(Conclusies|Conclusions)/ }).click();
          const chart = page.locator("svg.conclusion-chart").first();
          await chart.waitFor();
          // The text's size on screen: its font size times the chart's scale.
          const labels = await chart.evaluate((svg: SVGSVGElement) => {
            const box = svg.getBoundingClientRect();
            return [...svg.querySelectorAll("text")].map((text) => {
              const own = text.getBoundingClientRect();
              return {
                text: text.textContent?.trim() ?? "",
                px:
                  (svg.getScreenCTM()?.a ?? 1) * Number.parseFloat(getComputedStyle(text).fontSize),
                inside: own.left >= box.left - 0.5 && own.right <= box.right + 0.5,
              };
            });
          });
          expect(labels.length, where).toBeGreaterThanOrEqual(5);
          for (const label of labels) {
            expect(label.px, `${where}: "${label.text}"`).toBeGreaterThanOrEqual(14);
            expect(label.inside, `${where}: "${label.text}" within the chart`).toBe(true);
          }
          await expectNoHorizontalOverflow(page, where);
          await chart.scrollIntoViewIfNeeded();
          await screenshot(page, `chart-${size}-${language}`);
          await close(page);
        }
      }
    });

    it("the account menu: who is logged in, set apart from the choices, on screen", async () => {
      for (const [size, device] of Object.entries(DEVICES)) {
        for (const language of LANGUAGES) {
          const where = `the account menu at ${size} (${language})`;
          const page = await logIn(device, language);
          await page.locator(".account-trigger").click();
          const menu = page.getByRole("menu");
          await menu.getByRole("menuitem").first().waitFor();
          const header = menu.locator(".ui-menu-header");
          expect(await header.innerText()).toBe(
            language === "nl" ? `Ingelogd als ${BEGELEIDER}` : `Logged in as ${BEGELEIDER}`,
          );
          expect(await header.locator("strong").innerText()).toBe(BEGELEIDER);
          expect(
            await header.evaluate((element) => getComputedStyle(element).borderBottomStyle),
          ).toBe("solid");
          const box = await menu.boundingBox();
          const screen = device.viewport ?? { width: 0, height: 0 };
          expect(box, where).not.toBeNull();
          if (box) {
            expect(box.x, `${where}: left edge`).toBeGreaterThanOrEqual(0);
            expect(box.x + box.width, `${where}: right edge`).toBeLessThanOrEqual(screen.width);
          }
          await screenshot(page, `account-${size}-${language}`);
          await close(page);
        }
      }
    });
  },
);

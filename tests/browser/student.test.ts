import path from "node:path";
import type { StaffLogin } from "@driehoek/test-support";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, expect, it } from "vitest";
import { describeViolations, seriousViolations } from "./support/axe.js";
import { type DeviceOptions, describeInBrowser, openDevice } from "./support/browser.js";
import { SCREENSHOT_DIR, useBrowserSuite } from "./support/suite.js";

/**
 * The demo school (apps/server/src/demo/demo-school.ts): Marieke leads Sanne Jansen, whose
 * earlier conversation (conclusion "op schema", three agreements now past their date) was held
 * and signed, with today's planned; Daan Visser missed a window.
 */
const BEGELEIDER = "Marieke de Vries";
const STUDENT = "Sanne Jansen";
const LAPTOP: DeviceOptions = { viewport: { width: 1366, height: 768 } };
const PHONE: DeviceOptions = { viewport: { width: 390, height: 844 }, isMobile: true };
const TABLET: DeviceOptions = { viewport: { width: 820, height: 1180 }, isMobile: true };

describeInBrowser("the student page", () => {
  const suite = useBrowserSuite();
  const contexts: BrowserContext[] = [];
  /** The student page's address, as the search found it. */
  let studentPath = "";

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
  });

  /** Opens a fresh device, logs in with e-mail and password and waits for the home page. */
  async function logIn(name: string, device: DeviceOptions): Promise<Page> {
    const login = suite.server.staff.find((s: StaffLogin) => s.name === name);
    if (!login) throw new Error(`the demo has no staff login for ${name}`);
    const { context, page } = await openDevice(suite.browser, device);
    contexts.push(context);
    await page.goto(suite.server.url);
    await page.getByLabel("E-mailadres").fill(login.email);
    await page.getByLabel("Wachtwoord").fill(login.password);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByRole("heading", { level: 1, name: "Mijn gesprekken" }).waitFor();
    return page;
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, `${name}.png`),
      fullPage: true,
      animations: "disabled",
    });
  }

  async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
    const violations = await seriousViolations(page);
    expect(violations, `${where}:\n${describeViolations(violations)}`).toEqual([]);
  }

  async function expectNoHorizontalOverflow(page: Page, where: string): Promise<void> {
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth, `${where}: ${scrollWidth}px on ${innerWidth}px`).toBeLessThanOrEqual(
      innerWidth,
    );
  }

  /** Waits for the student page of `name` to show its placements and conversations. */
  async function studentPage(page: Page, name: string) {
    await page.getByRole("heading", { level: 1, name }).waitFor();
    const placements = page.getByRole("region", { name: "Stages" });
    const conversations = page.getByRole("region", { name: "Gesprekken" });
    await placements.getByRole("article").first().waitFor();
    return { placements, conversations };
  }

  it("a begeleider searches a student and sees placements, windows and conversations", async () => {
    const page = await logIn(BEGELEIDER, LAPTOP);
    await page.goto(`${suite.server.url}/studenten/zoeken`);
    await page.getByRole("heading", { level: 1, name: "Studenten" }).waitFor();
    // Her own students only, by name.
    const names = page.locator(".student-row h2");
    await expect
      .poll(() => names.allInnerTexts())
      .toEqual(["Daan Visser", "Lotte de Boer", STUDENT]);
    await expectNoSeriousViolations(page, "the student list");

    await page.getByLabel("Zoek op naam of studentnummer").fill("JANSEN");
    await expect.poll(() => names.allInnerTexts()).toEqual([STUDENT]);
    expect(page.url()).toContain("q=JANSEN");
    const row = page.locator(".student-row");
    expect(await row.innerText()).toContain("Bij Bytewerk B.V.");
    expect(await row.innerText()).toContain("Gesprek gepland:");
    await page.getByRole("link", { name: STUDENT }).click();
    await page.waitForURL(/\/studenten\/[0-9a-f-]{36}$/);
    studentPath = new URL(page.url()).pathname;

    const { placements, conversations } = await studentPage(page, STUDENT);
    expect(await page.locator(".student-facts").innerText()).toContain("2091834");
    const placement = placements.getByRole("article").first();
    await placement.getByRole("heading", { name: "Bytewerk B.V." }).waitFor();
    expect(await placement.innerText()).toContain("POK geldig");
    const windows = placement.getByRole("list", { name: "Gespreksmomenten: Bytewerk B.V." });
    const states = await windows
      .locator(":scope > li")
      .evaluateAll((items) => items.map((li) => li.getAttribute("data-state")));
    expect(states.length).toBeGreaterThanOrEqual(2);
    // The earlier conversation covered the first window and opens from it.
    expect(states[0]).toBe("covered");
    await windows.getByRole("link", { name: /^Gesprek van .* openen$/ }).waitFor();

    const cards = conversations.getByRole("article");
    expect(await cards.count()).toBe(2);
    // Newest first: today's planned conversation, then the earlier one with its conclusions.
    expect(await cards.nth(0).innerText()).toContain("Gepland");
    const earlier = cards.nth(1);
    const earlierText = await earlier.innerText();
    expect(earlierText).toContain("Oordeel BPV-begeleider");
    expect(earlierText).toContain("Ik loop op schema");
    expect(earlierText).toContain("Conclusie van de student");
    expect(earlierText).toContain("Sanne bouwt zelfstandig de zoekfunctie");
    expect(await earlier.locator(".agreement").count()).toBe(3);
    const open = earlier.getByRole("link", { name: "Gesprek openen" });
    const form = earlier.getByRole("link", { name: "Formulier" });
    const conversationPath = await open.getAttribute("href");
    expect(conversationPath).toMatch(/^\/gesprek\/[0-9a-f-]{36}$/);
    expect(await form.getAttribute("href")).toBe(`${conversationPath}/formulier`);

    await expectNoSeriousViolations(page, "the student page");
    await expectNoHorizontalOverflow(page, "the student page on a laptop");
    await screenshot(page, "student-laptop");

    await open.click();
    await page.waitForURL(new RegExp(`${conversationPath}$`));
  });

  it("a report row leads to the same student page", async () => {
    const page = contexts[0]?.pages()[0] as Page;
    await page.goto(`${suite.server.url}/overzicht?tab=agreements`);
    const panel = page.locator('[role="tabpanel"]:not([hidden])');
    const row = panel
      .locator("article.report-card")
      .filter({ has: page.locator(".report-card-title", { hasText: STUDENT }) })
      .first();
    await row.getByRole("link", { name: "Gesprek openen" }).waitFor();
    await screenshot(page, "student-report-row");
    await row.getByRole("link", { name: STUDENT }).click();
    await page.waitForURL(new RegExp(`${studentPath}$`));
    await studentPage(page, STUDENT);
  });

  it("on a phone the pages fit the screen and pass axe", async () => {
    const page = await logIn(BEGELEIDER, PHONE);
    await page.goto(`${suite.server.url}/studenten/zoeken?q=sanne`);
    await page.getByRole("link", { name: STUDENT }).waitFor();
    await expectNoHorizontalOverflow(page, "the student list on a phone");
    await screenshot(page, "student-list-phone");

    await page.getByRole("link", { name: STUDENT }).click();
    await studentPage(page, STUDENT);
    await page.getByRole("region", { name: "Gesprekken" }).getByRole("article").nth(1).waitFor();
    await expectNoHorizontalOverflow(page, "the student page on a phone");
    await expectNoSeriousViolations(page, "the student page on a phone");
    await screenshot(page, "student-phone");
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "student-phone-top.png") });
    await page
      .getByRole("region", { name: "Gesprekken" })
      .getByRole("article")
      .nth(1)
      .screenshot({ path: path.join(SCREENSHOT_DIR, "student-phone-conversation.png") });
  });

  it("on a tablet the page fits the screen", async () => {
    const page = await logIn(BEGELEIDER, TABLET);
    await page.goto(`${suite.server.url}${studentPath}`);
    await studentPage(page, STUDENT);
    await expectNoHorizontalOverflow(page, "the student page on a tablet");
    await screenshot(page, "student-tablet");
  });
});

import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeViolations, seriousViolations } from "./support/axe.js";
import {
  type DeviceOptions,
  describeInBrowser,
  joinAs,
  leaveAll,
  type Participant,
} from "./support/browser.js";
import { conversationPage, startConversation } from "./support/conversation-page.js";
import { useBrowserSuite } from "./support/suite.js";

const LAPTOP: DeviceOptions = { viewport: { width: 1366, height: 768 } };
const PHONE: DeviceOptions = { viewport: { width: 390, height: 844 }, isMobile: true };
const TABLET: DeviceOptions = { viewport: { width: 820, height: 1180 }, isMobile: true };
/** The app's own header is at most this tall on a phone; the conversation starts below it. */
const APP_HEADER_MAX = 56;

/** How far the page itself scrolls: its height against the screen's. */
function pageHeight(page: Page): Promise<{ scrollHeight: number; innerHeight: number }> {
  return page.evaluate(() => ({
    scrollHeight: document.scrollingElement?.scrollHeight ?? Number.POSITIVE_INFINITY,
    innerHeight: window.innerHeight,
  }));
}

async function expectNoPageScroll(page: Page, where: string): Promise<void> {
  const { scrollHeight, innerHeight } = await pageHeight(page);
  expect(
    scrollHeight,
    `${where}: page is ${scrollHeight}px on a ${innerHeight}px screen`,
  ).toBeLessThanOrEqual(innerHeight + 1);
}

/** Asserts the element is on screen as it is, without scrolling. */
async function expectInView(page: Page, selector: ReturnType<Page["locator"]>, what: string) {
  const box = await selector.boundingBox();
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  expect(box, `${what} is shown`).not.toBeNull();
  if (!box) return;
  expect(box.y, `${what} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${what} ends on screen`).toBeLessThanOrEqual(height);
  expect(box.x + box.width, `${what} fits the width`).toBeLessThanOrEqual(width);
}

/** The section the laptop's stepper marks as the conversation's. */
const currentStepKey = (page: Page) =>
  page
    .locator('.section-stepper li[data-section]:has(> .ui-step-row [aria-current="step"])')
    .getAttribute("data-section");

/**
 * Headings whose words the browser broke inside a word: for every word (split at spaces,
 * hyphens and slashes, where a break is a word boundary), its rendered boxes must lie on one line.
 */
function brokenHeadingWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    for (const heading of document.querySelectorAll<HTMLElement>("h1, h2, h3, h4, [role=tab]")) {
      if (!heading.checkVisibility()) continue;
      const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        for (const match of text.matchAll(/[^\s\-/]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set(
            [...range.getClientRects()].filter((r) => r.width > 0.5).map((r) => Math.round(r.top)),
          );
          if (tops.size > 1) broken.push(`${heading.tagName} "${heading.innerText}": ${match[0]}`);
        }
      }
    }
    return broken;
  });
}

/** Where the active part of the phone's page starts, as if the app's header were its maximum. */
function contentTop(page: Page): Promise<number> {
  return page.evaluate((maxHeader) => {
    const header = document.querySelector(".app-header")?.getBoundingClientRect().height ?? 0;
    const panel = document.querySelector("[role=tabpanel]:not([hidden])");
    const top = panel?.getBoundingClientRect().top ?? Number.POSITIVE_INFINITY;
    return top - header + Math.min(header, maxHeader);
  }, APP_HEADER_MAX);
}

/** Picks the app's language in the header's language menu. */
async function chooseLanguage(page: Page, language: string): Promise<void> {
  await page.getByRole("combobox", { name: /^(Taal|Language)$/ }).click();
  await page.getByRole("option", { name: language }).click();
  await page.getByRole("listbox").waitFor({ state: "detached" });
}

async function expectNoSeriousViolations(person: Participant, where: string): Promise<void> {
  const violations = await seriousViolations(person.page);
  expect(violations, `${where}:\n${describeViolations(violations)}`).toEqual([]);
}

describeInBrowser("each role's screen on its own device", () => {
  const suite = useBrowserSuite();

  it("laptop, phone and tablet each get their layout, from the start through Kern", async () => {
    const supervisor = await joinAs(suite.browser, suite.server, "bpv_begeleider", LAPTOP);
    const student = await joinAs(suite.browser, suite.server, "student", PHONE);
    const trainer = await joinAs(suite.browser, suite.server, "praktijkopleider", TABLET);
    const people = [supervisor, student, trainer];
    try {
      const lead = conversationPage(supervisor.page);
      await startConversation(lead);
      await expect.poll(() => currentStepKey(supervisor.page)).toBe("welkom");

      // The begeleider's laptop: one screen, the moves on it, and they move the conversation.
      await conversationPage(supervisor.page).summary.waitFor();
      await expectNoPageScroll(supervisor.page, "Inleiding on the laptop");
      await expectInView(supervisor.page, lead.nextSectionButton, "Volgende onderdeel");
      await expectInView(supervisor.page, lead.nextPhaseButton, "Volgende fase");
      expect(await lead.nextSectionButton.getAttribute("aria-keyshortcuts")).toBe("Alt+ArrowRight");
      await lead.nextSectionButton.click();
      await expect.poll(() => currentStepKey(supervisor.page)).toBe("gespreksdoel");
      // Everyone's prepared goals are beside the guide at "Gespreksdoel aanvullen".
      await supervisor.page.getByRole("heading", { name: "Gespreksdoelen" }).first().waitFor();
      await expectNoPageScroll(supervisor.page, "Gespreksdoel aanvullen on the laptop");

      // The keyboard moves it too, but not while typing in a field.
      await supervisor.page.locator("body").click({ position: { x: 5, y: 5 } });
      await supervisor.page.keyboard.press("Alt+ArrowRight");
      await expect.poll(() => currentStepKey(supervisor.page)).toBe("procesafspraken");
      await lead.sharedNotes.click();
      await supervisor.page.keyboard.press("Alt+ArrowRight");
      await supervisor.page.waitForTimeout(500);
      expect(await currentStepKey(supervisor.page)).toBe("procesafspraken");
      await supervisor.page.locator("body").click({ position: { x: 5, y: 5 } });
      await supervisor.page.keyboard.press("Alt+Shift+ArrowRight");
      await expect.poll(() => lead.currentPhase.getAttribute("data-phase")).toBe("kern");
      await expect.poll(() => currentStepKey(supervisor.page)).toBe("afspraken-vorige");
      await expectNoPageScroll(supervisor.page, "Kern on the laptop");
      await expectInView(supervisor.page, lead.nextSectionButton, "Volgende onderdeel in Kern");
      await lead.nextSectionButton.click();
      await expect.poll(() => currentStepKey(supervisor.page)).not.toBe("afspraken-vorige");
      await expectNoPageScroll(supervisor.page, "Kern, the next section, on the laptop");

      // The begeleider's private notes open in a drawer beside the page, and close again.
      await lead.privateNotesButton.click();
      const drawer = supervisor.page.getByRole("dialog", { name: "Privé-notities" });
      await drawer.getByLabel("Algemene privé-notities").fill("Alleen voor mij");
      await expectNoPageScroll(supervisor.page, "Kern with the private notes open");
      await supervisor.page.keyboard.press("Escape");
      await expect.poll(() => drawer.isVisible()).toBe(false);

      // The praktijkopleider's tablet: guide and work side by side.
      const guideColumn = await trainer.page.locator(".workspace-guide").boundingBox();
      const workColumn = await trainer.page.locator(".workspace-work").boundingBox();
      expect(guideColumn && workColumn, "two columns on the tablet").toBeTruthy();
      if (guideColumn && workColumn) {
        expect(guideColumn.x + guideColumn.width).toBeLessThanOrEqual(workColumn.x);
        expect(Math.abs(guideColumn.y - workColumn.y)).toBeLessThan(2);
        expect(guideColumn.width).toBeGreaterThan(250);
        expect(workColumn.width).toBeGreaterThan(250);
      }
      await expectNoPageScroll(trainer.page, "Kern on the tablet");

      for (const person of people)
        await expectNoSeriousViolations(person, `${person.role} in Kern`);
    } finally {
      await leaveAll(people);
    }
  });

  it.each(["Nederlands", "English"])(
    "the student's phone in %s: content near the top, nothing sideways, no word broken",
    async (language) => {
      const student = await joinAs(suite.browser, suite.server, "student", PHONE);
      try {
        const view = conversationPage(student.page);
        await chooseLanguage(student.page, language);
        const tabs = student.page.getByRole("tab");
        expect(await tabs.count()).toBeLessThanOrEqual(4);
        for (let index = 0; index < (await tabs.count()); index++) {
          await tabs.nth(index).click();
          await expect.poll(() => tabs.nth(index).getAttribute("aria-selected")).toBe("true");
          const where = `${language}, tab ${await tabs.nth(index).innerText()}`;
          expect(await contentTop(student.page), `${where}: content starts`).toBeLessThanOrEqual(
            120,
          );
          const width = await student.page.evaluate(() => ({
            scroll: document.scrollingElement?.scrollWidth ?? 0,
            inner: window.innerWidth,
          }));
          expect(width.scroll, `${where}: page width`).toBeLessThanOrEqual(width.inner);
          expect(await brokenHeadingWords(student.page), where).toEqual([]);
        }
        await chooseLanguage(view.page, "Nederlands");
      } finally {
        await leaveAll([student]);
      }
    },
  );

  it("each of the phone's tabs keeps its own scroll position", async () => {
    const student = await joinAs(suite.browser, suite.server, "student", PHONE);
    try {
      const view = conversationPage(student.page);
      const scrollY = () => student.page.evaluate(() => Math.round(window.scrollY));
      const scrollTo = (y: number) =>
        student.page.evaluate((top) => window.scrollTo({ top, behavior: "instant" }), y);
      await view.tab("Leidraad").click();
      await scrollTo(300);
      const guideAt = await scrollY();
      expect(guideAt).toBeGreaterThan(0);
      await view.tab("Afspraken").click();
      await expect.poll(scrollY).toBe(0);
      await scrollTo(150);
      const agreementsAt = await scrollY();
      expect(agreementsAt).toBeGreaterThan(0);
      await view.tab("Leidraad").click();
      await expect.poll(scrollY).toBe(guideAt);
      await view.tab("Afspraken").click();
      await expect.poll(scrollY).toBe(agreementsAt);
      await expectNoSeriousViolations(student, "the phone's Afspraken tab");
    } finally {
      await leaveAll([student]);
    }
  });
});

import { randomUUID } from "node:crypto";
import type { Locator, Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { describeInBrowser, joinAll, leaveAll } from "./support/browser.js";
import {
  agreementCard,
  conversationPage,
  typeAtEnd,
  typeInSummary,
} from "./support/conversation-page.js";
import { startConversationViaApi } from "./support/server.js";
import { screenshotAll, useBrowserSuite } from "./support/suite.js";

/** The parts of the page, as the phone's bottom navigation (last time's agreements are under "Afspraken"). */
const TABS = ["Leidraad", "Samenvatting", "Afspraken", "Notities"];
/** The guide's phases in order, as the phase bar names them. */
const PHASES = ["inleiding", "kern", "afronden"];

/** Whether the page scrolls sideways (it must not on a phone). */
function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY,
    innerWidth: window.innerWidth,
  }));
}

async function expectNoHorizontalScroll(page: Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth } = await horizontalOverflow(page);
  expect(
    scrollWidth,
    `${where}: page is ${scrollWidth}px wide on a ${innerWidth}px screen`,
  ).toBeLessThanOrEqual(innerWidth);
}

/** Asserts the element is visible and lies within the screen's width. */
async function expectWithinWidth(page: Page, locator: Locator, what: string): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  const width = await page.evaluate(() => window.innerWidth);
  expect(box, `${what} is visible`).not.toBeNull();
  if (!box) return;
  expect(box.x, `${what} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what} ends on screen`).toBeLessThanOrEqual(width + 0.5);
}

describeInBrowser("on a phone", () => {
  const suite = useBrowserSuite();

  beforeAll(async () => {
    await startConversationViaApi(suite.server);
  });

  it.each([
    { width: 390, height: 844 },
    { width: 360, height: 740 },
  ])(
    "$width×$height: no sideways scrolling, and summary, agreements and phases work",
    async (viewport) => {
      const people = await joinAll(suite.browser, suite.server, { viewport, isMobile: true });
      const everyone = Object.values(people);
      const size = `${viewport.width}x${viewport.height}`;
      try {
        const student = conversationPage(people.student.page);
        const trainer = conversationPage(people.praktijkopleider.page);
        const supervisor = conversationPage(people.bpv_begeleider.page);

        // Every part of the page fits the width.
        for (const person of everyone) {
          const view = conversationPage(person.page);
          await expectNoHorizontalScroll(person.page, `${person.role}, on arrival`);
          for (const tab of TABS) {
            await view.tab(tab).click();
            await expect.poll(() => view.tab(tab).getAttribute("aria-selected")).toBe("true");
            await expectNoHorizontalScroll(person.page, `${person.role}, tab ${tab}`);
          }
        }

        // The student writes the summary on their phone; the supervisor reads it on theirs.
        const summaryText = `Telefoonsamenvatting ${randomUUID().slice(0, 8)}`;
        await student.tab("Samenvatting").click();
        await expectWithinWidth(student.page, student.summary, "the summary editor");
        await typeInSummary(student, ` ${summaryText}`);
        await supervisor.tab("Samenvatting").click();
        await expect.poll(() => supervisor.summary.innerText()).toContain(summaryText);

        // The praktijkopleider adds an agreement on their phone; the student sees it on theirs.
        await trainer.tab("Afspraken").click();
        const countBefore = await trainer.agreements.count();
        await expectWithinWidth(trainer.page, trainer.addAgreementButton, "Afspraak toevoegen");
        await trainer.addAgreementButton.click();
        await expect.poll(() => trainer.agreements.count()).toBe(countBefore + 1);
        const card = agreementCard(trainer.agreements.last());
        const agreementText = `Afspraak via de telefoon ${randomUUID().slice(0, 8)}`;
        await typeAtEnd(card.text, agreementText);
        await card.owner.selectOption({ label: "Praktijkopleider" });
        for (const [field, what] of [
          [card.text, "the agreement text"],
          [card.owner, "the owner choice"],
          [card.dueDate, "the due date"],
          [card.measure, "the measure"],
        ] as const)
          await expectWithinWidth(trainer.page, field, what);
        await expectNoHorizontalScroll(trainer.page, "praktijkopleider, agreement filled in");
        await student.tab("Afspraken").click();
        await expect
          .poll(() => agreementCard(student.agreements.last()).text.inputValue())
          .toBe(agreementText);
        await expect
          .poll(() => agreementCard(student.agreements.last()).missingLetters())
          .toEqual(["M", "R", "T"]);

        // The phase bar is on every phone, with the guide; the supervisor moves on from theirs,
        // and all follow.
        for (const person of everyone) {
          const view = conversationPage(person.page);
          await view.tab("Leidraad").click();
          await expectWithinWidth(person.page, view.phaseBar, `${person.role}'s phase bar`);
          for (const key of PHASES) {
            await expectWithinWidth(
              person.page,
              view.phaseBar.locator(`[data-phase="${key}"] .phase-title`),
              `${person.role}'s phase ${key}`,
            );
          }
        }
        const before = await supervisor.currentPhase.getAttribute("data-phase");
        const next = PHASES[PHASES.indexOf(before ?? "") + 1];
        expect(next, `a phase after ${before}`).toBeDefined();
        await expectWithinWidth(supervisor.page, supervisor.nextPhaseButton, "Volgende fase");
        await supervisor.nextPhaseButton.click();
        for (const person of everyone) {
          await expect
            .poll(() => conversationPage(person.page).currentPhase.getAttribute("data-phase"), {
              message: `${person.role} follows to ${next}`,
            })
            .toBe(next);
          await expectNoHorizontalScroll(person.page, `${person.role}, after the phase moved`);
        }
        await screenshotAll(`phone-${size}`, everyone);
      } finally {
        await leaveAll(everyone);
      }
    },
  );
});

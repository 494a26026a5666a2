import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, expect, it } from "vitest";
import { describeInBrowser, joinAs, openDevice, type Participant } from "./support/browser.js";
import { conversationPage, startConversation, typeAtEnd } from "./support/conversation-page.js";
import { SCREENSHOT_DIR, useBrowserSuite, useParticipants } from "./support/suite.js";

/** One of the agreements made in the demo's earlier conversation. */
const LAST_TIME = "Sanne presenteert haar werk aan het team in de sprintdemo.";
/** The guide's question that labels the praktijkopleider's goals. */
const TRAINER_GOALS = "Welke gespreksdoelen heeft u (praktijkopleider) ?";
const STUDENT_GOALS = "Welke gespreksdoelen heb jij (student)?";
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true };
const LAPTOP = { viewport: { width: 1366, height: 768 } };

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: path.join(SCREENSHOT_DIR, `${name}.png`),
    fullPage: true,
    animations: "disabled",
    caret: "initial",
  });
}

describeInBrowser("all three prepare the conversation, and the screen follows it", () => {
  const suite = useBrowserSuite();
  const people = useParticipants(suite);
  const extra: Participant[] = [];
  afterAll(async () => {
    await Promise.all(extra.map((p) => p.context.close().catch(() => undefined)));
  });

  it("before the start, all three see the guide's opening, their own tasks and last time's agreements", async () => {
    const checklist: Record<string, RegExp> = {
      student: /Jouw voorbereiding \(Student\)/,
      praktijkopleider: /Jouw voorbereiding \(Praktijkopleider\)/,
      bpv_begeleider: /Jouw voorbereiding \(BPV-begeleider\)/,
    };
    for (const person of Object.values(people)) {
      const { page } = person;
      await page.getByText("Het gesprek is nog niet begonnen").waitFor();
      await page.getByRole("heading", { name: "Doel BPV- gesprek" }).waitFor();
      await page.getByText("Jij bent ca. 70% aan het woord.").waitFor();
      await page.getByText("De BPV-begeleider leidt het gesprek, maar luistert vooral.").waitFor();
      await page.getByRole("heading", { name: checklist[person.role] }).waitFor();
      const previous = page.getByRole("region", { name: "Afspraken van het vorige gesprek" });
      await previous.getByText(LAST_TIME).waitFor();
      await page.getByLabel(STUDENT_GOALS).waitFor();
      await page.getByLabel(TRAINER_GOALS).waitFor();
    }
    // The student sees their own POK check, as the supervisor does.
    await people.student.page
      .getByRole("heading", { name: "Praktijkovereenkomst (POK)" })
      .waitFor();
    // Checking the POK is on the supervisor's checklist, not on the student's.
    const checkPok = { name: "Controleer of de student een geldige POK heeft." };
    expect(await people.student.page.getByRole("checkbox", checkPok).count()).toBe(0);
    await people.bpv_begeleider.page.getByRole("checkbox", checkPok).waitFor();
  });

  it("join and preparation pages at 390×844 and 1366×768 (screenshots)", async () => {
    for (const [size, device] of [
      ["390x844", PHONE],
      ["1366x768", LAPTOP],
    ] as const) {
      const { context, page } = await openDevice(suite.browser, device);
      try {
        // A refused link keeps the join page on screen, opening included.
        await page.goto(`${suite.server.url}/join/verlopen-link`);
        await page.getByRole("heading", { name: "Doel BPV- gesprek" }).waitFor();
        await screenshot(page, `join-${size}`);
        const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
        expect(width, `join page at ${size} scrolls sideways`).toBeLessThanOrEqual(
          device.viewport.width,
        );
      } finally {
        await context.close();
      }
      // The preparation page, as the student sees it on this screen.
      const student = await joinAs(suite.browser, suite.server, "student", device);
      try {
        await student.page.getByRole("heading", { name: "Doel BPV- gesprek" }).waitFor();
        await student.page.getByLabel(TRAINER_GOALS).waitFor();
        await screenshot(student.page, `preparation-${size}`);
        const width = await student.page.evaluate(
          () => document.scrollingElement?.scrollWidth ?? 0,
        );
        expect(width, `preparation page at ${size} scrolls sideways`).toBeLessThanOrEqual(
          device.viewport.width,
        );
      } finally {
        await student.context.close();
      }
    }
  });

  it("the praktijkopleider adds a goal, and the others see it as it is typed", async () => {
    const goal = "Werktempo en planning bespreken";
    await typeAtEnd(people.praktijkopleider.page.getByLabel(TRAINER_GOALS), goal);
    for (const other of [people.student, people.bpv_begeleider]) {
      await expect
        .poll(() => other.page.getByLabel(TRAINER_GOALS).inputValue(), {
          message: `${other.role} sees the praktijkopleider's goal`,
        })
        .toContain(goal);
    }
  });

  it("in Kern the review comes forward on the student's phone when the supervisor moves there", async () => {
    const phone = await joinAs(suite.browser, suite.server, "student", PHONE);
    extra.push(phone);
    const onPhone = conversationPage(phone.page);
    const supervisor = conversationPage(people.bpv_begeleider.page);
    await startConversation(supervisor);
    await expect.poll(() => onPhone.currentPhase.getAttribute("data-phase")).toBe("inleiding");
    // The goals prepared before the start are still there, at "Gespreksdoel aanvullen".
    await supervisor.page
      .getByRole("button", { name: /^Hierheen\s*: het gesprek naar Gespreksdoel aanvullen$/ })
      .click();
    await expect
      .poll(() => onPhone.page.getByLabel(TRAINER_GOALS).inputValue())
      .toContain("Werktempo en planning bespreken");

    await supervisor.nextPhaseButton.click();
    await expect.poll(() => onPhone.currentPhase.getAttribute("data-phase")).toBe("kern");
    // Kern opens at "Afspraken vorige bijeenkomst": the review is the tab in front.
    await expect.poll(() => onPhone.tab("Terugblik").getAttribute("aria-selected")).toBe("true");
    // The supervisor keeps the guide's "luistert vooral" and "ca. 70% aan het woord" in view.
    const reminder = supervisor.page.getByRole("complementary", {
      name: "Herinnering voor de BPV-begeleider",
    });
    await expect
      .poll(() => reminder.innerText())
      .toMatch(/ca\. 70% aan het woord.*luistert vooral/);
    await screenshot(supervisor.page, "preparation-kern-begeleider-1280");

    await supervisor.page
      .getByRole("button", { name: /^Hierheen\s*: het gesprek naar Praktisch$/ })
      .click();
    await expect.poll(() => onPhone.tab("Leidraad").getAttribute("aria-selected")).toBe("true");
    await supervisor.page
      .getByRole("button", { name: /^Hierheen\s*: het gesprek naar Afspraken vorig bijeenkomst/ })
      .click();
    await expect.poll(() => onPhone.tab("Terugblik").getAttribute("aria-selected")).toBe("true");
    await onPhone.page.getByRole("heading", { name: "Afspraken van vorige keer" }).waitFor();
    expect(await onPhone.page.getByText(LAST_TIME).first().isVisible()).toBe(true);

    // The opening is one tap away on the phone.
    await onPhone.page.getByRole("button", { name: "Over dit gesprek" }).click();
    const dialog = onPhone.page.getByRole("dialog", { name: "BPV-gesprek" });
    await dialog.getByText("Jij bent ca. 70% aan het woord.").waitFor();
    await screenshot(onPhone.page, "preparation-live-dialog-390x844");
    await dialog.getByRole("button", { name: "Sluiten" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    // The student's screen does not carry the supervisor's reminder.
    expect(
      await onPhone.page
        .getByRole("complementary", { name: "Herinnering voor de BPV-begeleider" })
        .count(),
    ).toBe(0);
  });
});

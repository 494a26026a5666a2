import { expect, it } from "vitest";
import { describeInBrowser } from "./support/browser.js";
import { conversationPage, startConversation } from "./support/conversation-page.js";
import { screenshotAll, useBrowserSuite, useParticipants, useStorySteps } from "./support/suite.js";

describeInBrowser("the supervisor leads the phases and every screen follows", () => {
  const suite = useBrowserSuite();
  const people = useParticipants(suite);
  useStorySteps();

  /** Waits until every screen shows `phase` as the current one in its phase bar. */
  async function expectEveryoneAt(phase: string, key: string): Promise<void> {
    for (const person of Object.values(people)) {
      const view = conversationPage(person.page);
      await expect
        .poll(() => view.currentPhase.getAttribute("data-phase", { timeout: 1_000 }), {
          message: `${person.role} is at ${key}`,
        })
        .toBe(key);
      expect(await view.currentPhase.locator(".phase-title").innerText()).toBe(phase);
    }
  }

  /** Waits until every screen's live region has announced `pattern`. */
  async function expectEveryoneHeard(pattern: RegExp): Promise<void> {
    for (const person of Object.values(people)) {
      const view = conversationPage(person.page);
      await expect
        .poll(() => view.liveRegion.innerText(), {
          message: `${person.role} hears ${pattern}`,
        })
        .toMatch(pattern);
    }
  }

  it("before the start, everyone prepares and only the supervisor can start", async () => {
    for (const person of Object.values(people)) {
      const view = conversationPage(person.page);
      await view.page.getByText("Het gesprek is nog niet begonnen").waitFor();
      expect(await view.currentPhase.count()).toBe(0);
      expect(await view.startButton.count()).toBe(person.role === "bpv_begeleider" ? 1 : 0);
    }
    await screenshotAll("phases-0-planned", Object.values(people));
  });

  it("starting puts all three screens in Inleiding, and the page announces it", async () => {
    const supervisor = conversationPage(people.bpv_begeleider.page);
    await startConversation(supervisor);

    await expectEveryoneAt("Inleiding", "inleiding");
    await expectEveryoneHeard(/^Fase Inleiding: Welkom$/);
    for (const person of Object.values(people))
      await person.page.getByText("Bezig", { exact: true }).waitFor();
    // Only the supervisor leads.
    expect(await conversationPage(people.student.page).nextPhaseButton.count()).toBe(0);
    expect(await conversationPage(people.praktijkopleider.page).nextPhaseButton.count()).toBe(0);
    await screenshotAll("phases-1-started", Object.values(people));
  });

  it("moving to the next phase shows Kern gesprek on all three screens and announces it", async () => {
    const supervisor = conversationPage(people.bpv_begeleider.page);
    await supervisor.nextPhaseButton.click();

    await expectEveryoneAt("Kern gesprek", "kern");
    await expectEveryoneHeard(/^Fase Kern gesprek: Afspraken vorig bijeenkomst BPV-gesprek$/);
    for (const person of Object.values(people)) {
      const bar = conversationPage(person.page).phaseBar;
      // The phase before is marked done, the one after is still to come.
      expect(await bar.locator('[data-phase="inleiding"]').getAttribute("class")).toContain(
        "phase-done",
      );
      expect(await bar.locator('[data-phase="afronden"]').getAttribute("class")).toContain(
        "phase-todo",
      );
    }
    await screenshotAll("phases-2-kern", Object.values(people));
  });
});

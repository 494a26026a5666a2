import { randomUUID } from "node:crypto";
import type { WebSocketRoute } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  ACTION_TIMEOUT_MS,
  DESKTOP,
  describeInBrowser,
  joinAs,
  leaveAll,
  type Participant,
} from "./support/browser.js";
import { conversationPage, typeInSummary } from "./support/conversation-page.js";
import { startConversationViaApi } from "./support/server.js";
import { screenshotAll, useBrowserSuite } from "./support/suite.js";

/** The first byte of Driehoek's "stored" confirmation on /collab (docs/API.md). */
const STORED_MESSAGE = 100;

/**
 * Sits between the page and the server on the page's /collab websocket, passing everything on
 * except, while `hold` is on, the server's "stored" confirmations, which wait until `release()`.
 */
class StoredConfirmationGate {
  hold = false;
  /** When the first held confirmation was passed on to the page (Date.now()), if any. */
  releasedAt: number | null = null;
  heldCount = 0;
  private readonly held: { route: WebSocketRoute; message: string | Buffer }[] = [];

  attach(route: WebSocketRoute): void {
    const server = route.connectToServer();
    route.onMessage((message) => server.send(message));
    server.onMessage((message) => {
      const isStored = typeof message !== "string" && message[0] === STORED_MESSAGE;
      if (isStored && this.hold) {
        this.heldCount += 1;
        this.held.push({ route, message });
      } else {
        route.send(message);
      }
    });
  }

  release(): void {
    this.hold = false;
    this.releasedAt = Date.now();
    for (const { route, message } of this.held.splice(0)) route.send(message);
  }
}

describeInBrowser("saved means stored on the server", () => {
  const suite = useBrowserSuite();
  const gate = new StoredConfirmationGate();
  let student: Participant;
  let trainer: Participant;

  beforeAll(async () => {
    await startConversationViaApi(suite.server);
    // The student's device, with the gate on its shared-document connection from the start.
    const context = await suite.browser.newContext({ viewport: DESKTOP.viewport });
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    const page = await context.newPage();
    await page.routeWebSocket(/\/collab\//, (route) => gate.attach(route));
    await page.goto(suite.server.invite("student"));
    await page.getByRole("heading", { level: 1, name: /BPV-gesprek met/ }).waitFor();
    student = { role: "student", context, page };
    trainer = await joinAs(suite.browser, suite.server, "praktijkopleider");
    for (const person of [student, trainer]) {
      const view = conversationPage(person.page);
      await view.summary.waitFor();
      await view.saveStatus.and(view.page.locator('[data-state="saved"]')).waitFor();
    }
  });
  afterAll(async () => {
    await leaveAll([student, trainer].filter(Boolean));
  });

  it("says Opslaan… until the server's confirmation arrives, and Opgeslagen only after it", async () => {
    const view = conversationPage(student.page);
    const other = conversationPage(trainer.page);
    // Every state the status shows, with the moment it showed it.
    await student.page.evaluate(() => {
      const status = document.querySelector(".presence-bar .save-status");
      const seen: { state: string | null; at: number }[] = [];
      (window as unknown as { saveStates: typeof seen }).saveStates = seen;
      new MutationObserver(() =>
        seen.push({ state: status?.getAttribute("data-state") ?? null, at: Date.now() }),
      ).observe(status as Element, { attributes: true, attributeFilter: ["data-state"] });
    });
    const marker = `Bewaar mij ${randomUUID().slice(0, 8)}`;

    gate.hold = true;
    await typeInSummary(view, marker);
    await expect.poll(() => view.saveStatus.getAttribute("data-state")).toBe("saving");
    expect(await view.saveStatus.innerText()).toBe("Opslaan…");

    // The server has the edit (it stores before it relays), and has confirmed it: the
    // confirmation is all that is missing on the student's screen.
    await expect.poll(() => other.summary.innerText()).toContain(marker);
    await expect.poll(() => gate.heldCount).toBeGreaterThan(0);
    await student.page.waitForTimeout(500);
    expect(await view.saveStatus.getAttribute("data-state")).toBe("saving");
    await screenshotAll("saved-1-waiting", [student, trainer]);

    gate.release();
    await expect.poll(() => view.saveStatus.getAttribute("data-state")).toBe("saved");
    expect(await view.saveStatus.innerText()).toBe("Opgeslagen");

    const states = await student.page.evaluate(
      () => (window as unknown as { saveStates: { state: string; at: number }[] }).saveStates,
    );
    const firstSaved = states.find((s) => s.state === "saved");
    expect(states[0]?.state).toBe("saving");
    expect(firstSaved?.at).toBeGreaterThanOrEqual(gate.releasedAt ?? Number.POSITIVE_INFINITY);
    await screenshotAll("saved-2-confirmed", [student, trainer]);
  });

  it("shows Opgeslagen after ordinary typing, and what it saved is there for a new device", async () => {
    const view = conversationPage(student.page);
    const marker = `Nog een zin ${randomUUID().slice(0, 8)}`;
    await typeInSummary(view, ` ${marker}`);
    await expect.poll(() => view.saveStatus.getAttribute("data-state")).toBe("saved");

    // The supervisor opens the conversation only now: the text comes from the server.
    const supervisor = await joinAs(suite.browser, suite.server, "bpv_begeleider");
    try {
      await expect
        .poll(() => conversationPage(supervisor.page).summary.innerText())
        .toContain(marker);
    } finally {
      await leaveAll([supervisor]);
    }
  });
});

import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { type ServerProcess, startServerProcess } from "@driehoek/test-support";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeInBrowser, joinAs, launchChromium, type Participant } from "./support/browser.js";
import { conversationPage, typeInSummary } from "./support/conversation-page.js";
import { startConversationViaApi } from "./support/server.js";

const TTL_SECONDS = 20;

describeInBrowser("an access token that expires during the conversation", () => {
  let server: ServerProcess;
  let browser: Browser;
  const people: Participant[] = [];

  beforeAll(async () => {
    const entry = createRequire(import.meta.url).resolve("@driehoek/server");
    [server, browser] = await Promise.all([
      startServerProcess({ entry, env: { ACCESS_TOKEN_TTL: String(TTL_SECONDS) } }),
      launchChromium(),
    ]);
    await startConversationViaApi(server);
  });
  afterAll(async () => {
    await Promise.all(people.map((p) => p.context.close().catch(() => undefined)));
    await browser?.close();
    await server?.stop();
  });

  it("sends the student to log in again and keeps what they typed meanwhile", async () => {
    const student = await joinAs(browser, server, "student");
    people.push(student);
    const view = conversationPage(student.page);
    await view.saveStatus.and(student.page.locator('[data-state="saved"]')).waitFor();
    const expiresAt = await student.page.evaluate(
      () => JSON.parse(localStorage.getItem("driehoek.session") ?? "{}").expiresAt as string,
    );

    // Offline, the student types on; meanwhile their token expires.
    const mark = `na-het-verlopen-${randomUUID().slice(0, 6)}`;
    await student.context.setOffline(true);
    await typeInSummary(view, ` ${mark}`);
    const wait = Date.parse(expiresAt) - Date.now() + 500;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
    await student.context.setOffline(false);

    // Back online, the app finds the session ended and asks to log in (or reopen the link).
    await student.page.waitForURL(/\/\?redirect=/, { timeout: 30_000 });
    // The edit waits on the device; reopening the invite sends it.
    await student.page.goto(server.invite("student"));
    await view.saveStatus.and(student.page.locator('[data-state="saved"]')).waitFor();

    const begeleider = await joinAs(browser, server, "bpv_begeleider");
    people.push(begeleider);
    await expect
      .poll(() => conversationPage(begeleider.page).summary.innerText(), { timeout: 15_000 })
      .toContain(mark);
  }, 120_000);
});

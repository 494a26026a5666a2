import type { Page } from "playwright-core";
import { afterAll, expect, it } from "vitest";
import { describeInBrowser, joinAs, type Participant } from "./support/browser.js";
import { useBrowserSuite } from "./support/suite.js";

/** What this browser holds of Driehoek: IndexedDB databases and storage keys. */
async function heldByBrowser(page: Page): Promise<{ databases: string[]; keys: string[] }> {
  return page.evaluate(async () => ({
    databases: (await indexedDB.databases())
      .map((db) => db.name ?? "")
      .filter((name) => name.startsWith("driehoek")),
    keys: [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((key) =>
      key.startsWith("driehoek"),
    ),
  }));
}

describeInBrowser("logging out on a shared computer", () => {
  const suite = useBrowserSuite();
  const people: Participant[] = [];
  afterAll(async () => {
    await Promise.all(people.map((p) => p.context.close().catch(() => undefined)));
  });

  it("leaves no document copy, token or draft of the conversation in the browser", async () => {
    const student = await joinAs(suite.browser, suite.server, "student");
    people.push(student);
    const { page } = student;
    // The conversation's offline copy and the session are on the device now.
    await expect
      .poll(async () => (await heldByBrowser(page)).databases.length, { timeout: 15_000 })
      .toBeGreaterThan(0);
    await page.evaluate(() =>
      localStorage.setItem(
        "driehoek.conclusion.test.student",
        JSON.stringify({ conclusion: "positive" }),
      ),
    );
    const before = await heldByBrowser(page);
    expect(before.keys).toContain("driehoek.session");
    // No access token in any collaboration URL: the socket carries a ticket.
    const socketUrls: string[] = [];
    page.on("websocket", (ws) => socketUrls.push(ws.url()));
    await page.reload();
    await page.getByRole("heading", { level: 1, name: /BPV-gesprek met/ }).waitFor();
    await expect.poll(() => socketUrls.some((u) => u.includes("/collab/"))).toBe(true);
    for (const url of socketUrls.filter((u) => u.includes("/collab/"))) {
      expect(url).toMatch(/[?&]ticket=/);
      expect(url).not.toMatch(/[?&]token=/);
    }

    await page.getByRole("button", { name: /^Ingelogd als/ }).click();
    await page.getByRole("menuitem", { name: "Uitloggen", exact: true }).click();
    await page.waitForURL(/\/uitgelogd$/);
    await page.locator("[data-wiped=true]").waitFor();
    expect(await page.locator("[data-wiped=true]").innerText()).toContain(
      "Op dit apparaat is niets van het gesprek bewaard",
    );
    await page.getByRole("heading", { level: 1, name: "Inloggen voor medewerkers" }).waitFor();

    const after = await heldByBrowser(page);
    expect(after.databases).toEqual([]);
    expect(after.keys.filter((key) => key !== "driehoek.locale")).toEqual([]);
    // The back button brings nothing back.
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "Inloggen voor medewerkers" }).waitFor();
  });

  it("'Overal uitloggen' ends the staff member's sessions on the other devices too", async () => {
    const login =
      suite.server.staff.find((s) => s.role === "bpv_begeleider") ?? suite.server.staff[0];
    if (!login) throw new Error("the demo prints no staff login");
    const devices = await Promise.all(
      [0, 1].map(async () => {
        const context = await suite.browser.newContext({ locale: "nl-NL" });
        people.push({ role: "bpv_begeleider", context, page: await context.newPage() });
        const page = (people.at(-1) as Participant).page;
        await page.goto(suite.server.url);
        await page.getByLabel("E-mailadres").fill(login.email);
        await page.getByLabel("Wachtwoord", { exact: true }).fill(login.password);
        await page.getByRole("button", { name: "Inloggen" }).click();
        await page.getByRole("heading", { level: 1, name: "Mijn gesprekken" }).waitFor();
        return page;
      }),
    );
    const [laptop, other] = devices as [Page, Page];
    await laptop.getByRole("button", { name: /^Ingelogd als/ }).click();
    await laptop.getByRole("menuitem", { name: "Overal uitloggen" }).click();
    await laptop.locator("[data-wiped=true]").waitFor();
    // The other device's next request is refused, and it lands on the login form.
    await other.reload();
    await other.getByRole("heading", { level: 1, name: "Inloggen voor medewerkers" }).waitFor();
  });
});

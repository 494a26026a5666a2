import type { ParticipantRole } from "@driehoek/domain";
import type { Browser, Page, Response } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import {
  ACTION_TIMEOUT_MS,
  type DeviceOptions,
  describeInBrowser,
  joinAs,
} from "./support/browser.js";
import { conversationPage } from "./support/conversation-page.js";
import { startConversationViaApi } from "./support/server.js";
import { useBrowserSuite } from "./support/suite.js";

/**
 * The page budget: all JavaScript a phone downloads to open the conversation page for the
 * first time (empty cache), compressed as the server sends it, in bytes (kB = 1000 bytes).
 */
const PHONE_FIRST_LOAD_BUDGET = 250_000;

const PHONE: DeviceOptions = { viewport: { width: 390, height: 844 }, isMobile: true };
const LAPTOP: DeviceOptions = { viewport: { width: 1366, height: 768 } };

/** The lazily loaded chunk with Tiptap and ProseMirror. */
const EDITOR_CHUNK = /\/assets\/SummaryEditor-[^/]+\.js$/;

/** One script the page downloaded: its file, bytes on the wire and encoding. */
interface Script {
  file: string;
  encoded: number;
  encoding: string;
}

/** Collects every script response of `page` with its compressed (transferred) body size. */
function recordScripts(page: Page): {
  scripts: () => Promise<Script[]>;
  requested: () => Promise<Set<string>>;
} {
  const pending: Promise<Script>[] = [];
  const requested = new Set<string>();
  page.on("request", (request) => {
    if (request.resourceType() === "script") requested.add(new URL(request.url()).pathname);
  });
  page.on("response", (response: Response) => {
    if (response.request().resourceType() !== "script") return;
    pending.push(
      (async () => {
        await response.finished();
        const sizes = await response.request().sizes();
        return {
          file: new URL(response.url()).pathname,
          encoded: sizes.responseBodySize,
          encoding: (await response.headerValue("content-encoding")) ?? "identity",
        };
      })(),
    );
  });
  return { scripts: () => Promise.all(pending), requested: async () => new Set(requested) };
}

/** Files under this size are not worth compressing (apps/web/scripts/compress.mjs skips them). */
const COMPRESS_MIN_BYTES = 1024;

/** Every script worth compressing came as brotli. */
function expectBrotli(scripts: Script[]): void {
  for (const script of scripts) {
    if (script.encoding === "identity" && script.encoded < COMPRESS_MIN_BYTES) continue;
    expect(script.encoding, `${script.file} is sent compressed`).toBe("br");
  }
}

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

/** Prints the figures: one line per chunk, largest first, and the total. */
function report(title: string, scripts: Script[]): number {
  const total = scripts.reduce((sum, s) => sum + s.encoded, 0);
  const lines = [...scripts]
    .sort((a, b) => b.encoded - a.encoded)
    .map((s) => `  ${kB(s.encoded).padStart(9)}  ${s.encoding.padEnd(8)} ${s.file}`);
  console.log(
    `${title}: ${kB(total)} of JavaScript in ${scripts.length} files\n${lines.join("\n")}`,
  );
  return total;
}

/**
 * Signs `role` in on `device` (following the invite once), then opens the conversation page
 * again on a fresh device with the same session and an empty cache: a first load.
 */
async function firstLoadPage(
  browser: Browser,
  suite: { server: Parameters<typeof joinAs>[1] },
  role: ParticipantRole,
  device: DeviceOptions,
): Promise<{ page: Page; url: string; close: () => Promise<void> }> {
  const joined = await joinAs(browser, suite.server, role, device);
  const url = joined.page.url();
  const storageState = await joined.context.storageState();
  await joined.context.close();
  const context = await browser.newContext({
    viewport: device.viewport,
    isMobile: device.isMobile ?? false,
    hasTouch: device.isMobile ?? false,
    deviceScaleFactor: device.isMobile ? 2 : 1,
    locale: "nl-NL",
    storageState,
  });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  return { page: await context.newPage(), url, close: () => context.close() };
}

describeInBrowser("the conversation page's weight", () => {
  const suite = useBrowserSuite();

  beforeAll(async () => {
    await startConversationViaApi(suite.server);
  });

  it("a student's phone downloads at most 250 kB of JavaScript to open it, and no editor until Samenvatting", async () => {
    const { page, url, close } = await firstLoadPage(suite.browser, suite, "student", PHONE);
    try {
      const recorder = recordScripts(page);
      await page.goto(url, { waitUntil: "networkidle" });
      const view = conversationPage(page);
      await view.heading.waitFor();
      await expect.poll(() => view.tab("Leidraad").getAttribute("aria-selected")).toBe("true");
      await page.waitForLoadState("networkidle");

      const scripts = await recorder.scripts();
      const total = report("phone, student, first load", scripts);
      expectBrotli(scripts);
      expect(
        scripts.filter((s) => EDITOR_CHUNK.test(s.file)).map((s) => s.file),
        "the editor is not loaded while the summary is not shown",
      ).toEqual([]);
      expect(total, "first load of the conversation page on a phone").toBeLessThanOrEqual(
        PHONE_FIRST_LOAD_BUDGET,
      );

      // The editor follows when the student opens the summary.
      await view.tab("Samenvatting").click();
      await view.summary.waitFor();
      const after = await recorder.scripts();
      report("phone, student, after opening Samenvatting", after);
      expect(after.some((s) => EDITOR_CHUNK.test(s.file))).toBe(true);
    } finally {
      await close();
    }
  });

  it("a begeleider's laptop shows the editor, and the guide works before it arrives", async () => {
    const { page, url, close } = await firstLoadPage(
      suite.browser,
      suite,
      "bpv_begeleider",
      LAPTOP,
    );
    try {
      const recorder = recordScripts(page);
      // Hold the editor's chunk back until the rest of the page has been used.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let editorRequested = false;
      await page.route(EDITOR_CHUNK, async (route) => {
        editorRequested = true;
        await held;
        await route.continue();
      });

      await page.goto(url);
      const view = conversationPage(page);
      await view.heading.waitFor();
      await expect
        .poll(() => editorRequested, { message: "the laptop asks for the editor at once" })
        .toBe(true);
      const sectionOf = () =>
        page
          .locator('.section-stepper li[data-section]:has(> .ui-step-row [aria-current="step"])')
          .getAttribute("data-section");
      const first = await sectionOf();
      // What the page asked for before anyone touched it (the held editor included).
      const requestedUntouched = await recorder.requested();
      await view.nextSectionButton.click();
      await expect
        .poll(sectionOf, { message: "Volgende onderdeel works while the editor loads" })
        .not.toBe(first);
      expect(await view.summary.count(), "the editor has not arrived yet").toBe(0);

      release();
      await view.summary.waitFor();
      await page.waitForLoadState("networkidle");

      const scripts = await recorder.scripts();
      const untouched = scripts.filter((s) => requestedUntouched.has(s.file));
      report("laptop, begeleider, first load with the editor", untouched);
      report(
        "laptop, begeleider, fetched after the first click (the menus' code)",
        scripts.filter((s) => !requestedUntouched.has(s.file)),
      );
      expectBrotli(scripts);
      expect(scripts.some((s) => EDITOR_CHUNK.test(s.file))).toBe(true);
    } finally {
      await close();
    }
  });
});

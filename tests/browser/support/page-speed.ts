import type { ServerProcess } from "@driehoek/test-support";
import type { Browser } from "playwright-core";
import { joinAs } from "./browser.js";

/**
 * How fast the conversation page becomes usable on a phone, measured like Lighthouse does it
 * (throttled network and CPU through the Chrome DevTools Protocol), for `npm run bench:page`
 * and tests/browser/page-speed.test.ts.
 *
 * **Interactive** here means: the conversation's header (h1 "BPV-gesprek met …") and its
 * current phase (the phase bar's step with aria-current) are on screen, **and** the main
 * thread has calmed down: no long task (over 50 ms) for a quiet window of 2 s after that; the
 * moment is the later of "rendered" and the end of the last long task before the quiet window
 * (Lighthouse's TTI uses a 5 s window and also counts requests in flight; the page's websocket
 * stays open by design, so requests are not counted here).
 */

/** The budget: interactive within this many ms (issue 14). */
export const INTERACTIVE_BUDGET_MS = 3000;

/** Network conditions as the DevTools protocol takes them. */
export interface NetworkProfile {
  name: string;
  /** Round trip added to every request, ms. */
  latencyMs: number;
  /** Bits per second. */
  downloadBps: number;
  uploadBps: number;
}

/** A 4G-like mobile connection, as Lighthouse's "slow 4G" (150 ms, 1.6 Mbps down, 750 kbps up). */
export const FOUR_G: NetworkProfile = {
  name: "4G (150 ms RTT, 1.6 Mbps down, 750 kbps up)",
  latencyMs: 150,
  downloadBps: 1_600_000,
  uploadBps: 750_000,
};

export interface PageSpeedOptions {
  network: NetworkProfile;
  /** CPU slowdown factor (Lighthouse's mobile profile: 4); 1 for none. */
  cpuSlowdown: number;
  /** The quiet window that ends "interactive", ms (default 2000). */
  quietWindowMs?: number;
}

export interface PageSpeed {
  /** First contentful paint, ms after navigation start. */
  fcpMs: number;
  /** Header and current phase on screen, ms after navigation start. */
  renderedMs: number;
  /** Interactive (see above), ms after navigation start. */
  interactiveMs: number;
  /** Long tasks until interactive, and their total time over 50 ms (total blocking time). */
  longTasks: number;
  blockingMs: number;
  /** Bytes on the wire until interactive (headers included), all requests, and JavaScript only. */
  transferBytes: number;
  scriptBytes: number;
  requests: number;
  /** Every request that finished by "interactive": path, type, ms after navigation start. */
  waterfall: { path: string; type: string; startMs: number; endMs: number; bytes: number }[];
}

interface PageTimings {
  fcp: number | null;
  longTasks: { start: number; end: number }[];
  rendered: number | null;
}

/** Installed before any of the page's own scripts: records paints, long tasks and "rendered". */
const OBSERVE = `(() => {
  const perf = { fcp: null, longTasks: [], rendered: null };
  window.__pageSpeed = perf;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.name === "first-contentful-paint") perf.fcp = e.startTime;
  }).observe({ type: "paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      perf.longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
  }).observe({ type: "longtask", buffered: true });
  const check = () => {
    if (perf.rendered !== null) return;
    const h1 = document.querySelector("h1");
    const phase = document.querySelector('.phase-bar [aria-current="step"]');
    if (h1 && /BPV-gesprek met/.test(h1.textContent || "") && phase && phase.getClientRects().length)
      perf.rendered = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

/** The student's conversation page URL and a signed-in session for it (joined once, unthrottled). */
export async function studentSession(
  browser: Browser,
  server: ServerProcess,
): Promise<{
  url: string;
  storageState: Awaited<ReturnType<import("playwright-core").BrowserContext["storageState"]>>;
}> {
  const joined = await joinAs(browser, server, "student", {
    viewport: { width: 390, height: 844 },
    isMobile: true,
  });
  const url = joined.page.url();
  const storageState = await joined.context.storageState();
  await joined.context.close();
  return { url, storageState };
}

/**
 * Opens `url` on a fresh phone (empty cache, the given session) under throttling and measures
 * it. Throws when the page does not render its header and phase within 30 s.
 */
export async function measurePageSpeed(
  browser: Browser,
  session: Awaited<ReturnType<typeof studentSession>>,
  options: PageSpeedOptions,
): Promise<PageSpeed> {
  const quietMs = options.quietWindowMs ?? 2000;
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale: "nl-NL",
    storageState: session.storageState,
  });
  try {
    const page = await context.newPage();
    await page.addInitScript(OBSERVE);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: options.network.latencyMs,
      downloadThroughput: options.network.downloadBps / 8,
      uploadThroughput: options.network.uploadBps / 8,
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: options.cpuSlowdown });

    const types = new Map<string, string>();
    const finished: { id: string; bytes: number; at: number }[] = [];
    cdp.on("Network.responseReceived", (e) => types.set(e.requestId, e.type));
    cdp.on("Network.loadingFinished", (e) =>
      finished.push({ id: e.requestId, bytes: e.encodedDataLength, at: e.timestamp }),
    );
    let navigationAt = 0;
    const sent = new Map<string, { url: string; at: number }>();
    cdp.on("Network.requestWillBeSent", (e) => {
      if (!navigationAt && e.type === "Document") navigationAt = e.timestamp;
      sent.set(e.requestId, { url: e.request.url, at: e.timestamp });
    });

    await page.goto(session.url, { waitUntil: "commit" });
    const timings = () =>
      page.evaluate(() => (window as unknown as { __pageSpeed: PageTimings }).__pageSpeed);
    const deadline = Date.now() + 30_000;
    let t = await timings();
    while (t.rendered === null) {
      if (Date.now() > deadline) throw new Error("the conversation page did not render in 30 s");
      await page.waitForTimeout(50);
      t = await timings();
    }
    // Wait for the quiet window: no long task ending within `quietMs` of the last one (or of
    // "rendered"), measured on the page's own clock.
    for (;;) {
      t = await timings();
      const now = await page.evaluate(() => performance.now());
      const lastEnd = Math.max(t.rendered ?? 0, ...t.longTasks.map((l) => l.end));
      if (now - lastEnd >= quietMs) break;
      if (Date.now() > deadline + 30_000) throw new Error("the page never became quiet");
      await page.waitForTimeout(100);
    }
    const rendered = t.rendered as number;
    const lastLongTaskEnd = Math.max(0, ...t.longTasks.map((l) => l.end));
    const interactive = Math.max(rendered, lastLongTaskEnd);
    const longTasks = t.longTasks.filter((l) => l.start <= interactive);
    // Bytes of what finished loading by "interactive" (CDP times are seconds, monotonic).
    const until = navigationAt + interactive / 1000;
    const loaded = finished.filter((f) => f.at <= until + 0.05);
    const fcp = t.fcp ?? (await timings()).fcp ?? Number.NaN;
    return {
      fcpMs: Math.round(fcp),
      renderedMs: Math.round(rendered),
      interactiveMs: Math.round(interactive),
      longTasks: longTasks.length,
      blockingMs: Math.round(
        longTasks.reduce((sum, l) => sum + Math.max(0, l.end - l.start - 50), 0),
      ),
      transferBytes: loaded.reduce((sum, f) => sum + f.bytes, 0),
      scriptBytes: loaded
        .filter((f) => types.get(f.id) === "Script")
        .reduce((sum, f) => sum + f.bytes, 0),
      requests: loaded.length,
      waterfall: loaded
        .map((f) => {
          const request = sent.get(f.id);
          const ms = (at: number) => Math.round((at - navigationAt) * 1000);
          return {
            path: request ? new URL(request.url).pathname : "?",
            type: types.get(f.id) ?? "?",
            startMs: request ? ms(request.at) : 0,
            endMs: ms(f.at),
            bytes: f.bytes,
          };
        })
        .sort((a, b) => a.startMs - b.startMs),
    };
  } finally {
    await context.close();
  }
}

/** One line of figures. */
export function describeSpeed(speed: PageSpeed): string {
  const kB = (b: number) => `${(b / 1000).toFixed(1)} kB`;
  return `FCP ${speed.fcpMs} ms, header+phase ${speed.renderedMs} ms, interactive ${speed.interactiveMs} ms (${speed.longTasks} long tasks, TBT ${speed.blockingMs} ms), ${kB(speed.transferBytes)} transferred in ${speed.requests} requests (${kB(speed.scriptBytes)} JavaScript)`;
}

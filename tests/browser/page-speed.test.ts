import { beforeAll, expect, it } from "vitest";
import { describeInBrowser } from "./support/browser.js";
import {
  describeSpeed,
  FOUR_G,
  INTERACTIVE_BUDGET_MS,
  measurePageSpeed,
  type PageSpeed,
  studentSession,
} from "./support/page-speed.js";
import { startConversationViaApi } from "./support/server.js";
import { useBrowserSuite } from "./support/suite.js";

/**
 * The conversation page on a phone over a 4G-like connection (150 ms RTT, 1.6 Mbps down,
 * 750 kbps up) is interactive within 3 s (support/page-speed.ts defines "interactive").
 * Network throttling only: the CPU of a shared test machine is too noisy to slow down 4× and
 * still fail only for the page's own reasons (`npm run bench:page` adds the 4× CPU slowdown
 * of Lighthouse's mobile profile). The better of two first loads counts.
 */
describeInBrowser("the conversation page's speed on a phone", () => {
  const suite = useBrowserSuite();

  beforeAll(async () => {
    await startConversationViaApi(suite.server);
  });

  it(`is interactive within ${INTERACTIVE_BUDGET_MS} ms over 4G`, async () => {
    const session = await studentSession(suite.browser, suite.server);
    const runs: PageSpeed[] = [];
    for (let i = 0; i < 2; i++) {
      const speed = await measurePageSpeed(suite.browser, session, {
        network: FOUR_G,
        cpuSlowdown: 1,
      });
      console.log(`phone, student, first load over 4G, run ${i + 1}: ${describeSpeed(speed)}`);
      runs.push(speed);
    }
    const best = runs.reduce((a, b) => (b.interactiveMs < a.interactiveMs ? b : a));
    expect(best.fcpMs).toBeGreaterThan(0);
    expect(best.renderedMs).toBeGreaterThanOrEqual(best.fcpMs);
    expect(best.interactiveMs, describeSpeed(best)).toBeLessThanOrEqual(INTERACTIVE_BUDGET_MS);
  });
});

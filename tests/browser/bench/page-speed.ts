import { parseArgs } from "node:util";
import { launchChromium } from "../support/browser.js";
import {
  describeSpeed,
  FOUR_G,
  INTERACTIVE_BUDGET_MS,
  measurePageSpeed,
  type PageSpeed,
  studentSession,
} from "../support/page-speed.js";
import { startConversationViaApi, startServer } from "../support/server.js";

/**
 * `npm run bench:page [-- --runs 3 --cpu 4 --waterfall]`: the conversation page on a phone, Lighthouse-like:
 * the built server with the demo (conversation started), a student's first load (empty cache)
 * in Chromium at 390×844 over a 4G-like connection (150 ms RTT, 1.6 Mbps down, 750 kbps up)
 * with the CPU slowed 4×. Prints FCP, header+phase rendered, interactive (defined in
 * support/page-speed.ts), long tasks and bytes per run and the median, and PASS/FAIL against
 * 3 s; exits 1 on FAIL.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "3" },
      cpu: { type: "string", default: "4" },
      waterfall: { type: "boolean", default: false },
    },
    strict: true,
  });
  const runs = Number(values.runs);
  const cpuSlowdown = Number(values.cpu);
  const server = await startServer();
  const browser = await launchChromium();
  try {
    await startConversationViaApi(server);
    const session = await studentSession(browser, server);
    console.log(
      `Conversation page, student, phone 390×844, first load; ${FOUR_G.name}, CPU ${cpuSlowdown}× slower`,
    );
    const results: PageSpeed[] = [];
    for (let i = 0; i < runs; i++) {
      const speed = await measurePageSpeed(browser, session, { network: FOUR_G, cpuSlowdown });
      results.push(speed);
      console.log(`run ${i + 1}: ${describeSpeed(speed)}`);
      if (values.waterfall)
        for (const r of speed.waterfall)
          console.log(
            `  ${String(r.startMs).padStart(6)} → ${String(r.endMs).padStart(6)} ms ${(r.bytes / 1000).toFixed(1).padStart(7)} kB ${r.type.padEnd(10)} ${r.path}`,
          );
    }
    const median = <K extends keyof PageSpeed>(key: K) => {
      const sorted = results.map((r) => r[key] as number).sort((a, b) => a - b);
      return sorted[Math.floor(sorted.length / 2)] as number;
    };
    const summary: PageSpeed = {
      fcpMs: median("fcpMs"),
      renderedMs: median("renderedMs"),
      interactiveMs: median("interactiveMs"),
      longTasks: median("longTasks"),
      blockingMs: median("blockingMs"),
      transferBytes: median("transferBytes"),
      scriptBytes: median("scriptBytes"),
      requests: median("requests"),
      waterfall: [],
    };
    const pass = summary.interactiveMs <= INTERACTIVE_BUDGET_MS;
    console.log(`median: ${describeSpeed(summary)}`);
    console.log(
      `${pass ? "PASS" : "FAIL"}: interactive in ${summary.interactiveMs} ms (budget ${INTERACTIVE_BUDGET_MS} ms)`,
    );
    return pass ? 0 : 1;
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error("bench:page failed:", error);
    process.exit(1);
  },
);

import { it } from "vitest";
import { describeInBrowser, joinAs, leaveAll } from "./support/browser.js";
import { conversationPage, startConversation } from "./support/conversation-page.js";
import { useBrowserSuite } from "./support/suite.js";

describeInBrowser("debug", () => {
  const suite = useBrowserSuite();
  it("measures", async () => {
    const s = await joinAs(suite.browser, suite.server, "bpv_begeleider", {
      viewport: { width: 1366, height: 768 },
    });
    await startConversation(conversationPage(s.page));
    await conversationPage(s.page).summary.waitFor();
    await s.page.waitForTimeout(500);
    console.log(
      await s.page.evaluate(() => {
        const nav = document.querySelector(".section-stepper") as HTMLElement;
        const r = nav.getBoundingClientRect();
        const out = [
          `nav ${nav.scrollWidth} ${nav.clientWidth} left ${r.left} right ${r.right} scrollLeft ${nav.scrollLeft}`,
        ];
        for (const el of nav.querySelectorAll("*")) {
          const b = el.getBoundingClientRect();
          if (b.right > r.right + 1)
            out.push(
              `${el.tagName}.${el.className} right=${Math.round(b.right)} w=${Math.round(b.width)} text=${(el.textContent ?? "").slice(0, 30)}`,
            );
        }
        return out.slice(0, 30).join("\n");
      }),
    );
    await leaveAll([s]);
  });
});

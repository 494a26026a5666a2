import { expect, it } from "vitest";
import { describeViolations, seriousViolations } from "./support/axe.js";
import { describeInBrowser, joinAs, leaveAll, type Participant } from "./support/browser.js";
import {
  agreementCard,
  conversationPage,
  startConversation,
  typeAtEnd,
} from "./support/conversation-page.js";
import { screenshotAll, useBrowserSuite, useParticipants } from "./support/suite.js";

describeInBrowser("axe-core finds nothing serious on the conversation page", () => {
  const suite = useBrowserSuite();
  const people = useParticipants(suite);

  async function expectNoSeriousViolations(person: Participant): Promise<void> {
    const violations = await seriousViolations(person.page);
    expect(violations, `${person.role}:\n${describeViolations(violations)}`).toEqual([]);
  }

  it("notices a real problem (the scan itself works)", async () => {
    const context = await suite.browser.newContext();
    try {
      const page = await context.newPage();
      await page.setContent(
        '<html lang="nl"><head><title>Proef</title></head><body><main><img src="x.png"><button></button></main></body></html>',
      );
      const ids = (await seriousViolations(page)).map((v) => v.id).sort();
      expect(ids).toEqual(["button-name", "image-alt"]);
    } finally {
      await context.close();
    }
  });

  it("before the start (preparation), for each participant", async () => {
    for (const person of Object.values(people)) {
      await person.page.getByText("Het gesprek is nog niet begonnen").waitFor();
      await expectNoSeriousViolations(person);
    }
  });

  it("during the conversation, with the editor and a half-finished agreement, for each participant", async () => {
    await startConversation(conversationPage(people.bpv_begeleider.page));
    const trainer = conversationPage(people.praktijkopleider.page);
    await trainer.summary.waitFor();
    await trainer.addAgreementButton.click();
    await typeAtEnd(
      agreementCard(trainer.agreements.first()).text,
      "Sanne oefent het telefoongesprek",
    );
    for (const person of Object.values(people)) {
      const view = conversationPage(person.page);
      await view.summary.waitFor();
      await expect
        .poll(() => agreementCard(view.agreements.first()).missingLetters())
        .toEqual(["M", "A", "R", "T"]);
      await expectNoSeriousViolations(person);
    }
    await screenshotAll("axe-live", Object.values(people));
  });

  it("on a phone, in each part of the page", async () => {
    const phone = await joinAs(suite.browser, suite.server, "student", {
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    try {
      const view = conversationPage(phone.page);
      for (const tab of ["Leidraad", "Samenvatting", "Afspraken", "Terugblik", "Notities"]) {
        await view.tab(tab).click();
        await expect.poll(() => view.tab(tab).getAttribute("aria-selected")).toBe("true");
        const violations = await seriousViolations(phone.page);
        expect(violations, `tab ${tab}:\n${describeViolations(violations)}`).toEqual([]);
      }
    } finally {
      await leaveAll([phone]);
    }
  });
});

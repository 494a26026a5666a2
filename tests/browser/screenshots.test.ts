import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ParticipantRole } from "@driehoek/domain";
import { graphql, joinWithInvite } from "@driehoek/test-support";
import { expect, it } from "vitest";
import {
  type DeviceOptions,
  describeInBrowser,
  joinAs,
  leaveAll,
  type Participant,
} from "./support/browser.js";
import {
  agreementCard,
  conversationPage,
  startConversation,
  typeAtEnd,
  typeInSummary,
} from "./support/conversation-page.js";
import { useBrowserSuite } from "./support/suite.js";

/** Where the committed screenshots live: docs/screenshots/<phase>-<role>-<device>.png. */
const DOCS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../docs/screenshots",
);

/** Each role on the device they usually bring. */
const DEVICES: Record<ParticipantRole, { name: string; options: DeviceOptions }> = {
  student: { name: "phone", options: { viewport: { width: 390, height: 844 }, isMobile: true } },
  praktijkopleider: {
    name: "tablet",
    options: { viewport: { width: 820, height: 1180 }, isMobile: true },
  },
  bpv_begeleider: { name: "laptop", options: { viewport: { width: 1366, height: 768 } } },
};

describeInBrowser("screenshots of each role's screen at each phase", () => {
  const suite = useBrowserSuite();

  async function shoot(phase: string, people: readonly Participant[]): Promise<void> {
    for (const person of people) {
      // Let moves, fonts and the editor settle before the picture.
      await person.page.waitForTimeout(400);
      await person.page.screenshot({
        path: path.join(DOCS_DIR, `${phase}-${person.role}-${DEVICES[person.role].name}.png`),
        animations: "disabled",
        caret: "hide",
      });
    }
  }

  it("planned, Inleiding, Kern, Afronden and ended, on phone, tablet and laptop", async () => {
    const roles: ParticipantRole[] = ["student", "praktijkopleider", "bpv_begeleider"];
    const people = await Promise.all(
      roles.map((role) => joinAs(suite.browser, suite.server, role, DEVICES[role].options)),
    );
    const [student, trainer, supervisor] = people as [Participant, Participant, Participant];
    try {
      const lead = conversationPage(supervisor.page);
      await student.page.getByText("Het gesprek is nog niet begonnen").waitFor();
      await shoot("planned", people);

      await startConversation(lead);
      for (const person of people)
        await expect
          .poll(() => conversationPage(person.page).currentPhase.getAttribute("data-phase"))
          .toBe("inleiding");
      await shoot("inleiding", people);

      await lead.nextPhaseButton.click();
      for (const person of people)
        await expect
          .poll(() => conversationPage(person.page).currentPhase.getAttribute("data-phase"))
          .toBe("kern");
      await lead.nextSectionButton.click();
      await typeAtEnd(
        conversationPage(supervisor.page).sharedNotes,
        "Zoekfunctie opgeleverd; presenteren in de sprintdemo ging goed.",
      );
      await shoot("kern", people);

      await lead.nextPhaseButton.click();
      for (const person of people)
        await expect
          .poll(() => conversationPage(person.page).currentPhase.getAttribute("data-phase"))
          .toBe("afronden");
      const onPhone = conversationPage(student.page);
      await onPhone.tab("Samenvatting").click();
      await typeInSummary(
        onPhone,
        "Ik heb de zoekfunctie zelf gebouwd. Presenteren ging beter dan ik dacht.",
      );
      const onTablet = conversationPage(trainer.page);
      await onTablet.addAgreementButton.click();
      const card = agreementCard(onTablet.agreements.first());
      await typeAtEnd(card.text, "Sanne ontwerpt zelfstandig het filterscherm");
      await card.owner.selectOption({ label: "Student" });
      await shoot("afronden", people);

      const begeleider = await joinWithInvite(
        suite.server.url,
        suite.server.invite("bpv_begeleider"),
      );
      await graphql(
        suite.server.url,
        "mutation($id: ID!) { endConversation(conversationId: $id, acceptNotSmart: true) { status } }",
        { id: begeleider.conversationId },
        begeleider.accessToken,
      );
      for (const person of people)
        await person.page
          .locator(".conversation-meta .badge", { hasText: "Afgelopen" })
          .first()
          .waitFor({ state: "attached" });
      await shoot("ended", people);
      // After the end the phone's page is as tall as what it shows (the record to agree to),
      // with room for the navigation below: nothing else is stacked under it.
      const phone = await student.page.evaluate(() => {
        const panel = document.querySelector("[role=tabpanel]:not([hidden])");
        const bottom = (panel?.getBoundingClientRect().bottom ?? 0) + window.scrollY;
        return { page: document.scrollingElement?.scrollHeight ?? 0, content: Math.ceil(bottom) };
      });
      expect(
        phone.page,
        `the phone's page after the end (${phone.content}px of content)`,
      ).toBeLessThanOrEqual(phone.content + 120);
    } finally {
      await leaveAll(people);
    }
  });
});

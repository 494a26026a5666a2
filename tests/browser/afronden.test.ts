import path from "node:path";
import type { ParticipantRole } from "@driehoek/domain";
import { graphql, joinWithInvite } from "@driehoek/test-support";
import type { Page } from "playwright-core";
import { afterAll, expect, it } from "vitest";
import { describeViolations, seriousViolations } from "./support/axe.js";
import { describeInBrowser, joinAs, type Participant } from "./support/browser.js";
import { agreementCard, conversationPage, typeAtEnd } from "./support/conversation-page.js";
import { afrondenPage, giveAkkoord } from "./support/signoff-page.js";
import { SCREENSHOT_DIR, useBrowserSuite, useParticipants } from "./support/suite.js";

/** The demo conversation's people (apps/server/src/demo/demo-school.ts). */
const NAMES: Record<ParticipantRole, string> = {
  student: "Sanne Jansen",
  praktijkopleider: "Kees van Dijk",
  bpv_begeleider: "Marieke de Vries",
};
const STATEMENT = "Ik loop op schema (op de nominale lijn)";
const MOTIVATION = "Alle werkprocessen van dit blok zijn afgetekend.";
/** Not SMART: no owner, no date, no measure, no first step. */
const AGREEMENT = "Beter plannen";
const MEASURE = "De weekplanning hangt elke maandag bij de balie";
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true };
const LAPTOP = { viewport: { width: 1366, height: 768 } };

/** Saves the sign-off area as this person sees it, for a person to look at. */
async function screenshotSignoff(page: Page, name: string): Promise<void> {
  const panel = afrondenPage(page).panel;
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `afronden-${name}.png`) });
}

describeInBrowser("Afronden that helps", () => {
  const suite = useBrowserSuite();
  const people = useParticipants(suite, { started: true });
  const everyone = () => Object.values(people);
  const afronden = (role: ParticipantRole) => afrondenPage(people[role].page);
  const extra: Participant[] = [];
  afterAll(async () => {
    await Promise.all(extra.map((p) => p.context.close().catch(() => undefined)));
  });

  it("the conclusion the student chooses and types reaches the begeleider without any save press", async () => {
    const begeleider = await joinWithInvite(
      suite.server.url,
      suite.server.invite("bpv_begeleider"),
    );
    for (let i = 0; i < 2; i += 1) {
      await graphql(
        suite.server.url,
        "mutation($id: ID!) { advancePhase(conversationId: $id) { status } }",
        { id: begeleider.conversationId },
        begeleider.accessToken,
      );
    }
    for (const person of everyone()) await afrondenPage(person.page).panel.waitFor();

    // The same student on a phone as well: their form, its saved state beside the title.
    const phone = await joinAs(suite.browser, suite.server, "student", PHONE);
    extra.push(phone);
    // At Afronden's first section the phone shows the summary; the conclusion is under Leidraad.
    await phone.page.getByRole("tab", { name: "Leidraad" }).click();
    await afrondenPage(phone.page).conclusionOf("student").waitFor();

    const student = afronden("student");
    await student.choice("student", STATEMENT).check();
    await typeAtEnd(student.motivation("student"), MOTIVATION);
    expect(await student.conclusionOf("student").getByRole("button").count()).toBe(0);
    const supervisor = afronden("bpv_begeleider");
    await expect.poll(() => supervisor.shownConclusion("student").innerText()).toBe(STATEMENT);
    await expect
      .poll(() => supervisor.shownMotivation("student").innerText())
      .toContain(MOTIVATION);
    await expect
      .poll(() => student.conclusionState("student").getAttribute("data-state"))
      .toBe("saved");
    const onPhone = afrondenPage(phone.page);
    await expect
      .poll(() => onPhone.conclusionState("student").getAttribute("data-state"))
      .toBe("saved");
    await onPhone.conclusionOf("student").scrollIntoViewIfNeeded();
    await phone.page.screenshot({
      path: path.join(SCREENSHOT_DIR, "afronden-phone-390-conclusion.png"),
    });
    await supervisor.agreeWithStudent.click();
    await expect
      .poll(() => student.conclusionConfirmed.innerText())
      .toBe("Bevestigd door de BPV-begeleider.");
  });

  it("ending with an agreement that is not SMART shows the check listing it; going on is recorded", async () => {
    const trainer = conversationPage(people.praktijkopleider.page);
    await trainer.addAgreementButton.click();
    const card = agreementCard(trainer.agreements.first());
    await typeAtEnd(card.text, AGREEMENT);
    const supervisor = afronden("bpv_begeleider");
    await supervisor.endButton.click();
    // The check lists what the screen knows; had the agreement not reached it yet, the server
    // refuses the plain end and the check opens with the server's list.
    if (!(await supervisor.notSmartCheck.isVisible())) await supervisor.confirmEndButton.click();
    await supervisor.notSmartCheck.waitFor();
    const problems = await seriousViolations(people.bpv_begeleider.page);
    expect(problems, describeViolations(problems)).toEqual([]);
    const check = await supervisor.notSmartCheck.innerText();
    expect(check).toContain(`Afspraak 1: ${AGREEMENT}`);
    expect(check).toContain("Nog niet: Specifiek, Meetbaar, Acceptabel, Realistisch, Tijdgebonden");
    await supervisor.endAnywayButton.click();

    for (const person of everyone()) {
      const panel = afrondenPage(person.page);
      await expect
        .poll(() => panel.panel.getAttribute("data-status"), { message: person.role })
        .toBe("ended");
      const accepted = await panel.notSmartAccepted.innerText();
      expect(accepted).toContain(`${NAMES.bpv_begeleider} beëindigde het gesprek op`);
      expect(accepted).toContain(AGREEMENT);
    }
  });

  it("after the begeleider's akkoord, the student's edit voids it and the sign-off shows the changed field and the student's name", async () => {
    const supervisor = afronden("bpv_begeleider");
    await giveAkkoord(supervisor);
    await expect
      .poll(() => supervisor.signatureRow("bpv_begeleider").getAttribute("data-state"))
      .toBe("signed");

    const card = agreementCard(conversationPage(people.student.page).agreements.first());
    await card.open();
    await typeAtEnd(card.measure, MEASURE);
    for (const person of everyone()) {
      const panel = afrondenPage(person.page);
      await expect
        .poll(() => panel.signatureRow("bpv_begeleider").getAttribute("data-state"), {
          message: `${person.role} sees the akkoord voided`,
        })
        .toBe("voided");
      const change = panel.signatureChanges("bpv_begeleider").filter({ hasText: "Meetbaar" });
      await expect
        .poll(
          () =>
            change
              .locator(".record-change-what")
              .innerText()
              .catch(() => ""),
          {
            message: `${person.role} sees who changed what`,
          },
        )
        .toBe(`${NAMES.student} wijzigde afspraak 1: Meetbaar`);
      // It was empty when signed: only what it is now is shown.
      expect(await change.locator("del").count()).toBe(0);
      // While she types the record changes again; the list follows it.
      await expect.poll(() => change.locator("ins").innerText()).toContain(MEASURE);
    }
    const problems = await seriousViolations(people.bpv_begeleider.page);
    expect(problems, describeViolations(problems)).toEqual([]);
  });

  it("on a phone the akkoord button stays in view at the bottom while it is this person's turn", async () => {
    const phone = await joinAs(suite.browser, suite.server, "praktijkopleider", PHONE);
    extra.push(phone);
    const view = afrondenPage(phone.page);
    await view.signBox.waitFor();
    // At the top of the sign-off area the box is far below: the bar offers the button.
    await view.panel.evaluate((panel) => panel.scrollIntoView({ block: "start" }));
    await view.signBar.waitFor();
    const bar = await view.signBar.boundingBox();
    expect(bar).not.toBeNull();
    if (bar) expect(Math.round(bar.y + bar.height)).toBeLessThanOrEqual(844);
    if (bar) expect(bar.y).toBeGreaterThan(844 - 200);
    // …and above the bottom navigation, never under it.
    const nav = await phone.page.locator(".workspace-nav").boundingBox();
    expect(nav).not.toBeNull();
    if (bar && nav)
      expect(Math.round(bar.y + bar.height)).toBeLessThanOrEqual(Math.round(nav.y) + 1);
    await view.signBar.getByRole("button", { name: "Akkoord geven" }).waitFor();
    const problems = await seriousViolations(phone.page);
    expect(problems, describeViolations(problems)).toEqual([]);
    // Nothing in the sign-off area makes the phone's page scroll sideways.
    const width = await phone.page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
    expect(width).toBeLessThanOrEqual(390);
    await screenshotSignoff(phone.page, "phone-390");
    await view.signBox.scrollIntoViewIfNeeded();
    await phone.page.screenshot({
      path: path.join(SCREENSHOT_DIR, "afronden-phone-390-signbox.png"),
    });

    const laptop = await joinAs(suite.browser, suite.server, "bpv_begeleider", LAPTOP);
    extra.push(laptop);
    await afrondenPage(laptop.page).signBox.waitFor();
    await screenshotSignoff(laptop.page, "laptop-1366");
    const changes = afrondenPage(laptop.page).signatureChanges("bpv_begeleider").first();
    await changes.scrollIntoViewIfNeeded();
    await laptop.page.screenshot({
      path: path.join(SCREENSHOT_DIR, "afronden-laptop-1366-changes.png"),
    });
  });

  it("a begeleider who came in by invite is offered to log in to plan the next conversation", async () => {
    const supervisor = afronden("bpv_begeleider");
    await supervisor.nextLogin.waitFor();
    expect(
      await supervisor.panel.getByRole("button", { name: "Volgend gesprek plannen" }).count(),
    ).toBe(0);
    const href = await supervisor.nextLogin.getAttribute("href");
    expect(href).toMatch(/^\/\?redirect=%2Fgesprek%2F/);
  });

  it("a participant who goes offline sees themselves as offline, not as absent", async () => {
    const student = people.student;
    const self = student.page.locator('.presence-person[data-role="student"]');
    await student.context.setOffline(true);
    try {
      await expect.poll(() => self.getAttribute("data-presence")).toBe("offline");
      expect(await self.locator(".presence-state").innerText()).toBe("offline");
    } finally {
      await student.context.setOffline(false);
    }
    await expect.poll(() => self.getAttribute("data-presence")).toBe("online");
  });
});

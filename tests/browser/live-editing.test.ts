import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { describeInBrowser } from "./support/browser.js";
import {
  agreementCard,
  conversationPage,
  isoDateFromToday,
  typeAtEnd,
  typeInSummary,
} from "./support/conversation-page.js";
import { screenshotAll, useBrowserSuite, useParticipants } from "./support/suite.js";

describeInBrowser("co-editing the live conversation on three devices", () => {
  const suite = useBrowserSuite();
  const people = useParticipants(suite, { started: true });

  beforeAll(async () => {
    for (const person of Object.values(people))
      await conversationPage(person.page).summary.waitFor();
  });

  it("shows the student's typing in the summary on the other two screens", async () => {
    const student = conversationPage(people.student.page);
    const marker = `Ik heb deze week zelf de kassa afgesloten ${randomUUID().slice(0, 8)}`;

    await typeInSummary(student, marker);

    await expect.poll(() => student.summary.innerText()).toContain(marker);
    for (const role of ["praktijkopleider", "bpv_begeleider"] as const) {
      const other = conversationPage(people[role].page);
      await expect
        .poll(() => other.summary.innerText(), { message: `${role} sees it` })
        .toContain(marker);
    }
    await screenshotAll("summary-typed", Object.values(people));
  });

  it("shows the praktijkopleider's new agreement to the others, whose SMART hint follows the fields", async () => {
    const trainer = conversationPage(people.praktijkopleider.page);
    const student = conversationPage(people.student.page);
    const supervisor = conversationPage(people.bpv_begeleider.page);
    const watchers = [student, supervisor];

    await trainer.addAgreementButton.click();
    for (const view of [trainer, ...watchers])
      await expect.poll(() => view.agreements.count()).toBe(1);

    const mine = agreementCard(trainer.agreements.first());
    const missingOn = (view: typeof student) =>
      agreementCard(view.agreements.first()).missingLetters();
    const expectMissing = async (letters: string[]) => {
      for (const view of watchers) await expect.poll(() => missingOn(view)).toEqual(letters);
    };

    // A new agreement misses all five letters, on every screen.
    await expectMissing(["S", "M", "A", "R", "T"]);

    await typeAtEnd(mine.text, "Sanne maakt zelfstandig de weekplanning");
    await expectMissing(["M", "A", "R", "T"]);
    // The text itself arrives too, not only its effect on the hint.
    await expect
      .poll(() => agreementCard(student.agreements.first()).text.inputValue())
      .toBe("Sanne maakt zelfstandig de weekplanning");

    await typeAtEnd(mine.measure, "Kees keurt drie planningen goed");
    await expectMissing(["A", "R", "T"]);

    await mine.owner.selectOption({ label: "Student" });
    await expectMissing(["R", "T"]);

    await typeAtEnd(mine.firstStep, "Vrijdag de planning van volgende week maken");
    await expectMissing(["T"]);

    await mine.dueDate.fill(isoDateFromToday(28));
    await expectMissing([]);
    for (const view of watchers) {
      await expect
        .poll(() => agreementCard(view.agreements.first()).smartSummary.innerText())
        .toBe("SMART: alles ingevuld.");
    }
    await screenshotAll("agreement-smart", Object.values(people));
  });
});

import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { describeInBrowser } from "./support/browser.js";
import {
  type ConversationPage,
  conversationPage,
  typeAtEnd,
  typeInSummary,
} from "./support/conversation-page.js";
import { screenshotAll, useBrowserSuite, useParticipants } from "./support/suite.js";

describeInBrowser("editing while one device is offline", () => {
  const suite = useBrowserSuite();
  const people = useParticipants(suite, { started: true });

  beforeAll(async () => {
    for (const person of Object.values(people)) {
      const view = conversationPage(person.page);
      await view.summary.waitFor();
      await view.saveStatus.and(view.page.locator('[data-state="saved"]')).waitFor();
    }
  });

  it("merges the offline student's edits and the others' edits, losing nothing", async () => {
    const student = conversationPage(people.student.page);
    const trainer = conversationPage(people.praktijkopleider.page);
    const supervisor = conversationPage(people.bpv_begeleider.page);
    const everyone: ConversationPage[] = [student, trainer, supervisor];
    const tag = randomUUID().slice(0, 6);
    const marks = {
      offlineSummary: `offline-samenvatting-${tag}`,
      offlineNote: `offline-notitie-${tag}`,
      onlineSummary: `online-samenvatting-${tag}`,
      onlineNote: `online-notitie-${tag}`,
    };

    // The student's device loses the network: their screen says so, and the others see them go.
    await people.student.context.setOffline(true);
    await expect.poll(() => student.saveStatus.getAttribute("data-state")).toBe("offline");
    expect(await student.saveStatus.innerText()).toContain("Offline");
    for (const view of [trainer, supervisor]) {
      await expect
        .poll(() =>
          view.page.locator('.presence-person[data-role="student"]').getAttribute("data-online"),
        )
        .toBe("false");
    }

    // Both sides edit the summary and the shared notes at the same time.
    await typeInSummary(student, ` ${marks.offlineSummary}`);
    await typeAtEnd(student.sharedNotes, ` ${marks.offlineNote}`);
    await typeInSummary(trainer, ` ${marks.onlineSummary}`);
    await typeAtEnd(trainer.sharedNotes, ` ${marks.onlineNote}`);

    // Online, the edits travel at once; the offline device neither sends nor receives.
    await expect.poll(() => supervisor.summary.innerText()).toContain(marks.onlineSummary);
    await expect.poll(() => supervisor.sharedNotes.inputValue()).toContain(marks.onlineNote);
    expect(await supervisor.summary.innerText()).not.toContain(marks.offlineSummary);
    expect(await supervisor.sharedNotes.inputValue()).not.toContain(marks.offlineNote);
    expect(await student.summary.innerText()).not.toContain(marks.onlineSummary);
    expect(await student.sharedNotes.inputValue()).not.toContain(marks.onlineNote);
    // The student's own words stay on their screen, waiting; nothing claims they are saved.
    expect(await student.summary.innerText()).toContain(marks.offlineSummary);
    expect(await student.saveStatus.getAttribute("data-state")).toBe("offline");
    await screenshotAll("offline-1-apart", [
      people.student,
      people.praktijkopleider,
      people.bpv_begeleider,
    ]);

    // Back online: all three converge on everything typed, and the student's edits are saved.
    await people.student.context.setOffline(false);
    for (const view of everyone) {
      await expect
        .poll(() => view.summary.innerText())
        .toSatisfy(
          (text: string) =>
            text.includes(marks.offlineSummary) && text.includes(marks.onlineSummary),
        );
      await expect
        .poll(() => view.sharedNotes.inputValue())
        .toSatisfy(
          (text: string) => text.includes(marks.offlineNote) && text.includes(marks.onlineNote),
        );
    }
    await expect.poll(() => student.saveStatus.getAttribute("data-state")).toBe("saved");
    // Converged means the same text, not only the same markers.
    const summaries = await Promise.all(everyone.map((view) => view.summary.innerText()));
    const notes = await Promise.all(everyone.map((view) => view.sharedNotes.inputValue()));
    expect(new Set(summaries).size).toBe(1);
    expect(new Set(notes).size).toBe(1);
    await screenshotAll("offline-2-merged", [
      people.student,
      people.praktijkopleider,
      people.bpv_begeleider,
    ]);
  });
});

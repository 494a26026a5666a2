import fs from "node:fs";
import type { ParticipantRole } from "@driehoek/domain";
import { graphql, joinWithInvite, pdfText } from "@driehoek/test-support";
import { expect, it } from "vitest";
import { describeInBrowser } from "./support/browser.js";
import {
  agreementCard,
  conversationPage,
  isoDateFromToday,
  startConversation,
  typeAtEnd,
  typeInSummary,
} from "./support/conversation-page.js";
import { afrondenPage, giveAkkoord } from "./support/signoff-page.js";
import { screenshotAll, useBrowserSuite, useParticipants, useStorySteps } from "./support/suite.js";

/** The demo conversation's people (apps/server/src/demo/demo-school.ts). */
const NAMES: Record<ParticipantRole, string> = {
  student: "Sanne Jansen",
  praktijkopleider: "Kees van Dijk",
  bpv_begeleider: "Marieke de Vries",
};

/** What the three write, each part typed on a different device. */
const SUMMARY_START = "Ik heb de zoekfunctie zelf gebouwd en opgeleverd.";
const SUMMARY_END = " Presenteren in de sprintdemo ging beter dan ik dacht.";
const SUMMARY = `${SUMMARY_START}${SUMMARY_END}`;
const KERN_NOTE = "Zoekfunctie is af; de sprintdemo is gegeven met feedback van twee collega's.";
const AGREEMENT = {
  text: "Sanne ontwerpt zelfstandig het filterscherm van de klantenportal",
  measure: "Kees keurt het ontwerp goed in de review",
  firstStep: "Maandag schetsen maken en met Kees bespreken",
};
const CONCLUSION = "Ik loop op schema (op de nominale lijn)";
const CONCLUSION_MOTIVATION = "Werkprocessen B1-K1-W1 tot en met W4 aangetoond.";
const STUDENT_VIEW = "Ik loop voor (boven de nominale lijn)";
const STUDENT_MOTIVATION = "Ik heb meer opgeleverd dan gepland.";
/** What the praktijkopleider adds after the student signed: it voids that akkoord. */
const LATE_NOTE = "Aanvulling van Kees na afloop: de klant was erg tevreden.";

/** Collapses white space, as the record on screen wraps it. */
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

describeInBrowser("one whole conversation, from invite links to signed record and PDF", () => {
  const suite = useBrowserSuite();
  const people = useParticipants(suite);
  useStorySteps();
  const everyone = () => Object.values(people);
  const view = (role: ParticipantRole) => conversationPage(people[role].page);
  const afronden = (role: ParticipantRole) => afrondenPage(people[role].page);
  /** The locked record's hash as the begeleider's screen shows it. */
  let lockedHash = "";

  /** Waits until every screen shows `phase` as the current one in its phase bar. */
  async function expectEveryoneAt(key: string, title: string): Promise<void> {
    for (const person of everyone()) {
      const current = conversationPage(person.page).currentPhase;
      await expect
        .poll(() => current.getAttribute("data-phase", { timeout: 1_000 }).catch(() => null), {
          message: `${person.role} is at ${key}`,
        })
        .toBe(key);
      expect(await current.locator(".phase-title").innerText()).toBe(title);
    }
  }

  /** Waits until every screen's list of akkoorden shows `role` in `state`. */
  async function expectSignatureEverywhere(
    role: ParticipantRole,
    state: "pending" | "signed" | "voided",
  ): Promise<void> {
    for (const person of everyone()) {
      await expect
        .poll(() => afrondenPage(person.page).signatureRow(role).getAttribute("data-state"), {
          message: `${person.role} sees the ${role}'s akkoord as ${state}`,
        })
        .toBe(state);
    }
  }

  async function expectCountEverywhere(count: number): Promise<void> {
    for (const person of everyone()) {
      await expect
        .poll(() => afrondenPage(person.page).signatureCount.innerText(), {
          message: `${person.role} counts ${count} akkoorden`,
        })
        .toBe(`${count} van 3 akkoord`);
    }
  }

  it("the three join from their own invite links, each on their own device", async () => {
    expect(new Set(everyone().map((p) => p.context)).size).toBe(3);
    for (const person of everyone()) {
      const page = conversationPage(person.page);
      await expect.poll(() => page.heading.innerText()).toBe("BPV-gesprek met Sanne Jansen");
      await person.page.getByText("Het gesprek is nog niet begonnen").waitFor();
      // Each is who their link says: the header names them.
      await person.page
        .locator(".app-header .who")
        .filter({ hasText: NAMES[person.role] })
        .waitFor();
      expect(await page.startButton.count()).toBe(person.role === "bpv_begeleider" ? 1 : 0);
    }
    await screenshotAll("whole-1-joined", everyone());
  });

  it("the begeleider starts and everyone follows into Inleiding, then Kern gesprek", async () => {
    await startConversation(view("bpv_begeleider"));
    await expectEveryoneAt("inleiding", "Inleiding");
    for (const person of everyone()) await conversationPage(person.page).summary.waitFor();

    await view("bpv_begeleider").nextPhaseButton.click();
    await expectEveryoneAt("kern", "Kern gesprek");
    await screenshotAll("whole-2-kern", everyone());
  });

  it("the begeleider writes shared notes in Kern and the other two see them", async () => {
    const notes = view("bpv_begeleider").sharedNotes;
    await expect.poll(() => notes.getAttribute("readonly")).toBeNull();
    await typeAtEnd(notes, KERN_NOTE);
    for (const role of ["student", "praktijkopleider"] as const) {
      await expect
        .poll(() => view(role).sharedNotes.inputValue(), { message: `${role} sees the note` })
        .toBe(KERN_NOTE);
    }
  });

  it("in Afronden the student writes the summary live and the praktijkopleider sees it grow", async () => {
    await view("bpv_begeleider").nextPhaseButton.click();
    await expectEveryoneAt("afronden", "Afronden");
    for (const person of everyone()) await afrondenPage(person.page).panel.waitFor();

    const trainerSummary = view("praktijkopleider").summary;
    await typeInSummary(view("student"), SUMMARY_START);
    await expect.poll(() => trainerSummary.innerText()).toContain(SUMMARY_START);
    expect(await trainerSummary.innerText()).not.toContain(SUMMARY_END.trim());
    await typeInSummary(view("student"), SUMMARY_END);
    await expect.poll(() => trainerSummary.innerText()).toContain(SUMMARY);
    await expect.poll(() => view("bpv_begeleider").summary.innerText()).toContain(SUMMARY);
  });

  it("the praktijkopleider adds a SMART agreement and the student sees it", async () => {
    const trainer = view("praktijkopleider");
    await trainer.addAgreementButton.click();
    for (const person of everyone())
      await expect.poll(() => conversationPage(person.page).agreements.count()).toBe(1);

    const card = agreementCard(trainer.agreements.first());
    await typeAtEnd(card.text, AGREEMENT.text);
    await card.owner.selectOption({ label: "Student" });
    await card.dueDate.fill(isoDateFromToday(28));
    await typeAtEnd(card.measure, AGREEMENT.measure);
    await typeAtEnd(card.firstStep, AGREEMENT.firstStep);

    const seen = agreementCard(view("student").agreements.first());
    await expect.poll(() => seen.text.inputValue()).toBe(AGREEMENT.text);
    await expect.poll(() => seen.measure.inputValue()).toBe(AGREEMENT.measure);
    await expect.poll(() => seen.firstStep.inputValue()).toBe(AGREEMENT.firstStep);
    await expect.poll(() => seen.smartSummary.innerText()).toBe("SMART: alles ingevuld.");
    await screenshotAll("whole-3-signoff-live", everyone());
  });

  it("the student states the conclusion first, the begeleider judges otherwise with a motivation, and all see both differ", async () => {
    const supervisor = afronden("bpv_begeleider");
    // The student speaks first: until then the begeleider has nothing to confirm.
    await expect
      .poll(() => supervisor.conclusionOf("bpv_begeleider").innerText())
      .toContain("Eerst geeft de student de conclusie");
    expect(await supervisor.conclusionOf("student").getByRole("radio").count()).toBe(0);

    const student = afronden("student");
    expect(await student.conclusionOf("bpv_begeleider").getByRole("radio").count()).toBe(0);
    // The conclusion saves itself as it is chosen and typed: there is no save button.
    await student.choice("student", STUDENT_VIEW).check();
    await student.motivation("student").fill(STUDENT_MOTIVATION);
    await expect
      .poll(() => student.conclusionState("student").getAttribute("data-state"))
      .toBe("saved");
    expect(await student.conclusionOf("student").getByRole("button").count()).toBe(0);

    // The begeleider sees the student's choice, and judges otherwise: that waits for a motivation.
    await expect.poll(() => supervisor.studentChoice.innerText()).toContain(STUDENT_VIEW);
    await supervisor.choice("bpv_begeleider", CONCLUSION).check();
    await supervisor
      .conclusionOf("bpv_begeleider")
      .getByText("Geef een toelichting: je oordeel wijkt af van dat van de student.")
      .waitFor();
    await supervisor.motivation("bpv_begeleider").fill(CONCLUSION_MOTIVATION);
    await expect
      .poll(() => supervisor.conclusionState("bpv_begeleider").getAttribute("data-state"))
      .toBe("saved");

    // Each sees the other's choice; the praktijkopleider reads both.
    const trainer = afronden("praktijkopleider");
    await expect.poll(() => student.shownConclusion("bpv_begeleider").innerText()).toBe(CONCLUSION);
    await expect.poll(() => supervisor.shownConclusion("student").innerText()).toBe(STUDENT_VIEW);
    await expect.poll(() => trainer.shownConclusion("bpv_begeleider").innerText()).toBe(CONCLUSION);
    await expect.poll(() => trainer.shownConclusion("student").innerText()).toBe(STUDENT_VIEW);
    expect(await trainer.shownMotivation("bpv_begeleider").innerText()).toContain(
      CONCLUSION_MOTIVATION,
    );
    expect(await trainer.shownMotivation("student").innerText()).toContain(STUDENT_MOTIVATION);
    for (const person of everyone()) {
      await expect
        .poll(() => afrondenPage(person.page).conclusionsDiffer.innerText(), {
          message: `${person.role} is told the two differ`,
        })
        .toBe("De BPV-begeleider beoordeelt het anders dan de student.");
    }
    await screenshotAll("whole-4-conclusions", everyone());
  });

  it("the begeleider ends the conversation; every screen shows the record to sign", async () => {
    const supervisor = afronden("bpv_begeleider");
    // Only the begeleider ends it.
    expect(await afronden("student").endButton.count()).toBe(0);
    expect(await afronden("praktijkopleider").endButton.count()).toBe(0);
    await supervisor.endButton.click();
    await supervisor.confirmEndButton.click();

    for (const person of everyone()) {
      const panel = afrondenPage(person.page);
      await expect
        .poll(() => panel.panel.getAttribute("data-status"), { message: person.role })
        .toBe("ended");
      expect(await person.page.locator(".conversation-meta .badge").innerText()).toBe("Afgelopen");
      await panel.signButton.waitFor();
      // What they sign is on screen: the summary, the agreement and both conclusions.
      await expect.poll(async () => squash(await panel.record.innerText())).toContain(SUMMARY);
      const record = squash(await panel.record.innerText());
      for (const text of [AGREEMENT.text, CONCLUSION, STUDENT_VIEW, KERN_NOTE])
        expect(record, `${person.role}'s record shows "${text}"`).toContain(text);
      // No phase is current any more.
      expect(await conversationPage(person.page).currentPhase.count()).toBe(0);
    }
    await expectCountEverywhere(0);
    await screenshotAll("whole-5-ended", everyone());
  });

  it("the student signs; a later change voids that akkoord on every screen; the student signs again", async () => {
    const student = afronden("student");
    await giveAkkoord(student);
    await expectSignatureEverywhere("student", "signed");
    await expectCountEverywhere(1);

    // The praktijkopleider adds a line to the shared notes after the student signed.
    const trainer = view("praktijkopleider");
    await expect.poll(() => trainer.sharedNotes.getAttribute("readonly")).toBeNull();
    await typeAtEnd(trainer.sharedNotes, LATE_NOTE);
    await expect.poll(() => trainer.saveStatus.getAttribute("data-state")).toBe("saved");

    await expectSignatureEverywhere("student", "voided");
    for (const person of everyone()) {
      expect(await afrondenPage(person.page).signatureRow("student").innerText()).toContain(
        "Vervallen: de inhoud is na ondertekening gewijzigd — onderteken opnieuw",
      );
    }
    await expectCountEverywhere(0);
    await expect.poll(() => student.signBox.getAttribute("data-state")).toBe("voided");
    expect(await student.signBox.innerText()).toContain("Je akkoord is vervallen");
    await screenshotAll("whole-6-voided", everyone());

    // The student reads the changed record (the late note is in it) and signs again.
    await expect.poll(async () => squash(await student.record.innerText())).toContain(LATE_NOTE);
    await giveAkkoord(student);
    await expectSignatureEverywhere("student", "signed");
    await expectCountEverywhere(1);
  });

  it("the other two sign; all three screens show Vastgelegd, 3 van 3, and the same hash", async () => {
    await giveAkkoord(afronden("praktijkopleider"));
    await expectSignatureEverywhere("praktijkopleider", "signed");
    await expectCountEverywhere(2);
    await giveAkkoord(afronden("bpv_begeleider"));

    for (const person of everyone()) {
      const panel = afrondenPage(person.page);
      await expect
        .poll(() => panel.panel.getAttribute("data-status"), { message: `${person.role} locked` })
        .toBe("locked");
      await panel.lockedHeading.waitFor();
      expect(await panel.lockedRecord.getAttribute("data-state")).toBe("locked");
    }
    await expectCountEverywhere(3);
    for (const role of ["student", "praktijkopleider", "bpv_begeleider"] as const)
      await expectSignatureEverywhere(role, "signed");

    lockedHash = await afronden("bpv_begeleider").recordHash.innerText();
    // A SHA-256, shown in eight groups of eight.
    expect(lockedHash).toMatch(/^[0-9a-f]{8}( [0-9a-f]{8}){7}$/);
    for (const role of ["student", "praktijkopleider"] as const)
      expect(await afronden(role).recordHash.innerText(), role).toBe(lockedHash);
    await screenshotAll("whole-7-locked", everyone());
  });

  it("every screen, the last signer's too, says Ondertekend and the summary can no longer be edited", async () => {
    for (const person of everyone()) {
      const page = conversationPage(person.page);
      await expect
        .poll(() => page.summary.getAttribute("contenteditable"), { message: person.role })
        .toBe("false");
      expect(await page.sharedNotes.getAttribute("readonly")).not.toBeNull();
    }

    // The student tries to type in the summary anyway: nothing changes, on any screen.
    const student = view("student");
    const before = await student.summary.innerText();
    await student.summary.click();
    await student.page.keyboard.press("ControlOrMeta+End");
    await student.page.keyboard.type(" nog iets", { delay: 5 });
    expect(await student.summary.innerText()).toBe(before);
    for (const role of ["praktijkopleider", "bpv_begeleider"] as const)
      expect(await view(role).summary.innerText()).toBe(before);

    // The conversation itself says it is signed, and why nothing can be edited.
    for (const person of everyone()) {
      await expect
        .poll(() => person.page.locator(".conversation-meta .badge").innerText(), {
          message: `${person.role}'s conversation header says Ondertekend`,
        })
        .toBe("Ondertekend");
      await expect
        .poll(async () => (await person.page.locator(".notice").allInnerTexts()).map(squash), {
          message: `${person.role} is told the conversation is signed`,
        })
        .toContainEqual(
          "Het gesprek is ondertekend. Het verslag ligt vast en kan niet meer veranderen.",
        );
    }
  });

  it("the invites still open the record, but the API refuses every change of it", async () => {
    const { accessToken, conversationId } = await joinWithInvite(
      suite.server.url,
      suite.server.invite("student"),
    );
    await expect(
      graphql(
        suite.server.url,
        `mutation($id: ID!) {
            setStudentConclusion(conversationId: $id, conclusion: achter, motivation: "toch niet") { id }
          }`,
        { id: conversationId },
        accessToken,
      ),
    ).rejects.toThrow(/signed and locked/);
    // A bijzonderheid still reaches the trajectbegeleider after the akkoorden, outside the record.
    const supervisor = await joinWithInvite(
      suite.server.url,
      suite.server.invite("bpv_begeleider"),
    );
    await graphql(
      suite.server.url,
      `mutation($id: ID!) {
          flagParticular(conversationId: $id, text: "Achteraf nog iets") { id }
        }`,
      { id: conversationId },
      supervisor.accessToken,
    );
    // What was read after the attempts is what was signed.
    const { conversation } = await graphql<{
      conversation: { status: string; studentConclusion: string; record: { hash: string } };
    }>(
      suite.server.url,
      "query($id: ID!) { conversation(id: $id) { status studentConclusion record { hash } } }",
      { id: conversationId },
      accessToken,
    );
    expect(conversation.status).toBe("signed");
    expect(conversation.studentConclusion).toBe("voor");
    expect(conversation.record.hash).toBe(lockedHash.replace(/ /g, ""));
  });

  it("Controleer confirms the record is intact and all three signatures belong to it", async () => {
    for (const person of everyone()) {
      const role = person.role;
      const panel = afronden(role);
      await panel.verifyButton.click();
      await expect
        .poll(() => panel.verifyResult.innerText(), { message: `${role} verifies` })
        .toMatch(/^✓ Klopt: het vastgelegde verslag is ongewijzigd/);
    }
    await screenshotAll("whole-8-verified", everyone());
  });

  it("PDF downloaden gives the signed form with the summary, agreement, conclusion and names", async () => {
    const student = afronden("student");
    const [download] = await Promise.all([
      student.page.waitForEvent("download"),
      student.downloadPdfButton.click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const file = await download.path();
    const bytes = new Uint8Array(fs.readFileSync(file));
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const text = await pdfText(bytes);

    for (const expected of [
      "Gespreksformulier BPV",
      SUMMARY,
      KERN_NOTE,
      LATE_NOTE,
      AGREEMENT.text,
      `Eerste stap: ${AGREEMENT.firstStep}`,
      `Conclusie van de student: ${STUDENT_VIEW}`,
      `Toelichting van de student: ${STUDENT_MOTIVATION}`,
      `Oordeel BPV-begeleider: anders: ${CONCLUSION}`,
      `Toelichting: ${CONCLUSION_MOTIVATION}`,
      NAMES.student,
      NAMES.praktijkopleider,
      NAMES.bpv_begeleider,
      lockedHash.replace(/ /g, ""),
    ]) {
      expect(text, `the PDF contains "${expected}"`).toContain(expected);
    }
    // Signed by all three, digitally, and no longer a draft.
    for (const [role, name] of [
      ["Student", NAMES.student],
      ["Praktijkopleider", NAMES.praktijkopleider],
      ["BPV-begeleider", NAMES.bpv_begeleider],
    ])
      expect(text).toMatch(
        new RegExp(
          `Ondertekening .*${role} ${name} Digitaal akkoord op \\d{1,2} [a-z]+ \\d{4} \\d{2}:\\d{2}`,
        ),
      );
    expect(text).not.toContain("CONCEPT");
  });

  it("the print page shows the form with the summary and the same hash", async () => {
    const student = afronden("student");
    const page = people.student.page;
    const conversationUrl = new URL(page.url());
    expect(conversationUrl.pathname).toMatch(/^\/gesprek\/[^/]+$/);
    await student.printLink.click();
    await page.waitForURL((url) => url.pathname === `${conversationUrl.pathname}/formulier`);
    await page.getByRole("heading", { level: 1, name: "Gespreksformulier BPV" }).waitFor();
    const form = page.locator("article.form-document");
    await expect.poll(async () => squash(await form.innerText())).toContain(SUMMARY);
    expect(squash(await form.innerText())).toContain(AGREEMENT.text);
    expect(await form.locator('[data-field="record-hash"]').innerText()).toBe(lockedHash);
    expect(await form.locator('[data-field="form-state"]').innerText()).toMatch(/^Vastgelegd op /);
    await screenshotAll("whole-9-form", [people.student]);
  });
});

import fs from "node:fs";
import type { ParticipantRole } from "@driehoek/domain";
import { graphql, joinWithInvite, pdfText } from "@driehoek/test-support";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, expect, it } from "vitest";
import { describeInBrowser, openDevice } from "./support/browser.js";
import { typeAtEnd } from "./support/conversation-page.js";
import { openFromHeader } from "./support/header.js";
import { afrondenPage, giveAkkoord } from "./support/signoff-page.js";
import { screenshotAll, useBrowserSuite, useParticipants } from "./support/suite.js";

/** The demo conversation's people and its trajectbegeleider (apps/server/src/demo/demo-school.ts). */
const NAMES: Record<ParticipantRole, string> = {
  student: "Sanne Jansen",
  praktijkopleider: "Kees van Dijk",
  bpv_begeleider: "Marieke de Vries",
};
const TRAJECTBEGELEIDER = "Ahmed El Amrani";
const PARTICULAR = "Ik maak me zorgen: mijn contract bij Bytewerk loopt eerder af dan de stage.";
const STATEMENT = "Ik loop op schema (op de nominale lijn)";
/** What the begeleider writes in her private notes and passes on as a particular. */
const PRIVATE_NOTE = "Kees noemde dat de afdeling mogelijk verhuist.";
const STEPS = ["sign", "form", "enter", "particulars"] as const;

describeInBrowser("Archivering: the guide's four steps after the akkoorden", () => {
  const suite = useBrowserSuite();
  const people = useParticipants(suite, { started: true });
  const everyone = () => Object.values(people);
  const afronden = (role: ParticipantRole) => afrondenPage(people[role].page);
  const contexts: BrowserContext[] = [];
  let staff: Page;
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
  });

  /** The state (open or done) of each Archivering step on `role`'s screen. */
  const statesOf = (role: ParticipantRole) =>
    Promise.all(STEPS.map((key) => afronden(role).archiveStep(key).getAttribute("data-state")));

  it("the student flags a particular during the conversation, the begeleider one from her private notes; the trajectbegeleider sees them on the staff page and marks the student's handled", async () => {
    const page = people.student.page;
    await page.getByRole("button", { name: "Bijzonderheid melden" }).click();
    await page
      .getByLabel("Bijzonderheid voor de trajectbegeleider/het onderwijsteam")
      .fill(PARTICULAR);
    await page.getByRole("button", { name: "Melden", exact: true }).click();
    await page.getByText("Gemeld aan de trajectbegeleider.").waitFor();

    // The begeleider passes on something from her private notes: the form opens with it.
    await people.bpv_begeleider.page.getByRole("button", { name: "Privé-notities" }).click();
    const notes = people.bpv_begeleider.page.getByRole("dialog", { name: "Privé-notities" });
    await typeAtEnd(notes.getByLabel("Algemene privé-notities"), PRIVATE_NOTE);
    await notes.getByRole("button", { name: "Meld als bijzonderheid" }).click();
    const fromNotes = notes.getByLabel("Bijzonderheid voor de trajectbegeleider/het onderwijsteam");
    await expect.poll(() => fromNotes.inputValue()).toBe(PRIVATE_NOTE);
    await notes.getByRole("button", { name: "Melden", exact: true }).click();
    await notes.getByText("Gemeld aan de trajectbegeleider.").waitFor();
    await people.bpv_begeleider.page.keyboard.press("Escape");
    await notes.waitFor({ state: "hidden" });

    const login = suite.server.staff.find((s) => s.name === TRAJECTBEGELEIDER);
    if (!login) throw new Error("the demo has no trajectbegeleider login");
    const device = await openDevice(suite.browser);
    contexts.push(device.context);
    staff = device.page;
    await staff.goto(suite.server.url);
    await staff.getByLabel("E-mailadres").fill(login.email);
    await staff.getByLabel("Wachtwoord").fill(login.password);
    await staff.getByRole("button", { name: "Inloggen" }).click();
    await staff.getByRole("heading", { level: 1, name: "Mijn gesprekken" }).waitFor();
    await openFromHeader(staff, "Overzicht");
    await staff.getByRole("tab", { name: /^Bijzonderheden/ }).click();
    const panel = staff.locator('[role="tabpanel"]:not([hidden])');
    const row = panel.locator("article.report-card").filter({ hasText: PARTICULAR });
    await row.waitFor();
    expect(await row.innerText()).toContain(`Gemeld door ${NAMES.student} op`);
    await panel.locator("article.report-card").filter({ hasText: PRIVATE_NOTE }).waitFor();
    await row.getByRole("button", { name: "Afgehandeld" }).click();
    await expect.poll(() => panel.locator("article.report-card").count()).toBe(1);
  });

  it("in Afronden the student states the conclusion and the begeleider confirms it", async () => {
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

    const student = afronden("student");
    // Choosing saves it: there is no save button.
    await student.choice("student", STATEMENT).check();
    const supervisor = afronden("bpv_begeleider");
    await expect.poll(() => supervisor.studentChoice.innerText()).toContain(STATEMENT);
    await supervisor.agreeWithStudent.click();
    for (const person of everyone()) {
      await expect
        .poll(
          () =>
            afrondenPage(person.page)
              .conclusionConfirmed.innerText()
              .catch(() => ""),
          {
            message: `${person.role} sees the conclusion confirmed`,
          },
        )
        .toBe("Bevestigd door de BPV-begeleider.");
      // The particular flagged earlier is step 4, done, and handled by the trajectbegeleider.
      const particulars = afrondenPage(person.page).archiveStep("particulars");
      await expect.poll(() => particulars.getAttribute("data-state")).toBe("done");
      const listed = await particulars.innerText();
      expect(listed).toContain("2 bijzonderheden gemeld");
      expect(listed).toContain(PARTICULAR);
      expect(listed).toContain(PRIVATE_NOTE);
      expect(listed).toContain("Afgehandeld door de trajectbegeleider");
    }
  });

  it("after the three akkoorden the checklist shows each step's state to all three, and 'ingevoerd' once the begeleider records it", async () => {
    const supervisor = afronden("bpv_begeleider");
    await supervisor.endButton.click();
    await supervisor.confirmEndButton.click();
    for (const role of ["student", "praktijkopleider", "bpv_begeleider"] as const) {
      await afronden(role).signButton.waitFor();
      await giveAkkoord(afronden(role));
    }
    for (const person of everyone()) {
      await afrondenPage(person.page).lockedHeading.waitFor();
      await expect
        .poll(() => statesOf(person.role), { message: `${person.role}'s checklist` })
        .toEqual(["done", "done", "open", "done"]);
      expect(await afrondenPage(person.page).archiveStep("enter").innerText()).toContain(
        "Nog niet ingevoerd in het studentsysteem.",
      );
    }
    expect(await afronden("student").enteredButton.count()).toBe(0);
    expect(await afronden("praktijkopleider").enteredButton.count()).toBe(0);
    await screenshotAll("archive-1-signed", everyone());

    // The staff page lists the signed conversation as not yet entered.
    await staff.reload();
    await staff.getByRole("tab", { name: /^Niet ingevoerd/ }).click();
    const notEntered = staff.locator('[role="tabpanel"]:not([hidden]) article.report-card');
    await expect.poll(() => notEntered.count()).toBe(2);

    await supervisor.enteredButton.click();
    for (const person of everyone()) {
      const enter = afrondenPage(person.page).archiveStep("enter");
      await expect
        .poll(() => enter.getAttribute("data-state"), { message: `${person.role} sees it entered` })
        .toBe("done");
      expect(await enter.innerText()).toMatch(
        new RegExp(`Ingevoerd op .+ door ${NAMES.bpv_begeleider}`),
      );
    }
    await staff.reload();
    await staff.getByRole("tab", { name: /^Niet ingevoerd/ }).click();
    await expect.poll(() => notEntered.count()).toBe(1);
    await screenshotAll("archive-2-entered", everyone());
  });

  it("the PDF names each of the three with the moment of their akkoord, and the record's hash", async () => {
    const student = afronden("student");
    const [download] = await Promise.all([
      student.page.waitForEvent("download"),
      student.downloadPdfButton.click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^BPV-gesprek Sanne Jansen \d{4}-\d{2}-\d{2}\.pdf$/,
    );
    const text = await pdfText(new Uint8Array(fs.readFileSync(await download.path())));
    const hash = (await student.recordHash.innerText()).replace(/\s/g, "");
    expect(text).toContain("Ondertekening");
    for (const [role, name] of [
      ["Student", NAMES.student],
      ["Praktijkopleider", NAMES.praktijkopleider],
      ["BPV-begeleider", NAMES.bpv_begeleider],
    ]) {
      expect(text).toMatch(
        new RegExp(`${role} ${name} Digitaal akkoord op \\d{1,2} [a-z]+ \\d{4} \\d{2}:\\d{2}`),
      );
    }
    expect(text).toContain(`Controlecode (SHA-256 van het verslag): ${hash}`);
    expect(text).toContain("Op locatie");
  });
});

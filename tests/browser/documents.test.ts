import type { ParticipantRole } from "@driehoek/domain";
import { graphql, joinWithInvite } from "@driehoek/test-support";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeInBrowser } from "./support/browser.js";
import { afrondenPage } from "./support/signoff-page.js";
import { screenshotAll, useBrowserSuite, useParticipants } from "./support/suite.js";

/** A small but real PDF, as a portfolio export or a scanner would save it. */
const pdfBytes = (text: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );

const PORTFOLIO = "portfolio-sanne.pdf";
const SCAN = "gespreksformulier-getekend.pdf";

/** The documents panel of the live page (in the notes column). */
const documentsPanel = (page: Page) =>
  page.getByRole("region", { name: "Documenten", exact: true });

describeInBrowser("documents attached to the conversation, and the signed paper form", () => {
  const suite = useBrowserSuite();
  const people = useParticipants(suite, { started: true });
  const roles: ParticipantRole[] = ["student", "praktijkopleider", "bpv_begeleider"];
  /** The werkproces the first test marks, to find in the record later. */
  let werkprocesCode = "";

  /** The student states the conclusion and the begeleider ends the conversation over the API, as Afronden would. */
  async function endConversation(): Promise<void> {
    const join = (role: ParticipantRole) =>
      joinWithInvite(suite.server.url, suite.server.invite(role));
    const begeleider = await join("bpv_begeleider");
    const student = await join("student");
    const as = (who: typeof begeleider) => async (query: string) => {
      const result = await graphql(
        suite.server.url,
        query,
        { id: who.conversationId },
        who.accessToken,
      );
      expect(result.errors).toBeUndefined();
    };
    const run = as(begeleider);
    await run("mutation($id: ID!) { advancePhase(conversationId: $id) { status } }");
    await run("mutation($id: ID!) { advancePhase(conversationId: $id) { status } }");
    await as(student)(
      "mutation($id: ID!) { setStudentConclusion(conversationId: $id, conclusion: op_schema) { id } }",
    );
    await run(
      "mutation($id: ID!) { setConclusion(conversationId: $id, conclusion: op_schema) { id } }",
    );
    await run("mutation($id: ID!) { endConversation(conversationId: $id) { status } }");
  }

  it("a werkproces marked in Studievoortgang reaches the other two", async () => {
    const lists = roles.map((role) => {
      const page = people[role].page;
      return { role, page, list: page.locator('[data-part="werkprocessen"]') };
    });
    for (const { page } of lists) {
      await page
        .locator('li[data-section="studievoortgang"] button.section-button')
        .first()
        .click();
    }
    const student = lists[0]?.list;
    const first = student?.locator("fieldset[data-werkproces]").first();
    const code = (await first?.getAttribute("data-werkproces")) ?? "";
    expect(code).not.toBe("");
    await first?.getByRole("radio", { name: "Kan ik hier uitvoeren" }).check();
    for (const { role, list } of lists) {
      const radio = list
        .locator(`fieldset[data-werkproces="${code}"]`)
        .getByRole("radio", { name: "Kan ik hier uitvoeren" });
      await expect.poll(() => radio.isChecked(), { message: `${role} sees the mark` }).toBe(true);
    }
    werkprocesCode = code;
  });

  it("a document the student attaches appears for the other two, and in the record with the werkproces", async () => {
    const student = documentsPanel(people.student.page);
    await student.getByLabel("Soort document").selectOption("portfolio");
    await student.getByLabel("Bestand", { exact: true }).setInputFiles({
      name: PORTFOLIO,
      mimeType: "application/pdf",
      buffer: pdfBytes("portfolio van Sanne"),
    });
    await student.getByRole("button", { name: "Document toevoegen" }).click();
    await expect.poll(() => student.locator("[data-document]").count()).toBe(1);

    for (const role of ["praktijkopleider", "bpv_begeleider"] as const) {
      const item = documentsPanel(people[role].page).locator("[data-document]");
      await expect
        .poll(
          () =>
            item
              .first()
              .textContent()
              .catch(() => ""),
          { message: role },
        )
        .toContain(PORTFOLIO);
      await expect.poll(() => item.first().textContent()).toContain("Sanne Jansen (Student)");
      await expect.poll(() => item.first().textContent()).toContain("Portfolio");
    }

    // A wrong file is refused with a clear message and adds nothing.
    await student.getByLabel("Bestand", { exact: true }).setInputFiles({
      name: "notities.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("geen document"),
    });
    await student.getByRole("button", { name: "Document toevoegen" }).click();
    await expect
      .poll(() => student.locator('[data-field="upload-error"]').textContent())
      .toContain("Dit bestandstype wordt niet geaccepteerd");
    expect(await student.locator("[data-document]").count()).toBe(1);

    await endConversation();
    for (const role of roles) {
      const record = afrondenPage(people[role].page).record;
      await expect
        .poll(
          () =>
            record
              .locator("[data-record-document]")
              .first()
              .textContent()
              .catch(() => ""),
          {
            message: `${role} sees the document in the record`,
          },
        )
        .toContain(PORTFOLIO);
      await expect
        .poll(() => record.locator("[data-record-werkproces]").first().textContent())
        .toContain(`${werkprocesCode}`);
    }
    expect(
      await afrondenPage(people.student.page)
        .record.locator("[data-record-werkproces]")
        .first()
        .textContent(),
    ).toContain("Kan ik hier uitvoeren");
  });

  it("the begeleider uploads the signed scan and the record locks with it", async () => {
    const begeleider = afrondenPage(people.bpv_begeleider.page);
    const upload = begeleider.panel.locator('[data-part="signed-form"]');
    await upload.getByLabel("Scan van het getekende formulier").setInputFiles({
      name: SCAN,
      mimeType: "application/pdf",
      buffer: pdfBytes("getekend door alle drie"),
    });
    await upload.getByRole("button", { name: "Scan uploaden en vastzetten" }).click();
    await upload.getByRole("button", { name: "Ja, vastzetten" }).click();

    for (const role of roles) {
      const view = afrondenPage(people[role].page);
      await expect
        .poll(() => view.panel.getAttribute("data-status"), { message: `${role} sees the lock` })
        .toBe("locked");
      await expect
        .poll(() =>
          view.record
            .locator('[data-part="record-signed-form"]')
            .textContent()
            .catch(() => ""),
        )
        .toContain("Ondertekend op papier (scan)");
      await expect
        .poll(() => view.record.locator('[data-field="signed-form-name"]').textContent())
        .toBe(SCAN);
    }
    // The student downloads the scan from the record.
    const student = afrondenPage(people.student.page);
    const [download] = await Promise.all([
      people.student.page.waitForEvent("download"),
      student.record.getByRole("button", { name: "Scan downloaden" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(SCAN);
    // Nothing more can be attached once the record is locked.
    await expect
      .poll(() => documentsPanel(people.student.page).textContent())
      .toContain("Het verslag is vastgezet");
    await screenshotAll("documents-locked-by-scan", Object.values(people));
  });
});

import type { ParticipantRole } from "@driehoek/domain";
import type { Locator, Page } from "playwright-core";

/**
 * The Afronden panel of the conversation page as a person sees it, by the Dutch labels of
 * apps/web/src/i18n/features/signoff.nl.ts, with the data attributes the panel sets where a
 * state shows only visually (a signature row's state, the record's hash).
 */
export function afrondenPage(page: Page) {
  const panel = page.getByRole("region", { name: "Afronden", exact: true });
  /** One of the two conclusions: the student's statement, or the BPV-begeleider's judgement. */
  const conclusionOf = (who: "bpv_begeleider" | "student") =>
    panel.locator(`[data-conclusion-of="${who}"]`);
  /** Archivering's steps: sign, form, enter, particulars; data-state is open or done. */
  const archiveStep = (key: "sign" | "form" | "enter" | "particulars"): Locator =>
    panel.locator(`li.archive-step[data-step="${key}"]`);
  const signBox = panel.locator("section.sign-box");
  const lockedRecord = panel.locator("section.locked-record");
  return {
    page,
    panel,
    conclusionOf,
    /** A choice of a conclusion form, e.g. "Ik loop op schema (op de nominale lijn)". */
    choice: (who: "bpv_begeleider" | "student", label: string): Locator =>
      conclusionOf(who).getByRole("radio", { name: label, exact: true }),
    motivation: (who: "bpv_begeleider" | "student"): Locator =>
      conclusionOf(who).getByLabel("Toelichting", { exact: true }),
    /** The begeleider takes over the student's conclusion in one click (it saves itself). */
    agreeWithStudent: conclusionOf("bpv_begeleider").getByRole("button", {
      name: "Eens met de student",
    }),
    /** "De student koos: …" above the begeleider's choices. */
    studentChoice: conclusionOf("bpv_begeleider").locator('[data-field="student-choice"]'),
    /**
     * The saved state next to the form this person edits (it saves itself): data-state is
     * saving, saved, offline or failed.
     */
    conclusionState: (who: "bpv_begeleider" | "student"): Locator =>
      conclusionOf(who).locator(".conclusion-state"),
    /** The conclusion as a reader of someone else's form sees it. */
    shownConclusion: (who: "bpv_begeleider" | "student"): Locator =>
      conclusionOf(who).locator('[data-field="conclusion"]'),
    shownMotivation: (who: "bpv_begeleider" | "student"): Locator =>
      conclusionOf(who).locator(".conclusion-motivation"),
    conclusionsDiffer: panel.locator('[data-field="conclusions-differ"]'),
    conclusionConfirmed: panel.locator('[data-field="conclusion-confirmed"]'),

    /** Archivering: one of the guide's four steps. */
    archiveStep,
    enteredButton: panel.getByRole("button", { name: "Ingevoerd in het studentsysteem" }),
    noParticulars: panel.getByRole("checkbox", { name: "Geen bijzonderheden" }),

    endButton: panel.getByRole("button", { name: "Gesprek beëindigen", exact: true }),
    confirmEndButton: panel.getByRole("button", { name: "Ja, gesprek beëindigen" }),
    /** The check before ending when agreements are not yet SMART, listing them. */
    notSmartCheck: panel.locator('[data-check="not-smart"]'),
    endAnywayButton: panel.getByRole("button", { name: "Toch beëindigen" }),
    /** "… beëindigde het gesprek op … terwijl deze afspraken nog niet SMART waren", by the record. */
    notSmartAccepted: panel.locator('[data-field="not-smart-accepted"]'),

    /** The record as it will be signed: on screen under "Het verslag". */
    record: panel.locator('[data-part="record"] .record-frame'),
    /** The first 8 characters of the record's hash while it can still change. */
    displayedHash: panel.locator('[data-field="displayed-hash"]'),
    signatureCount: panel.locator('[data-field="signature-count"]'),
    /** One role's row in the list of akkoorden; data-state is pending, signed or voided. */
    signatureRow: (role: ParticipantRole): Locator =>
      panel.locator(`li.signature-item[data-role="${role}"]`),
    /** Under a voided akkoord: what changed since, one item per field, with who changed it. */
    signatureChanges: (role: ParticipantRole): Locator =>
      panel.locator(`li.signature-item[data-role="${role}"] li.record-change`),
    /** The akkoord button kept at the bottom of the viewport while the box is out of sight. */
    signBar: panel.locator('[data-part="sign-bar"]'),
    /** A begeleider who came in by invite is offered to log in to plan the next conversation. */
    nextLogin: panel.getByRole("link", { name: "Log in om het volgende gesprek te plannen" }),
    /** This person's own akkoord box; data-state is pending, signed or voided. */
    signBox,
    signButton: signBox.getByRole("button", { name: "Akkoord geven" }),
    /** "Het verslag is gewijzigd…": the record changed while open or just before the click. */
    recordChanged: signBox.locator('[data-field="record-changed"]'),

    /** "Vastgelegd": shown once all three signed. */
    lockedRecord,
    lockedHeading: lockedRecord.getByRole("heading", { name: "Vastgelegd" }),
    /** The locked record's full hash, in groups of 8. */
    recordHash: lockedRecord.locator('[data-field="record-hash"]'),
    verifyButton: lockedRecord.getByRole("button", { name: "Controleer" }),
    verifyResult: lockedRecord.locator('[data-field="verify-result"]'),

    downloadPdfButton: panel.getByRole("button", { name: "PDF downloaden" }),
    downloadJsonButton: panel.getByRole("button", { name: "JSON downloaden" }),
    printLink: panel.getByRole("link", { name: "Formulier om te printen" }),
  };
}

/** The page model returned by `afrondenPage`. */
export type AfrondenPage = ReturnType<typeof afrondenPage>;

/**
 * Gives this person's akkoord as they would: click "Akkoord geven", and when the page answers
 * that the record had only just changed (so nothing was signed, "Lees het opnieuw"), read it
 * and click again. Resolves with how many clicks it took; throws when signing failed.
 */
export async function giveAkkoord(view: AfrondenPage, maxClicks = 4): Promise<number> {
  // The refusal's notice is made anew on every refusal: mark the ones already on screen.
  const unseenRefusal = view.recordChanged
    .and(view.page.locator(":not([data-seen])"))
    .filter({ hasText: "Het verslag was net gewijzigd" });
  const failure = view.signBox.locator(".notice-error");
  const signed = view.signBox.and(view.page.locator('[data-state="signed"]')).or(view.lockedRecord);
  for (let click = 1; click <= maxClicks; click++) {
    await view.recordChanged.evaluateAll((notices) => {
      for (const notice of notices) notice.setAttribute("data-seen", "");
    });
    await view.signButton.click();
    await signed.or(unseenRefusal).or(failure).first().waitFor();
    if (await failure.isVisible())
      throw new Error(`Akkoord geven failed: ${await failure.innerText()}`);
    if ((await signed.count()) > 0) return click;
  }
  throw new Error(`Akkoord geven did not succeed in ${maxClicks} clicks`);
}

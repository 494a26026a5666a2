import type { Locator, Page } from "playwright-core";

/**
 * The conversation page as a person sees it, found by the Dutch labels and roles on screen
 * (apps/web/src/i18n/nl.ts), with a few data attributes where the screen shows a state only
 * visually (save status, SMART letters).
 */
export function conversationPage(page: Page) {
  return {
    page,
    heading: page.getByRole("heading", { level: 1, name: /BPV-gesprek met/ }),
    /** The student's summary: a Tiptap editor with role textbox. */
    summary: page.getByRole("textbox", { name: "Samenvatting" }),
    /** The shared document's "Opgeslagen", "Opslaan…", "Offline — …": data-state says which. */
    saveStatus: page.getByRole("region", { name: "Wie is er" }).locator(".save-status"),
    /** The polite live region where the page announces phase changes. */
    liveRegion: page.locator('[aria-live="polite"]').first(),
    phaseBar: page.getByRole("list", { name: "Fasen van het gesprek" }),
    currentPhase: page.locator('.phase-bar [aria-current="step"]'),
    startButton: page.getByRole("button", { name: "Gesprek starten" }),
    nextPhaseButton: page.getByRole("button", { name: /Volgende fase/ }),
    /** "Volgende onderdeel": the next section of the phase, or the next phase at its end. */
    nextSectionButton: page.getByRole("button", { name: /Volgende onderdeel/ }),
    previousSectionButton: page.getByRole("button", { name: /Vorig onderdeel/ }),
    /** The dialog that asks before starting on another day or alone. */
    startDialog: page.getByRole("alertdialog", { name: "Gesprek nu starten?" }),
    addAgreementButton: page.getByRole("button", { name: /Afspraak toevoegen/ }),
    agreements: page.locator("article.agreement-card"),
    /** The shared notes of the section everyone is at. */
    sharedNotes: page.getByLabel(/^Gedeelde notities bij/),
    /** The guide's steps beside the section on a laptop: the section the conversation is at. */
    currentStep: page.locator('.section-stepper [data-section] [aria-current="step"]'),
    /** The supervisor's private notes open in a drawer. */
    privateNotesButton: page.getByRole("button", { name: "Privé-notities" }),
    /** On a phone, the parts of the page are tabs. */
    tab: (name: string): Locator => page.getByRole("tab", { name }),
  };
}

/** The page model returned by `conversationPage`. */
export type ConversationPage = ReturnType<typeof conversationPage>;

/** The fields of one agreement card, by their visible labels. */
export function agreementCard(card: Locator) {
  return {
    card,
    text: card.getByLabel("Wat gaan we doen?"),
    owner: card.getByLabel("Wie doet het?"),
    dueDate: card.getByLabel("Klaar op"),
    measure: card.getByLabel("Hoe weten we dat het gelukt is?"),
    firstStep: card.getByLabel("Eerste stap"),
    /** The SMART letters this card still misses, e.g. ["S", "T"]. */
    missingLetters: async (): Promise<string[]> =>
      card
        .locator(".smart-letters li.smart-missing")
        .evaluateAll((items) => items.map((li) => li.getAttribute("data-letter") ?? "?")),
    smartSummary: card.locator(".smart-summary"),
    /** Unfolds the card (cards of others start folded to their title and SMART badge). */
    open: async (): Promise<void> => {
      const toggle = card.locator('[data-action="toggle"]');
      if ((await toggle.getAttribute("aria-expanded")) === "false") await toggle.click();
    },
  };
}

/**
 * The supervisor starts the conversation; when the page asks first (planned for another day,
 * or nobody else there yet), they confirm.
 */
export async function startConversation(view: ConversationPage): Promise<void> {
  await view.startButton.click();
  const confirm = view.startDialog.getByRole("button", { name: "Toch starten" });
  const started = view.page.locator('.phase-bar [aria-current="step"]');
  await confirm.or(started).first().waitFor({ state: "attached" });
  if (await confirm.isVisible()) await confirm.click();
}

/** Types text at the end of the summary editor, as a person would with the keyboard. */
export async function typeInSummary(view: ConversationPage, text: string): Promise<void> {
  await view.summary.click();
  await view.page.keyboard.press("ControlOrMeta+End");
  await view.page.keyboard.type(text, { delay: 5 });
}

/** Types text at the end of a textarea or input, as a person would with the keyboard. */
export async function typeAtEnd(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press("End");
  await field.press("ControlOrMeta+End");
  await field.pressSequentially(text, { delay: 5 });
}

/** A date `days` after today as 'YYYY-MM-DD', in the machine's time zone (as the page uses). */
export function isoDateFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const month = String(date.getMonth() + 1).padStart(2, "0");
  const day = String(date.getDate()).padStart(2, "0");
  return `${date.getFullYear()}-${month}-${day}`;
}

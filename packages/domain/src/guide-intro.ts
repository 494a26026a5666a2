import type { LocalizedText } from "./i18n.js";

/** A headed paragraph of the guide's preamble. */
export interface GuideIntroParagraph {
  /** The paragraph's heading as in the guide. */
  heading: LocalizedText;
  /** The paragraph, its line breaks joined with spaces. */
  text: LocalizedText;
}

/** The guide's preamble: what the conversation is for, how often, how to prepare, what is good. */
export interface GuideIntro {
  /** The guide's title. */
  title: LocalizedText;
  /** "Doel BPV- gesprek": why the conversation is held. */
  purpose: GuideIntroParagraph;
  /** "Gesprekspartners, frequentie en tijdsduur": who takes part, how often, how long. */
  frequency: GuideIntroParagraph;
  /** "Voorbereiding gesprek": what each participant does beforehand. */
  preparation: GuideIntroParagraph;
  /** "Kenmerken van een goed BPV-gesprek": the four characteristics, as a list. */
  characteristics: { heading: LocalizedText; items: readonly LocalizedText[] };
  /** Heading of the phase-by-phase guide that follows the preamble. */
  guideTitle: LocalizedText;
}

/** The preamble of the school's guide, verbatim in Dutch (typos included) with English. */
export const GUIDE_INTRO: GuideIntro = {
  title: { nl: "BPV-gesprek", en: "BPV conversation" },
  purpose: {
    heading: { nl: "Doel BPV- gesprek", en: "Purpose of the BPV conversation" },
    text: {
      nl: "Het volgen van en rapporteren over jouw voortgang tijdens de Beroepspraktijkvorming (BPV).",
      en: "Following and reporting on your progress during your work placement (BPV, beroepspraktijkvorming).",
    },
  },
  frequency: {
    heading: {
      nl: "Gesprekspartners, frequentie en tijdsduur",
      en: "Participants, frequency and duration",
    },
    text: {
      nl: "Met je praktijkopleider en BPV-begeleider voer je minimaal 2x per jaar een zogenaamd driehoeksgesprek. Heb je kortere stage dan voer je minimaal 1x per leerwerkperiode dit gesprek. Een driehoeksgesprek duurt ca. 40 minuten en kan digitaal of fysiek plaatsvinden.",
      en: "With your workplace trainer and placement supervisor you hold a so-called three-way conversation at least twice a year. If your placement is shorter, you hold this conversation at least once per leerwerkperiode (a period of the school calendar). A three-way conversation takes about 40 minutes and can take place online or in person.",
    },
  },
  preparation: {
    heading: { nl: "Voorbereiding gesprek", en: "Preparing the conversation" },
    text: {
      nl: "Jij en je gesprekspartners bereiden het gesprek voor op grond van de afspraken van de vorige keer. Je BPV-begeleider controleert of je een geldige POK hebt en neemt benodigde documenten mee. Jij doet dit ook als dit van toepassing is.",
      en: "You and the other participants prepare the conversation on the basis of the agreements made last time. Your placement supervisor checks that you have a valid placement agreement (POK) and brings the documents needed. You do so too where this applies.",
    },
  },
  characteristics: {
    heading: {
      nl: "Kenmerken van een goed BPV-gesprek",
      en: "Characteristics of a good BPV conversation",
    },
    items: [
      { nl: "Jij bent ca. 70% aan het woord.", en: "You do about 70% of the talking." },
      {
        nl: "Jouw praktijkervaringen/portfolio/studievoortgang zijn leidend.",
        en: "Your workplace experiences/portfolio/study progress lead the way.",
      },
      {
        nl: "De BPV-begeleider leidt het gesprek, maar luistert vooral.",
        en: "The placement supervisor leads the conversation, but mostly listens.",
      },
      {
        nl: "De BPV-begeleider maakt concrete afspraken met jou en je praktijkopleider.",
        en: "The placement supervisor makes concrete agreements with you and your workplace trainer.",
      },
    ],
  },
  guideTitle: { nl: "Leidraad BPV-gesprek", en: "Guide for the BPV conversation" },
};

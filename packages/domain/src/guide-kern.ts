import { EXAMPLE_QUESTIONS_LABEL, type GuidePhase } from "./guide-types.js";
import type { LocalizedText } from "./i18n.js";

/** Kern's goal on its heading; the guide gives it to the review of previous agreements. */
const STRUCTURE_GOAL: LocalizedText = {
  nl: "structuur aanbrengen in het gesprek.",
  en: "bringing structure to the conversation.",
};

/** Kern's second goal ("Vervolg Kern gesprek"), for every section after the review. */
const DEVELOPMENT_GOAL: LocalizedText = {
  nl: "in beeld brengen hoe het met (de ontwikkeling van) de student gaat.",
  en: "getting a picture of how the student (and the student's development) is doing.",
};

/**
 * Phase 2 of the guide, "Kern gesprek (30 min)": review of previous agreements, then progress,
 * competences, career and practical matters.
 */
export const KERN: GuidePhase = {
  key: "kern",
  title: { nl: "Kern gesprek", en: "Core of the conversation" },
  plannedMinutes: 30,
  goal: STRUCTURE_GOAL,
  sections: [
    {
      key: "afspraken-vorige",
      title: {
        nl: "Afspraken vorig bijeenkomst BPV-gesprek",
        en: "Agreements from the previous BPV conversation",
      },
      goal: STRUCTURE_GOAL,
      tip: null,
      exampleQuestionsLabel: EXAMPLE_QUESTIONS_LABEL,
      exampleQuestions: [
        {
          nl: "Hoe ver ben je met de afspraken van de vorige bijeenkomst?",
          en: "How far along are you with the agreements from the previous meeting?",
        },
        {
          nl: "Hoe komt het dat je deze afspraak nog niet bent nagekomen?",
          en: "Why have you not kept this agreement yet?",
        },
        { nl: "Wat heb je daar nog voor nodig?", en: "What do you still need for it?" },
      ],
    },
    {
      key: "studievoortgang",
      title: {
        nl: "Studievoortgang portfolio/werkprocessen",
        en: "Study progress portfolio/work processes",
      },
      goal: DEVELOPMENT_GOAL,
      tip: {
        nl: "het portfolio of voortgangsoverzicht op tafel of scherm",
        en: "have the portfolio or progress overview on the table or on screen",
      },
      exampleQuestionsLabel: EXAMPLE_QUESTIONS_LABEL,
      exampleQuestions: [
        {
          nl: "Hoe gaat het met het maken van je opdrachten/bewijskaarten/projecten?",
          en: "How is it going with your assignments/evidence cards/projects?",
        },
        {
          nl: "Welke kerntaken/werkprocessen kun je hier uitvoeren?",
          en: "Which core tasks/work processes can you carry out here?",
        },
        {
          nl: "Welke kerntaken/werkprocessen verwacht je hier niet te kunnen uitvoeren?",
          en: "Which core tasks/work processes do you expect not to be able to carry out here?",
        },
        { nl: "Hoe ga je dat oplossen/aanpakken?", en: "How are you going to solve/tackle that?" },
      ],
    },
    {
      key: "sociaal-communicatief",
      title: {
        nl: "Sociaal-/communicatieve competenties",
        en: "Social/communicative competences",
      },
      goal: DEVELOPMENT_GOAL,
      tip: {
        nl: "hierbij kun je de L&B-criteria gebruiken",
        en: "you can use the L&B criteria (career and citizenship) for this",
      },
      exampleQuestionsLabel: EXAMPLE_QUESTIONS_LABEL,
      exampleQuestions: [
        {
          nl: "Hoe is het contact met je collega’s/praktijkopleider/klanten?",
          en: "How is your contact with your colleagues/workplace trainer/customers?",
        },
        { nl: "Waaruit blijkt dat?", en: "What shows that?" },
        {
          nl: "Waarin ben je goed, betreffende de omgang met anderen/collega’s?",
          en: "What are you good at when it comes to dealing with others/colleagues?",
        },
        {
          nl: "Wat vind je lastig in de omgang en communicatie met anderen?",
          en: "What do you find difficult in dealing and communicating with others?",
        },
        {
          nl: "Hoe ga je om met verkregen feedback?",
          en: "How do you deal with the feedback you receive?",
        },
      ],
    },
    {
      key: "vaktechnisch",
      title: { nl: "Vaktechnische competenties", en: "Vocational and technical competences" },
      goal: DEVELOPMENT_GOAL,
      tip: {
        nl: "vraag de student naar een opdracht/bewijskaart/klus waar hij of zij trots op is",
        en: "ask the student about an assignment/evidence card/job he or she is proud of",
      },
      exampleQuestionsLabel: EXAMPLE_QUESTIONS_LABEL,
      exampleQuestions: [
        {
          nl: "Wat is de kwaliteit van het werk dat je levert?",
          en: "What is the quality of the work you deliver?",
        },
        { nl: "Hoe gaat het met het werktempo?", en: "How is your working pace?" },
        {
          nl: "Wat heb je geleerd over het vak/de bijbehorende technieken?",
          en: "What have you learned about the trade/the techniques that go with it?",
        },
        { nl: "Wat wil je nog graag leren?", en: "What would you still like to learn?" },
      ],
    },
    {
      key: "loopbaan",
      title: { nl: "Loopbaan-oriëntatie/toekomst", en: "Career orientation/future" },
      goal: DEVELOPMENT_GOAL,
      tip: null,
      exampleQuestionsLabel: EXAMPLE_QUESTIONS_LABEL,
      exampleQuestions: [
        {
          nl: "Welke verwachtingen had je van te voren met betrekking tot het beroep?",
          en: "What expectations did you have of the profession beforehand?",
        },
        { nl: "Hoe denk je daar nu over?", en: "How do you feel about that now?" },
        { nl: "Wat zou je graag willen bereiken?", en: "What would you like to achieve?" },
        { nl: "Waar ben je goed in?", en: "What are you good at?" },
        { nl: "Hoe kun je dat uitbouwen?", en: "How can you build on that?" },
        {
          nl: "Waar zie je jezelf over 5 of 10 jaar?",
          en: "Where do you see yourself in 5 or 10 years?",
        },
        {
          nl: "Wat spreekt je het meest aan in dit bedrijf/beroep/het vak?",
          en: "What appeals to you most in this company/profession/the trade?",
        },
      ],
    },
    {
      key: "praktisch",
      title: { nl: "Praktisch", en: "Practical matters" },
      goal: DEVELOPMENT_GOAL,
      tip: null,
      exampleQuestionsLabel: EXAMPLE_QUESTIONS_LABEL,
      exampleQuestions: [
        {
          nl: "Op welke momenten heb je samen een voortgangsgesprek?",
          en: "At what moments do you hold a progress meeting together?",
        },
        {
          nl: "Hoe ga je om met bedrijfsafspraken (bijv. ziekmelden)?",
          en: "How do you deal with company rules (e.g. calling in sick)?",
        },
      ],
    },
  ],
};

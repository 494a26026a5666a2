import { EXAMPLE_QUESTIONS_LABEL, type GuidePhase } from "./guide-types.js";
import type { LocalizedText } from "./i18n.js";

const AFRONDEN_GOAL: LocalizedText = {
  nl: "gesprek afronden.",
  en: "closing the conversation.",
};

/**
 * Phase 3 of the guide, "Afronden (5 min)": the student's summary, the conclusion against the
 * nominal line, new SMART agreements and archiving.
 */
export const AFRONDEN: GuidePhase = {
  key: "afronden",
  title: { nl: "Afronden", en: "Closing" },
  plannedMinutes: 5,
  goal: AFRONDEN_GOAL,
  sections: [
    {
      key: "samenvatten",
      title: { nl: "Gesprek kort samenvatten", en: "Briefly summarising the conversation" },
      goal: AFRONDEN_GOAL,
      tip: null,
      exampleQuestionsLabel: EXAMPLE_QUESTIONS_LABEL,
      exampleQuestions: [
        {
          nl: "Wil jij (student) het gesprek samenvatten?",
          en: "Would you (student) summarise the conversation?",
        },
        {
          nl: "Wat is volgens jou het belangrijkste wat we hebben besproken tijdens dit gesprek?",
          en: "What do you think is the most important thing we discussed in this conversation?",
        },
        {
          nl: "Ik wil graag het gesprek gaan afronden. Als ik het goed begrepen heb, ……",
          en: "I would like to start closing the conversation. If I have understood correctly, ……",
        },
      ],
    },
    {
      // The three options (voor / op schema / achter) are a choice, not questions: they live in
      // CONCLUSIONS and CONCLUSION_LABELS so the record can store the choice by key.
      key: "conclusie",
      title: { nl: "Conclusie", en: "Conclusion" },
      goal: AFRONDEN_GOAL,
      tip: null,
      exampleQuestionsLabel: null,
      exampleQuestions: [],
    },
    {
      key: "nieuwe-afspraken",
      title: { nl: "Nieuwe afspraken maken", en: "Making new agreements" },
      goal: AFRONDEN_GOAL,
      tip: {
        nl: "maak de afspraken zo concreet mogelijk (SMART)",
        en: "make the agreements as concrete as possible (SMART)",
      },
      exampleQuestionsLabel: EXAMPLE_QUESTIONS_LABEL,
      exampleQuestions: [
        {
          nl: "Welke afspraken zal ik noteren/noteer jij?",
          en: "Which agreements shall I note down/will you note down?",
        },
        {
          nl: "Aan welke werkprocessen ga je de komende periode werken?",
          en: "Which work processes will you work on in the coming period?",
        },
        { nl: "Hoe ga je deze doelen bereiken?", en: "How are you going to achieve these goals?" },
        { nl: "Wat is je eerste stap?", en: "What is your first step?" },
      ],
    },
    {
      key: "archivering",
      title: {
        nl: "Archivering handtekeningen of digitaal akkoord",
        en: "Archiving: signatures or digital approval",
      },
      goal: AFRONDEN_GOAL,
      tip: null,
      // The guide lists these steps without a label: they are steps, not questions.
      exampleQuestionsLabel: null,
      exampleQuestions: [
        { nl: "Ondertekenen gespreksformulier BPV", en: "Sign the BPV conversation form" },
        {
          nl: "Uploaden of printen gespreksformulier BPV",
          en: "Upload or print the BPV conversation form",
        },
        {
          nl: "Invoeren rapportage in het digitale studentsysteem.",
          en: "Enter the report into the digital student information system.",
        },
        {
          nl: "Bijzonderheden terugkoppelen aan trajectbegeleider/onderwijsteam.",
          en: "Report particulars back to the programme coach/education team.",
        },
      ],
    },
  ],
};

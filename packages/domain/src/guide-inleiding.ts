import { EXAMPLE_QUESTIONS_LABEL, type GuidePhase } from "./guide-types.js";
import type { LocalizedText } from "./i18n.js";

const INLEIDING_GOAL: LocalizedText = {
  nl: "warm welkom en relatie.",
  en: "a warm welcome and the relationship.",
};

/** Phase 1 of the guide, "Inleiding (5 min)": welcome, conversation goals, process agreements. */
export const INLEIDING: GuidePhase = {
  key: "inleiding",
  title: { nl: "Inleiding", en: "Introduction" },
  plannedMinutes: 5,
  goal: INLEIDING_GOAL,
  sections: [
    {
      key: "welkom",
      title: { nl: "Welkom", en: "Welcome" },
      goal: INLEIDING_GOAL,
      tip: null,
      exampleQuestionsLabel: null,
      exampleQuestions: [],
    },
    {
      key: "gespreksdoel",
      title: { nl: "Gespreksdoel aanvullen", en: "Adding to the conversation goals" },
      goal: INLEIDING_GOAL,
      tip: null,
      exampleQuestionsLabel: EXAMPLE_QUESTIONS_LABEL,
      exampleQuestions: [
        {
          nl: "Mijn doelstelling vanuit Curio is…..",
          en: "My objective on behalf of Curio is…..",
        },
        {
          nl: "Welke gespreksdoelen heb jij (student)?",
          en: "What goals do you (student) have for this conversation?",
        },
        {
          nl: "Welke gespreksdoelen heeft u (praktijkopleider) ?",
          en: "What goals do you (workplace trainer) have for this conversation?",
        },
        {
          nl: "Wanneer zijn jullie aan het einde van dit gesprek tevreden?",
          en: "When will you both be satisfied at the end of this conversation?",
        },
      ],
    },
    {
      key: "procesafspraken",
      title: { nl: "Procesafspraken", en: "Process agreements" },
      goal: {
        nl: "bespreken hoe het gesprek zal verlopen",
        en: "discussing how the conversation will go",
      },
      tip: null,
      exampleQuestionsLabel: {
        nl: "Voorbeeldvragen/-opmerkingen",
        en: "Example questions/remarks",
      },
      exampleQuestions: [
        {
          nl: "Aangeven tijdsduur gesprek.",
          en: "State how long the conversation will take.",
        },
        {
          nl: "Tijdens het gesprek zal ik alvast aantekeningen maken voor het eindverslag.",
          en: "During the conversation I will already take notes for the final report.",
        },
        {
          nl: "Ik ben gewend om me voornamelijk te richten op de student en aanvulling te vragen aan de praktijkopleider. Is dat voor jullie akkoord?",
          en: "I usually address the student mainly and ask the workplace trainer to add to that. Is that all right with you?",
        },
      ],
    },
  ],
};

import type { guideNl } from "./guide.nl";

/** English texts around the guide's opening and preparing the conversation together. */
export const guideEn: typeof guideNl = {
  guide: {
    about: "About this conversation",
    close: "Close",
    loading: "Loading what this conversation is about…",
    listenReminder:
      "The student does about 70% of the talking. You lead the conversation, but mostly listen.",
    listenLabel: "Reminder for the placement supervisor",
    tasksTitle: "Your preparation ({role})",
    tasksHint: "Tick off what you have done; only you see this, on this device.",
    othersTasks: "What do the others do beforehand?",
    goalsTitle: "Conversation goals",
    goalsIntro:
      "What do the student and the workplace trainer want from this conversation? Everyone in the conversation sees and writes along.",
    goalsStudentHint:
      "For example: what are you proud of, what do you struggle with, what do you want to learn?",
    goalsTrainerHint: "For example: what would you like to discuss about the student's work?",
  },
};

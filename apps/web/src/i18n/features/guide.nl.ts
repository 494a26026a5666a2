/** Dutch texts around the guide's opening and preparing the conversation together. */
export const guideNl = {
  guide: {
    about: "Over dit gesprek",
    close: "Sluiten",
    loading: "Uitleg over het gesprek laden…",
    listenReminder:
      "De student is ca. 70% aan het woord. Jij leidt het gesprek, maar luistert vooral.",
    listenLabel: "Herinnering voor de BPV-begeleider",
    tasksTitle: "Jouw voorbereiding ({role})",
    tasksHint: "Vink af wat je gedaan hebt; alleen jij ziet dit, op dit apparaat.",
    othersTasks: "Wat doen de anderen vooraf?",
    goalsTitle: "Gespreksdoelen",
    goalsIntro:
      "Wat willen de student en de praktijkopleider uit dit gesprek halen? Iedereen in het gesprek ziet en schrijft mee.",
    goalsStudentHint:
      "Bijvoorbeeld: waar ben je trots op, waar loop je tegenaan, wat wil je leren?",
    goalsTrainerHint: "Bijvoorbeeld: wat wilt u bespreken over het werk van de student?",
  },
};

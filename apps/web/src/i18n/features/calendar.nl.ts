/** Dutch texts for the school calendar (the Schoolkalender tab of /beheer). */
export const calendarNl = {
  calendar: {
    tab: "Schoolkalender",
    title: "Schoolkalender",
    intro:
      "Per schooljaar de leerwerkperiodes en vakanties. Daarop rust de regel: minimaal 2x per jaar een gesprek, of bij een kortere stage minimaal 1x per leerwerkperiode. Voorgestelde gespreksdata vallen op schooldagen.",
    schoolYear: "Schooljaar",
    isDefault: "Nog niet vastgelegd: dit is de standaardkalender.",
    periodCount: "Aantal leerwerkperiodes",
    periodCountOption: "{n} leerwerkperiodes",
    periods: "Leerwerkperiodes",
    period: "Leerwerkperiode {n}",
    start: "Van",
    end: "Tot en met",
    holidays: "Vakanties",
    holidayName: "Naam",
    noHolidays: "Geen vakanties.",
    addHoliday: "Vakantie toevoegen",
    removeHoliday: "{name} verwijderen",
    unnamedHoliday: "Vakantie {n}",
    save: "Kalender opslaan",
    saving: "Bezig met opslaan…",
    saved: "Opgeslagen. Alle stages zijn opnieuw beoordeeld.",
    loading: "Kalender laden…",
    hasProblems: "De kalender is niet opgeslagen:",
    /** The window of the frequency rule, e.g. "leerwerkperiode feb–jul 2027" ({months} from the planner). */
    window: "leerwerkperiode {months}",
    problems: {
      schoolYear: "Dit schooljaar bestaat niet.",
      periodCount: "Kies 1 tot 6 leerwerkperiodes.",
      periodDate: "Leerwerkperiode {n} heeft geen geldige datum.",
      periodOrder: "Leerwerkperiode {n} eindigt voor hij begint.",
      periodsNotContiguous:
        "Leerwerkperiode {n} moet beginnen op de dag na het einde van de vorige.",
      periodsOutsideYear:
        "De eerste leerwerkperiode begint op {start} en de laatste eindigt op {end} (het schooljaar).",
      holidayCount: "Te veel vakanties.",
      holidayName: "Vakantie {n} heeft een naam nodig.",
      holidayDate: "Vakantie {n} heeft geen geldige datum.",
      holidayOrder: "Vakantie {n} eindigt voor hij begint.",
      holidayOutsideYear: "Vakantie {n} valt buiten het schooljaar.",
    },
  },
};

import type { calendarNl } from "./calendar.nl";

/** English texts for the school calendar, key for key the same as the Dutch ones. */
export const calendarEn: typeof calendarNl = {
  calendar: {
    tab: "School calendar",
    title: "School calendar",
    intro:
      "The leerwerkperiodes (the periods of the school calendar, often August–January and February–July) and holidays of each school year. The rule rests on them: at least 2 conversations a year, or at least 1 per leerwerkperiode for a shorter placement. Proposed conversation dates fall on school days.",
    schoolYear: "School year",
    isDefault: "Not set yet: this is the default calendar.",
    periodCount: "Number of leerwerkperiodes",
    periodCountOption: "{n} leerwerkperiodes",
    periods: "Leerwerkperiodes",
    period: "Leerwerkperiode {n}",
    start: "From",
    end: "To (inclusive)",
    holidays: "Holidays",
    holidayName: "Name",
    noHolidays: "No holidays.",
    addHoliday: "Add a holiday",
    removeHoliday: "Remove {name}",
    unnamedHoliday: "Holiday {n}",
    save: "Save calendar",
    saving: "Saving…",
    saved: "Saved. Every placement has been judged again.",
    loading: "Loading the calendar…",
    hasProblems: "The calendar was not saved:",
    window: "leerwerkperiode {months}",
    problems: {
      schoolYear: "This school year does not exist.",
      periodCount: "Choose 1 to 6 leerwerkperiodes.",
      periodDate: "Leerwerkperiode {n} has no valid date.",
      periodOrder: "Leerwerkperiode {n} ends before it starts.",
      periodsNotContiguous: "Leerwerkperiode {n} must start the day after the previous one ends.",
      periodsOutsideYear:
        "The first leerwerkperiode starts on {start} and the last ends on {end} (the school year).",
      holidayCount: "Too many holidays.",
      holidayName: "Holiday {n} needs a name.",
      holidayDate: "Holiday {n} has no valid date.",
      holidayOrder: "Holiday {n} ends before it starts.",
      holidayOutsideYear: "Holiday {n} falls outside the school year.",
    },
  },
};

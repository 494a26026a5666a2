import { GUIDE_INTRO, type Locale, PARTICIPANT_ROLES, PREPARATION_TASKS } from "@driehoek/domain";
import type { GuideIntro } from "../graphql/guide";

/** The opening as the API sends it, in one language. */
export function apiIntro(l: Locale = "nl"): GuideIntro {
  const part = (p: typeof GUIDE_INTRO.purpose) => ({ heading: p.heading[l], text: p.text[l] });
  return {
    title: GUIDE_INTRO.title[l],
    purpose: part(GUIDE_INTRO.purpose),
    frequency: part(GUIDE_INTRO.frequency),
    preparation: part(GUIDE_INTRO.preparation),
    characteristicsHeading: GUIDE_INTRO.characteristics.heading[l],
    characteristics: GUIDE_INTRO.characteristics.items.map((item) => item[l]),
    preparationTasks: PARTICIPANT_ROLES.map((role) => ({
      role,
      tasks: PREPARATION_TASKS[role].map((task) => task[l]),
    })),
  };
}

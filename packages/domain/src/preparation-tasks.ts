import type { LocalizedText } from "./i18n.js";
import type { ParticipantRole } from "./roles.js";

/**
 * What each of the three does before the conversation, from the guide's "Voorbereiding gesprek"
 * (and, for the goals, its Inleiding's "Gespreksdoel aanvullen"), as a short checklist per role.
 * The guide says it once to the student; here it is said to each person in their own words.
 */
export const PREPARATION_TASKS: Record<ParticipantRole, readonly LocalizedText[]> = {
  student: [
    {
      nl: "Bereid het gesprek voor op grond van de afspraken van de vorige keer.",
      en: "Prepare the conversation on the basis of the agreements made last time.",
    },
    {
      nl: "Schrijf op welke gespreksdoelen jij hebt.",
      en: "Write down the goals you have for this conversation.",
    },
    {
      nl: "Neem benodigde documenten mee, als dit van toepassing is.",
      en: "Bring the documents needed, where this applies.",
    },
  ],
  praktijkopleider: [
    {
      nl: "Bereid het gesprek voor op grond van de afspraken van de vorige keer.",
      en: "Prepare the conversation on the basis of the agreements made last time.",
    },
    {
      nl: "Schrijf op welke gespreksdoelen u heeft.",
      en: "Write down the goals you have for this conversation.",
    },
  ],
  bpv_begeleider: [
    {
      nl: "Bereid het gesprek voor op grond van de afspraken van de vorige keer.",
      en: "Prepare the conversation on the basis of the agreements made last time.",
    },
    {
      nl: "Controleer of de student een geldige POK heeft.",
      en: "Check that the student has a valid placement agreement (POK).",
    },
    { nl: "Neem benodigde documenten mee.", en: "Bring the documents needed." },
  ],
};

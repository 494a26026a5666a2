import {
  GUIDE,
  GUIDE_INTRO,
  type Locale,
  PARTICIPANT_ROLES,
  PREPARATION_TASKS,
} from "@driehoek/domain";
import { Arg, Query, Resolver } from "type-graphql";
import { badInput } from "../../graphql/errors.js";
import { GuideIntroType, GuidePhaseType } from "./guide.types.js";

const LOCALES: readonly Locale[] = ["nl", "en"];

/** The locale argument, checked: bad input names the two there are. */
function localeOf(locale: string): Locale {
  if (!LOCALES.includes(locale as Locale)) {
    throw badInput(`Unknown locale "${locale.slice(0, 20)}"; use "nl" or "en".`);
  }
  return locale as Locale;
}

/** The school's conversation guide (leidraad), public: it holds no personal data. */
@Resolver()
export class GuideResolver {
  @Query(() => [GuidePhaseType], { description: "The phases and sections of the guide." })
  guide(@Arg("locale", () => String, { defaultValue: "nl" }) locale: string): GuidePhaseType[] {
    const l = localeOf(locale);
    return GUIDE.map((phase) => ({
      key: phase.key,
      title: phase.title[l],
      plannedMinutes: phase.plannedMinutes,
      goal: phase.goal[l],
      sections: phase.sections.map((section) => ({
        key: section.key,
        title: section.title[l],
        goal: section.goal[l],
        tip: section.tip ? section.tip[l] : null,
        exampleQuestionsLabel: section.exampleQuestionsLabel?.[l] ?? null,
        exampleQuestions: section.exampleQuestions.map((q) => q[l]),
      })),
    }));
  }

  @Query(() => GuideIntroType, {
    description:
      "The guide's opening: why the conversation is held, how often and how long, how to prepare, what makes it good.",
  })
  guideIntro(@Arg("locale", () => String, { defaultValue: "nl" }) locale: string): GuideIntroType {
    const l = localeOf(locale);
    const paragraph = (p: typeof GUIDE_INTRO.purpose) => ({
      heading: p.heading[l],
      text: p.text[l],
    });
    return {
      title: GUIDE_INTRO.title[l],
      purpose: paragraph(GUIDE_INTRO.purpose),
      frequency: paragraph(GUIDE_INTRO.frequency),
      preparation: paragraph(GUIDE_INTRO.preparation),
      characteristicsHeading: GUIDE_INTRO.characteristics.heading[l],
      characteristics: GUIDE_INTRO.characteristics.items.map((item) => item[l]),
      preparationTasks: PARTICIPANT_ROLES.map((role) => ({
        role,
        tasks: PREPARATION_TASKS[role].map((task) => task[l]),
      })),
    };
  }
}

import { GUIDE, type Locale } from "@driehoek/domain";
import { Arg, Query, Resolver } from "type-graphql";
import { badInput } from "../../graphql/errors.js";
import { GuidePhaseType } from "./guide.types.js";

const LOCALES: readonly Locale[] = ["nl", "en"];

/** The school's conversation guide (leidraad), public: it holds no personal data. */
@Resolver()
export class GuideResolver {
  @Query(() => [GuidePhaseType], { description: "The phases and sections of the guide." })
  guide(@Arg("locale", () => String, { defaultValue: "nl" }) locale: string): GuidePhaseType[] {
    if (!LOCALES.includes(locale as Locale)) badInputLocale(locale);
    const l = locale as Locale;
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
        exampleQuestions: section.exampleQuestions.map((q) => q[l]),
      })),
    }));
  }
}

function badInputLocale(locale: string): never {
  throw badInput(`Unknown locale "${locale.slice(0, 20)}"; use "nl" or "en".`);
}

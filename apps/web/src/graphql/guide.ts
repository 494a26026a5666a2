/** The guide's opening: shown on the join page, while preparing, and one tap away live. */
import type { ResultOf } from "@graphql-typed-document-node/core";
import { graphql } from "./generated";

/** The guide's opening in one language, with each role's preparation checklist. */
export const GUIDE_INTRO = graphql(`
  query GuideIntro($locale: String!) {
    guideIntro(locale: $locale) {
      title
      purpose {
        heading
        text
      }
      frequency {
        heading
        text
      }
      preparation {
        heading
        text
      }
      characteristicsHeading
      characteristics
      preparationTasks {
        role
        tasks
      }
    }
  }
`);

/** The guide's opening, already in the requested language. */
export type GuideIntro = ResultOf<typeof GUIDE_INTRO>["guideIntro"];

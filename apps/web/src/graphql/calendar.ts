/** The school calendar (admin, Beheer → Schoolkalender): leerwerkperiodes and holidays per school year. */

import { graphql } from "./generated";

graphql(`
  fragment SchoolCalendarFields on SchoolCalendar {
    schoolYear
    label
    start
    end
    isDefault
    periods {
      start
      end
    }
    holidays {
      name
      start
      end
    }
  }
`);

/** One school year's calendar; the default when the school stored none. */
export const SCHOOL_CALENDAR = graphql(`
  query SchoolCalendar($schoolYear: Int!) {
    schoolCalendar(schoolYear: $schoolYear) {
      ...SchoolCalendarFields
    }
  }
`);

/** Stores a school year's calendar; the server judges every placement again. */
export const SAVE_SCHOOL_CALENDAR = graphql(`
  mutation SaveSchoolCalendar($input: SchoolCalendarInput!) {
    saveSchoolCalendar(input: $input) {
      ...SchoolCalendarFields
    }
  }
`);

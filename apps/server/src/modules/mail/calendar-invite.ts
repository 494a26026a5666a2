import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalAttendeeRole, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { DateTime } from "luxon";

/** The time zone every invite is written in: where the schools are. */
export const SCHOOL_TIME_ZONE = "Europe/Amsterdam";

/** One conversation as a calendar entry for one recipient. */
export interface CalendarEntry {
  /** REQUEST adds or updates the entry; CANCEL removes it. */
  method: "REQUEST" | "CANCEL";
  /** Stable per conversation, so a move updates and a cancel removes the same entry. */
  uid: string;
  /** Higher on every change (a calendar ignores an update with a lower one). */
  sequence: number;
  start: Date;
  durationMinutes: number;
  summary: string;
  description: string;
  location: string | null;
  /** The recipient's own link into the conversation. */
  url: string | null;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
}

/** Writes an iCalendar file (RFC 5545/5546) with one event, its times in Europe/Amsterdam. */
export function calendarInvite(entry: CalendarEntry): string {
  const calendar = ical({
    prodId: { company: "Driehoek", product: "BPV-gesprek", language: "NL" },
    method: entry.method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: { name: SCHOOL_TIME_ZONE, generator: getVtimezoneComponent },
  });
  // ical-generator writes a plain Date in the process's own zone; a zoned DateTime is exact.
  const inSchoolZone = (moment: Date) => DateTime.fromJSDate(moment, { zone: SCHOOL_TIME_ZONE });
  calendar.createEvent({
    id: entry.uid,
    sequence: entry.sequence,
    start: inSchoolZone(entry.start),
    end: inSchoolZone(new Date(entry.start.getTime() + entry.durationMinutes * 60_000)),
    timezone: SCHOOL_TIME_ZONE,
    summary: entry.summary,
    description: entry.description,
    location: entry.location ?? undefined,
    url: entry.url ?? undefined,
    status: entry.method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: entry.organizer,
    attendees: [
      {
        name: entry.attendee.name,
        email: entry.attendee.email,
        role: ICalAttendeeRole.REQ,
        rsvp: false,
      },
    ],
  });
  return calendar.toString();
}

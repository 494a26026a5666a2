/**
 * Date-only helpers for ISO dates ('YYYY-MM-DD').
 *
 * All math is done on UTC midnights so that a date never shifts by a day because of the
 * machine's time zone or a daylight-saving change.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether `value` is a strict 'YYYY-MM-DD' string naming a real calendar date
 * ('2026-02-30' and '2026-2-3' are not).
 */
export function isIsoDate(value: string): boolean {
  return parseParts(value) !== null;
}

/** The date `days` days after `date` (negative to go back). Throws on an invalid date. */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * The date `months` calendar months after `date`. A day that does not exist in the target
 * month is clamped to its last day, so 2026-01-31 + 1 month is 2026-02-28.
 */
export function addMonths(date: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`Not a whole number of months: ${months}`);
  const { year, month, day } = requireParts(date);
  const firstOfTarget = utcDate(year, month + months, 1);
  const targetYear = firstOfTarget.getUTCFullYear();
  const targetMonth = firstOfTarget.getUTCMonth() + 1;
  // Day 0 of the next month is the last day of the target month.
  const lastDay = utcDate(targetYear, targetMonth + 1, 0).getUTCDate();
  return fromEpochDay(
    Math.round(utcDate(targetYear, targetMonth, Math.min(day, lastDay)).getTime() / MS_PER_DAY),
  );
}

/** The number of days from `a` to `b`: positive when `b` is later, 0 on the same day. */
export function daysBetween(a: string, b: string): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** The UTC calendar date of `d` as 'YYYY-MM-DD'. Throws on an invalid Date. */
function toIsoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new RangeError("Invalid Date");
  return d.toISOString().slice(0, 10);
}

/** The school's time zone: its calendar decides what "today" and a conversation's date are. */
export const SCHOOL_TIME_ZONE = "Europe/Amsterdam";

/** School dates by UTC hour: the Dutch offset is a whole number of hours, so an hour has one date. */
const dateOfHour = new Map<number, string>();
const MS_PER_HOUR = 3_600_000;

/**
 * The school's calendar date of a moment as 'YYYY-MM-DD': 00:30 Dutch time on 10 March is
 * 10 March, although in UTC it is still the 9th. Throws on an invalid Date.
 */
export function schoolDate(moment: Date): string {
  const time = moment.getTime();
  if (Number.isNaN(time)) throw new RangeError("Invalid Date");
  // Formatting in a time zone costs tens of microseconds; reports ask for thousands of dates.
  const hour = Math.floor(time / MS_PER_HOUR);
  const known = dateOfHour.get(hour);
  if (known !== undefined) return known;
  const { date } = schoolClock(moment);
  if (dateOfHour.size >= 100_000) dateOfHour.clear();
  dateOfHour.set(hour, date);
  return date;
}

const schoolClockFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: SCHOOL_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** A moment as the school's clock shows it: its date ('YYYY-MM-DD') and time ('HH:MM'). */
export interface SchoolClock {
  date: string;
  time: string;
}

/**
 * The school's wall clock at a moment: 13:30 UTC on 10 March is 14:30 in Amsterdam, wherever
 * the device that asks stands. Throws on an invalid Date.
 */
export function schoolClock(moment: Date): SchoolClock {
  if (Number.isNaN(moment.getTime())) throw new RangeError("Invalid Date");
  const parts = clockParts(moment);
  return {
    date: `${parts.year.padStart(4, "0")}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

function clockParts(moment: Date): Record<"year" | "month" | "day" | "hour" | "minute", string> {
  const found = { year: "", month: "", day: "", hour: "", minute: "" };
  for (const part of schoolClockFormat.formatToParts(moment)) {
    if (part.type in found) found[part.type as keyof typeof found] = part.value;
  }
  return found;
}

const CLOCK_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d(?::00)?$/;

/** How far the school's clock is ahead of UTC at a moment, in milliseconds. */
function schoolOffset(time: number): number {
  const { date, time: clock } = schoolClock(new Date(time));
  return Date.parse(`${date}T${clock}:00.000Z`) - Math.floor(time / 60_000) * 60_000;
}

/**
 * The moment the school's clock shows `date` ('YYYY-MM-DD') at `time` ('HH:MM'): what someone
 * planning "14:30 on 10 March" means, whatever their device's time zone. In the hour the clocks
 * skip (the last Sunday of March, 02:00–03:00) it is the moment an hour later; in the hour they
 * repeat (the last Sunday of October) the first of the two. A time input's 'HH:MM:00' is read
 * as 'HH:MM'. Null when either is malformed.
 */
export function schoolMoment(date: string, givenTime: string): Date | null {
  if (!isIsoDate(date) || !CLOCK_TIME.test(givenTime)) return null;
  const time = givenTime.slice(0, 5);
  const asUtc = Date.parse(`${date}T${time}:00.000Z`);
  // The offsets a day either side cover both sides of any change of the clocks.
  const before = schoolOffset(asUtc - MS_PER_DAY);
  const after = schoolOffset(asUtc + MS_PER_DAY);
  const shows = (moment: number) => {
    const seen = schoolClock(new Date(moment));
    return seen.date === date && seen.time === time;
  };
  const candidates = [asUtc - before, asUtc - after].filter(shows).sort((a, b) => a - b);
  return new Date(candidates[0] ?? asUtc - before);
}

/** Today in the school's calendar (Europe/Amsterdam); pass `now` to make callers testable. */
export function schoolToday(now: Date = new Date()): string {
  return schoolDate(now);
}

/**
 * Age in completed years on `date` of someone born on `birthDate`. Someone born on 29 February
 * turns a year older on 1 March in non-leap years (the Dutch legal reading).
 */
export function ageOn(birthDate: string, date: string): number {
  const birth = requireParts(birthDate);
  const on = requireParts(date);
  let age = on.year - birth.year;
  const hadBirthday = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  if (!hadBirthday) age -= 1;
  return age;
}

/** The earlier of two ISO dates (ISO dates sort as strings). */
export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}

/** The later of two ISO dates (ISO dates sort as strings). */
export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

/** Throws a RangeError naming `field` unless `value` is a valid ISO date. */
export function assertIsoDate(value: string, field = "date"): void {
  if (!isIsoDate(value)) throw new RangeError(`${field} is not a valid YYYY-MM-DD date: ${value}`);
}

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function parseParts(value: string): DateParts | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Dates roll 2026-02-30 over into March; a round trip exposes that.
  const probe = utcDate(year, month, day);
  const isReal =
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day;
  return isReal ? { year, month, day } : null;
}

/** UTC midnight of a date; setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 19xx. */
function utcDate(year: number, month: number, day: number): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d;
}

function requireParts(value: string): DateParts {
  const parts = parseParts(value);
  if (!parts) throw new RangeError(`Not a valid YYYY-MM-DD date: ${value}`);
  return parts;
}

function toEpochDay(date: string): number {
  const { year, month, day } = requireParts(date);
  return Math.round(utcDate(year, month, day).getTime() / MS_PER_DAY);
}

function fromEpochDay(epochDay: number): string {
  const d = new Date(epochDay * MS_PER_DAY);
  const year = d.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`Date out of range: year ${year}`);
  return toIsoDate(d);
}

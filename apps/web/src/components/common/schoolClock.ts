import { schoolClock } from "@driehoek/domain";

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Whether this device's clock shows the school's time (Europe/Amsterdam) at `now`. Times are
 * planned and shown on the school's clock; a form says so when the device's clock differs.
 */
export function isDeviceOnSchoolClock(now: Date = new Date()): boolean {
  const local = `${pad(now.getHours())}:${pad(now.getMinutes())}`;
  return schoolClock(now).time === local;
}

import { afterEach, describe, expect, it } from "vitest";
import { isDeviceOnSchoolClock } from "./schoolClock";

const machineZone = process.env.TZ;
afterEach(() => {
  if (machineZone === undefined) delete process.env.TZ;
  else process.env.TZ = machineZone;
});

describe("whether the device's clock is the school's", () => {
  it("is so in Amsterdam and in a zone with the same time, not in New York or in UTC", () => {
    const now = new Date("2026-06-10T12:30:00.000Z");
    process.env.TZ = "Europe/Amsterdam";
    expect(isDeviceOnSchoolClock(now)).toBe(true);
    process.env.TZ = "Europe/Brussels";
    expect(isDeviceOnSchoolClock(now)).toBe(true);
    process.env.TZ = "America/New_York";
    expect(isDeviceOnSchoolClock(now)).toBe(false);
    process.env.TZ = "UTC";
    expect(isDeviceOnSchoolClock(now)).toBe(false);
  });
});

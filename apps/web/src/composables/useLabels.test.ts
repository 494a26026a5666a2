import { mount } from "@vue/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineComponent, h } from "vue";
import { withI18n } from "../test/i18n";
import { useLabels } from "./useLabels";

/** What `useLabels` makes of `iso` in `locale`: time, date and time, and the date alone. */
function labelsOf(iso: string, locale: "nl" | "en" = "nl") {
  let shown: { time: string; dateTime: string; date: string } | undefined;
  const Probe = defineComponent({
    setup() {
      const { formatTime, formatDateTime, formatDate } = useLabels();
      shown = {
        time: formatTime(iso),
        dateTime: formatDateTime(iso),
        date: formatDate(iso.slice(0, 10)),
      };
      return () => h("span");
    },
  });
  mount(Probe, withI18n(locale)).unmount();
  return shown as NonNullable<typeof shown>;
}

describe("dates and times on screen", () => {
  // A device set to another zone than the school's, whatever the machine running this is set to.
  const machineZone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = "America/New_York";
  });
  afterAll(() => {
    if (machineZone === undefined) delete process.env.TZ;
    else process.env.TZ = machineZone;
  });

  it("are on the school's clock, as its e-mails and invitations give them", () => {
    expect(labelsOf("2026-06-10T12:30:00.000Z").time).toBe("14:30");
    expect(labelsOf("2026-01-15T12:30:00.000Z").time).toBe("13:30");
    expect(labelsOf("2026-06-10T12:30:00.000Z").dateTime).toBe("wo 10 jun 2026, 14:30");
    expect(labelsOf("2026-06-10T12:30:00.000Z", "en").dateTime).toBe("Wed, 10 Jun 2026, 14:30");
  });

  it("put a moment just after midnight in Amsterdam on Amsterdam's date", () => {
    expect(labelsOf("2026-03-09T23:30:00.000Z").dateTime).toBe("di 10 mrt 2026, 00:30");
  });

  it("show a calendar date as that day", () => {
    expect(labelsOf("2026-03-10T00:00:00.000Z").date).toBe("10 mrt 2026");
  });
});

import { describe, expect, it } from "vitest";
import {
  conversationModeLabel,
  fillLabel,
  formatLongDate,
  formatLongMoment,
  formatSchoolTime,
} from "./record-labels.js";

describe("the record's words and dates, one source for screen, print page and PDF", () => {
  it("writes a date out in full", () => {
    expect(formatLongDate("2026-12-15", "nl")).toBe("15 december 2026");
    expect(formatLongDate("2026-12-15", "en")).toBe("15 December 2026");
    expect(formatLongDate("2026-03-01T23:30:00.000Z", "nl")).toBe("1 maart 2026");
  });

  it("writes a moment in the school's time zone", () => {
    // 13:03 UTC is 14:03 in Amsterdam in winter; 23:30 UTC on 14 December is the 15th there.
    expect(formatLongMoment("2026-12-15T13:03:00.000Z", "nl")).toBe("15 december 2026 14:03");
    expect(formatLongMoment(new Date("2026-12-14T23:30:00.000Z"), "en")).toBe(
      "15 December 2026 00:30",
    );
    expect(formatSchoolTime("2026-07-01T07:05:00.000Z", "nl")).toBe("09:05");
  });

  it("names the mode as the screen does", () => {
    expect(conversationModeLabel("in_person", "nl")).toBe("Op locatie");
    expect(conversationModeLabel("online", "en")).toBe("Online");
    expect(conversationModeLabel("elders", "nl")).toBe("elders");
  });
});

describe("RECORD_LABELS", () => {
  it("fills placeholders in either language", () => {
    expect(fillLabel("digital", "nl", { date: "3 december 2026 14:03" })).toBe(
      "Digitaal akkoord op 3 december 2026 14:03",
    );
    expect(fillLabel("page", "en", { n: 2, total: 3 })).toBe("Page 2 of 3");
    expect(fillLabel("mode", "nl")).toBe("Vorm");
  });
});

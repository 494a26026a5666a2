import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, isLocale, LOCALES } from "./i18n.js";

describe("locales", () => {
  it("has Dutch as the default and English as the alternative", () => {
    expect(LOCALES).toEqual(["nl", "en"]);
    expect(DEFAULT_LOCALE).toBe("nl");
  });

  it("recognises only supported locales", () => {
    expect(isLocale("nl")).toBe(true);
    expect(isLocale("en")).toBe(true);
    expect(isLocale("de")).toBe(false);
    expect(isLocale("NL")).toBe(false);
  });
});

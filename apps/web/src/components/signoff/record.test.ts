import { describe, expect, it } from "vitest";
import { formatHash, noteOf, parseRecord } from "./record";
import { makeRecord } from "./testRecord";

describe("parseRecord", () => {
  it("reads the record the server serves", () => {
    const record = makeRecord({ summary: "Het gaat goed." });
    expect(parseRecord(JSON.stringify(record))).toEqual(record);
  });

  it("refuses what it cannot show faithfully", () => {
    expect(parseRecord(null)).toBeNull();
    expect(parseRecord("")).toBeNull();
    expect(parseRecord("{not json")).toBeNull();
    expect(parseRecord("[]")).toBeNull();
    expect(
      parseRecord(JSON.stringify({ ...makeRecord(), schema: "driehoek.record/2" })),
    ).toBeNull();
    const { agreements: _dropped, ...withoutAgreements } = makeRecord();
    expect(parseRecord(JSON.stringify(withoutAgreements))).toBeNull();
    expect(parseRecord(JSON.stringify({ ...makeRecord(), conclusion: null }))).toBeNull();
  });
});

describe("noteOf", () => {
  it("finds a section's notes, or nothing", () => {
    const record = makeRecord({ notes: [{ section: "welkom", text: "Koffie gehad." }] });
    expect(noteOf(record, "welkom")).toBe("Koffie gehad.");
    expect(noteOf(record, "praktisch")).toBe("");
  });
});

describe("formatHash", () => {
  const hash = "0123456789abcdef".repeat(4);

  it("groups a hash by eight characters so people can compare it", () => {
    expect(formatHash(hash)).toBe(
      "01234567 89abcdef 01234567 89abcdef 01234567 89abcdef 01234567 89abcdef",
    );
  });

  it("shortens it when asked", () => {
    expect(formatHash(hash, 8)).toBe("01234567");
  });
});

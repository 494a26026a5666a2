import { describe, expect, it } from "vitest";
import { decodeJson, encodeJson } from "./json-codec.js";

describe("JSON across processes", () => {
  it("brings Dates back as Dates, at any depth, and leaves date-like text as text", () => {
    const value = {
      at: new Date("2026-03-02T08:30:00.123Z"),
      nested: [{ when: new Date(0) }, null],
      text: "2026-03-02T08:30:00.123Z",
      none: null,
    };
    const back = decodeJson<typeof value>(encodeJson(value));
    expect(back).toEqual(value);
    expect(back.at).toBeInstanceOf(Date);
    expect(back.nested[0]?.when).toBeInstanceOf(Date);
    expect(typeof back.text).toBe("string");
  });

  it("carries a bare value and nothing", () => {
    expect(decodeJson(encodeJson("s-1"))).toBe("s-1");
    expect(decodeJson(encodeJson(new Date(5)))).toEqual(new Date(5));
    expect(decodeJson(encodeJson(undefined))).toBeNull();
  });
});

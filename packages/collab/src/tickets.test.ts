import { describe, expect, it } from "vitest";
import { reconnectDelay } from "./tickets.js";

describe("reconnectDelay", () => {
  it("doubles per attempt up to the ceiling and takes a random half off", () => {
    expect(reconnectDelay(1, 10_000, () => 0)).toBe(100);
    expect(reconnectDelay(1, 10_000, () => 1)).toBe(200);
    expect(reconnectDelay(3, 10_000, () => 0.5)).toBe(600);
    expect(reconnectDelay(20, 2_500, () => 0)).toBe(1_250);
    expect(reconnectDelay(20, 2_500, () => 1)).toBe(2_500);
  });

  it("spreads the clients of a dead server over the whole window", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const delays = Array.from({ length: 300 }, () => reconnectDelay(4, 10_000, random));
    const buckets = [0, 0, 0, 0];
    for (const d of delays) {
      const bucket = Math.min(3, Math.floor((d - 800) / 200));
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
    for (const count of buckets) expect(count).toBeGreaterThan(40);
  });
});

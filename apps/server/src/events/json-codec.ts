/**
 * JSON for values that cross a process boundary through Redis (events, tickets). Plain JSON
 * turns a Date into text, and a listener on another process would then get a string where the
 * type promises a Date; here every Date travels tagged (`{ "$date": "<ISO>" }`) and comes back
 * as a Date, while text that merely looks like a date stays text.
 */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value ?? null, function tagDates(this: Record<string, unknown>, key, v) {
    // `v` has been through Date#toJSON already; the holder still has the Date itself.
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.toISOString() } : v;
  });
}

/** Reads what `encodeJson` wrote, with its Dates as Dates again. */
export function decodeJson<T>(text: string): T {
  return JSON.parse(text, (_key, v) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === "$date" && typeof v.$date === "string") {
        return new Date(v.$date);
      }
    }
    return v;
  }) as T;
}

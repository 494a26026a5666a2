import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { en } from "./en";
import { nl } from "./nl";

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The app's own source files: components, views, composables (not tests, not generated code). */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(file);
    return /\.(vue|ts)$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [file] : [];
  });
}

/** Every message key the source asks for by name: `t("a.b")`, `$t('a.b')`, `te("a.b")`. */
function keysAskedFor(): Map<string, string[]> {
  const asked = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, "utf8");
    for (const match of text.matchAll(
      /(?<![\w.])\$?te?\(\s*["']([a-zA-Z][\w-]*(?:\.[\w-]+)+)["']/g,
    )) {
      const key = match[1] as string;
      asked.set(key, [...(asked.get(key) ?? []), path.relative(SRC, file)]);
    }
  }
  return asked;
}

/** Whether `messages` has a text at `key` (a dotted path). */
function hasText(messages: unknown, key: string): boolean {
  let at: unknown = messages;
  for (const part of key.split(".")) {
    if (typeof at !== "object" || at === null || !(part in at)) return false;
    at = (at as Record<string, unknown>)[part];
  }
  return typeof at === "string";
}

describe("the message catalogues", () => {
  const asked = keysAskedFor();

  it("are asked for by name in many places (the scan finds them)", () => {
    expect(asked.size).toBeGreaterThan(300);
  });

  it.each([
    ["Dutch", nl],
    ["English", en],
  ])("hold in %s every text the screens ask for by name", (_, messages) => {
    const missing = [...asked]
      .filter(([key]) => !hasText(messages, key))
      .map(([key, files]) => `${key} (${files.join(", ")})`);
    expect(missing).toEqual([]);
  });
});

import axe from "axe-core";
import type { Page } from "playwright-core";

/** What axe reports for one rule that failed, trimmed to what a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** The impacts that fail the suite. */
const BLOCKING = new Set(["serious", "critical"]);

/**
 * Runs axe-core in the page (its source injected as a script) and returns the violations with
 * impact serious or critical.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const hasAxe = await page.evaluate(() => "axe" in window);
  if (!hasAxe) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
  return violations.filter((v) => v.impact !== null && BLOCKING.has(v.impact));
}

/** One line per violation, for a readable failure message. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.targets.slice(0, 5).join(", ")}`)
    .join("\n");
}

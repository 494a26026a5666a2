import { createHash, randomUUID } from "node:crypto";
import { schoolToday } from "@driehoek/domain";
import type { Config } from "../../config.js";
import type { Services, Viewer } from "../../context.js";
import { lockName } from "../../db/row-lock.js";
import { inTransaction } from "../../db/transaction.js";
import { appError } from "../../graphql/errors.js";
import { paramList } from "./input-problem.js";
import type { RosterImport } from "./roster.types.js";
import { applyRosterPlan } from "./roster-apply.js";
import { parseRoster } from "./roster-parse.js";
import { planRoster } from "./roster-plan.js";

/** The /graphql body limit: the general one, or more when a roster file must fit. */
export function graphqlBodyLimit(config: Config): number {
  return Math.max(config.maxBodyBytes, config.importMaxBytes + 256 * 1024);
}

/**
 * Imports a roster file: reads and checks every row, works out what changes, and — when not a
 * dry run and nothing is wrong — writes all of it in one transaction, or nothing. Every call is
 * audit-logged with the file's SHA-256 and the counts.
 */
export async function importRoster(
  services: Services,
  viewer: Viewer,
  csv: string,
  dryRun: boolean,
): Promise<RosterImport> {
  const bytes = Buffer.byteLength(csv, "utf8");
  const { importMaxBytes, importMaxRows } = services.config;
  if (bytes > importMaxBytes) {
    throw appError(
      "PAYLOAD_TOO_LARGE",
      `Het bestand is ${(bytes / 1024 / 1024).toFixed(1)} MB; er kan hoogstens ${(importMaxBytes / 1024 / 1024).toFixed(1)} MB in één keer worden ingelezen. Splits het bestand.`,
      "file_too_large",
      {
        megabytes: (bytes / 1024 / 1024).toFixed(1),
        maxMegabytes: (importMaxBytes / 1024 / 1024).toFixed(1),
      },
    );
  }
  const sha256 = createHash("sha256").update(csv, "utf8").digest("hex");
  const parsed = parseRoster(csv, importMaxRows);
  const now = services.now();

  const run = async (manager: Parameters<typeof planRoster>[0]) => {
    // One committing import at a time: it plans against what the one before it committed, so
    // the same file imported twice at once adds nothing the second time (decision 0016).
    // SQLite's transactions already take turns; a preview writes nothing and need not wait.
    if (!dryRun) await lockName(manager, "roster-import");
    const plan = await planRoster(manager, parsed.rows, schoolToday(now), now);
    const errors = [...parsed.problems, ...plan.problems]
      .sort((a, b) => a.row - b.row)
      .map((problem) => ({ ...problem, params: paramList(problem.params) }));
    const committed = !dryRun && errors.length === 0;
    if (committed) await applyRosterPlan(manager, plan, now);
    const count = (action: string) => plan.outcomes.filter((o) => o.action === action).length;
    const result: RosterImport = {
      dryRun,
      committed,
      sha256,
      rows: parsed.dataRows,
      created: count("create"),
      updated: count("update"),
      unchanged: count("unchanged"),
      errors,
      rowResults: plan.outcomes,
      missing: plan.missing,
      ignoredColumns: parsed.ignoredColumns,
      delimiter: parsed.delimiter,
    };
    await services.audit.record(
      {
        actorId: viewer.personId,
        action: dryRun ? "roster.previewed" : committed ? "roster.imported" : "roster.refused",
        subjectType: "roster_import",
        subjectId: randomUUID(),
        detail: {
          sha256,
          bytes,
          rows: result.rows,
          created: result.created,
          updated: result.updated,
          unchanged: result.unchanged,
          errors: errors.length,
          missing: result.missing.length,
        },
      },
      manager,
    );
    return result;
  };
  // A preview reads and logs; a commit reads, writes and logs in one transaction.
  return inTransaction(services.dataSource, run);
}

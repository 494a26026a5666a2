import "reflect-metadata";
import { loadConfig } from "../config.js";
import { applyRetention, retentionPolicyFrom } from "../modules/retention/retention.js";
import { createServer } from "../server.js";

/**
 * `npm run retention -- [--dry-run]`: removes records past their retention period (see
 * docs/OPERATIONS.md). With --dry-run it only lists what it would remove.
 */
const dryRun = process.argv.includes("--dry-run");
const server = await createServer(loadConfig());
try {
  const plan = await applyRetention(server.services, retentionPolicyFrom(process.env), dryRun);
  console.log(
    `${dryRun ? "Would remove" : "Removed"} ${plan.conversations.length} conversation(s) before ${plan.cutoffConversations}:`,
  );
  for (const c of plan.conversations)
    console.log(`  conversation ${c.id} (${c.status}, ${c.scheduledAt})`);
  console.log(
    `${dryRun ? "Would remove" : "Removed"} ${plan.auditEntries} audit entr(ies) before ${plan.cutoffAudit}.`,
  );
} finally {
  await server.close();
}

import "reflect-metadata";
import { loadConfig } from "./config.js";
import { demoAccess, seedDemo } from "./demo/seed-demo.js";
import { mailDestination } from "./modules/mail/transport.js";
import { createServer } from "./server.js";
import { stopOnSignals } from "./shutdown.js";

/** Reads the configuration, starts the server, seeds the demo into an empty database, listens. */
async function main() {
  const config = loadConfig();
  const server = await createServer(config);
  if (config.seedDemo && (await seedDemo(server.services))) {
    console.log("Demo school seeded into the empty database.");
  }
  const port = await server.listen();
  const database = config.databaseUrl ? "PostgreSQL" : `SQLite in ${config.dataDir}`;
  console.log(`Driehoek is running at ${config.publicUrl} (port ${port}, ${database})`);
  console.log(mailDestination(config));
  const demo = await demoAccess(server.services);
  if (demo) {
    for (const s of demo.staff)
      console.log(`staff ${s.role}: ${s.email} / ${s.password} (${s.name})`);
    for (const invite of demo.invites) console.log(`invite ${invite.role}: ${invite.url}`);
  }
  stopOnSignals(server, {
    timeoutSeconds: config.shutdownTimeoutSeconds,
    isVerbose: config.logLevel !== "silent",
  });
}

main().catch((error) => {
  console.error("Driehoek could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});

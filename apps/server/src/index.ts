import "reflect-metadata";
import { loadConfig } from "./config.js";
import { demoBanner } from "./demo/demo-banner.js";
import { seedDemo } from "./demo/seed-demo.js";
import { mailDestination } from "./modules/mail/transport.js";
import { createServer } from "./server.js";
import { stopOnSignals } from "./shutdown.js";

/** Reads the configuration, starts the server, seeds the demo into an empty database, listens. */
async function main() {
  const config = loadConfig();
  const server = await createServer(config);
  if (config.seedDemo && (await seedDemo(server.services))) {
    console.log("DEMO: demo school seeded into the empty database.");
  }
  const port = await server.listen();
  const database = config.databaseUrl ? "PostgreSQL" : `SQLite in ${config.dataDir}`;
  const banner = await demoBanner(server.services, process.env.NODE_ENV);
  // One write: whoever reads "running at" (start:cluster, the tests) has the invite links with it.
  console.log(
    [
      `Driehoek is running at ${config.publicUrl} (port ${port}, ${database})`,
      mailDestination(config),
      ...banner,
    ].join("\n"),
  );
  stopOnSignals(server, {
    timeoutSeconds: config.shutdownTimeoutSeconds,
    isVerbose: config.logLevel !== "silent",
  });
}

main().catch((error) => {
  console.error("Driehoek could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});

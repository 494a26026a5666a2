import { ticketStoreFor } from "./auth/redis-ticket-store.js";
import { loadServerKey } from "./auth/server-key.js";
import type { Config } from "./config.js";
import type { Services } from "./context.js";
import { openDatabase } from "./db/data-source.js";
import { createEventBus, type EventTransport, eventTransportFor } from "./events.js";
import { AuditLog } from "./modules/audit/audit-log.js";

/** Options for tests and deployments. */
export interface ServerOptions {
  /** The clock the server reads; tests move it. */
  now?: () => Date;
  /** Where the event bus's events travel; by default Redis with `REDIS_URL`, else within this process. */
  eventTransport?: EventTransport;
}

/** Opens the database (migrated) and builds the long-lived services every request uses. */
export async function buildServices(
  config: Config,
  options: ServerOptions = {},
): Promise<Services> {
  const now = options.now ?? (() => new Date());
  const dataSource = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
  });
  return {
    config,
    dataSource,
    serverKey: await loadServerKey(dataSource),
    audit: new AuditLog(dataSource, now),
    events: createEventBus(options.eventTransport ?? eventTransportFor(config)),
    // No live documents until the collaboration endpoint takes this over (collab/build.ts).
    liveDocuments: { flush: async () => {} },
    collabTickets: ticketStoreFor(config),
    now,
  };
}

import path from "node:path";

/** Every setting of the server, read once from the environment. */
export interface Config {
  /** Port for everything: web app, /graphql (HTTP and websocket). `PORT`, default 4000. */
  port: number;
  /** Host to bind. `HOST`, default 0.0.0.0 so phones on the same network can join. */
  host: string;
  /** Address people use to reach the server, for invite links. `PUBLIC_URL`, default http://localhost:<port>. */
  publicUrl: string;
  /** Folder for the SQLite file and other local state. `DATA_DIR`, default ./data. */
  dataDir: string;
  /** PostgreSQL connection string; when unset the embedded SQLite file is used. `DATABASE_URL`. */
  databaseUrl: string | undefined;
  /**
   * Seed the demo school into an empty database at start-up. `SEED_DEMO`, default true, but
   * false when `NODE_ENV=production` (then only `SEED_DEMO=true` seeds it).
   */
  seedDemo: boolean;
  /** Lifetime of an access token in seconds. `ACCESS_TOKEN_TTL`, default 12 hours. */
  accessTokenTtlSeconds: number;
  /** Lifetime of an invite link in days after the conversation's date. `INVITE_TTL_DAYS`, default 14. */
  inviteTtlDays: number;
  /** Folder with the built web app; default the @driehoek/web package's dist. `WEB_DIST`. */
  webDist: string | undefined;
  /** Deepest query nesting accepted. `GRAPHQL_MAX_DEPTH`, default 10. */
  maxQueryDepth: number;
  /** Most fields one operation selects, fragments expanded. `GRAPHQL_MAX_FIELDS`, default 500. */
  maxQueryFields: number;
  /** Largest request body in bytes (HTTP and websocket messages). `MAX_BODY_BYTES`, default 1 MB. */
  maxBodyBytes: number;
  /**
   * How the collaboration log syncs to disk: "full" syncs every group commit (survives power
   * loss), "normal" relies on the OS after a commit (survives a process crash). `COLLAB_SYNC`.
   */
  collabSync: "FULL" | "NORMAL";
  /** Connections one collaborative document accepts. `COLLAB_MAX_CONNECTIONS`, default 30. */
  collabMaxConnections: number;
  /** Sustained messages per second one collaboration connection may send. `COLLAB_RATE`, default 200. */
  collabMessagesPerSecond: number;
  /** Seconds' worth of messages a connection may send at once. `COLLAB_MESSAGE_BURST`, default 3. */
  collabMessageBurstSeconds: number;
  /**
   * Seconds' worth of bytes a connection may send at once; it sends `MAX_BODY_BYTES` a second
   * at most. `COLLAB_BYTE_BURST`, default 4.
   */
  collabByteBurstSeconds: number;
  /** Ms a new collaboration connection has to be authorized. `COLLAB_AUTH_TIMEOUT_MS`, default 10000. */
  collabAuthTimeoutMs: number;
  /** Ms a document stays in memory after its last connection left. `COLLAB_IDLE_UNLOAD_MS`, default 30000. */
  collabIdleUnloadMs: number;
  /** Ms of quiet before the tables follow a live document (at most 5× while people keep typing). `COLLAB_PROJECTION_DELAY_MS`, default 2000. */
  collabProjectionDelayMs: number;
  /** Logged updates after which a document is compacted. `COLLAB_COMPACT_AFTER`, default 2000. */
  collabCompactAfterUpdates: number;
  /** Ms between the pings that find dead connections. `COLLAB_PING_INTERVAL_MS`, default 15000. */
  collabPingIntervalMs: number;
  /** Log each request's errors to stderr. `LOG_LEVEL` (silent | info), default info. */
  logLevel: "silent" | "info";
  /**
   * Mail server for invitations, e.g. `smtp://user:pass@mail.school.nl:587` (`smtps://` for
   * TLS from the start). When unset, mails are written as .eml files to `DATA_DIR/outbox/`. `SMTP_URL`.
   */
  smtpUrl: string | undefined;
  /** Sender of every mail. `MAIL_FROM`, default `Driehoek <driehoek@localhost>`. */
  mailFrom: string;
  /** How often the outbox looks for mails that are due, in ms. `MAIL_POLL_MS`, default 1000. */
  mailPollMs: number;
  /** Attempts before a mail is marked failed (backoff doubles from 30 s). `MAIL_MAX_ATTEMPTS`, default 8. */
  mailMaxAttempts: number;
  /** Most data rows one roster import accepts. `IMPORT_MAX_ROWS`, default 10000. */
  importMaxRows: number;
  /** Largest roster file in bytes (the /graphql body limit grows to fit it). `IMPORT_MAX_BYTES`, default 4 MB. */
  importMaxBytes: number;
  /** Largest document attached to a conversation, in bytes. `DOCUMENT_MAX_BYTES`, default 20 MB. */
  documentMaxBytes: number;
  /**
   * Seconds a clean shutdown (SIGTERM/SIGINT) may take before the process gives up and exits 1,
   * naming what was unfinished. `SHUTDOWN_TIMEOUT`, default 10; fractions allowed.
   */
  shutdownTimeoutSeconds: number;
  /** Redis for rate limits (and later other shared state); in memory when unset. `REDIS_URL`. */
  redisUrl: string | undefined;
  /** Prefix of the collaboration relay's Redis channels (with DATABASE_URL and REDIS_URL). `COLLAB_REDIS_PREFIX`, default driehoek:. */
  collabRedisPrefix: string;
  /** Ms between a process's announcements on the documents it serves. `COLLAB_RELAY_HEARTBEAT_MS`, default 1000. */
  collabRelayHeartbeatMs: number;
  /** Ms after which a silent process's clients' presence disappears. `COLLAB_RELAY_PEER_TIMEOUT_MS`, default 5000. */
  collabRelayPeerTimeoutMs: number;
  /** Prefix of every rate-limit key in Redis, so servers sharing one Redis can stay apart. `RATE_LIMIT_PREFIX`, default driehoek. */
  rateLimitPrefix: string;
  /** GraphQL requests over HTTP one logged-in person may make per minute. `GRAPHQL_RATE_PER_MINUTE`, default 600. */
  graphqlRatePerMinute: number;
  /** GraphQL requests over HTTP without a valid token per IP address per minute. `GRAPHQL_IP_RATE_PER_MINUTE`, default 1200 (a school behind one address). */
  graphqlIpRatePerMinute: number;
  /** Wrong passwords for one e-mail address within a minute before it is locked. `LOGIN_MAX_FAILURES`, default 10. */
  loginMaxFailures: number;
  /** Wrong passwords from one IP address within an hour before it is locked. `LOGIN_IP_MAX_FAILURES`, default 100. */
  loginIpMaxFailures: number;
  /** Seconds a locked address or IP waits. `LOGIN_LOCK_SECONDS`, default 600. */
  loginLockSeconds: number;
  /** Password-reset requests per e-mail address per hour. `RESET_MAX_PER_HOUR`, default 5. */
  resetMaxPerHour: number;
  /** Password-reset requests per IP address per hour. `RESET_IP_MAX_PER_HOUR`, default 30. */
  resetIpMaxPerHour: number;
  /**
   * Which proxies in front of the server to trust for the caller's IP address (X-Forwarded-For),
   * as express's "trust proxy": a hop count, `loopback`, or addresses. `TRUST_PROXY`; unset: none.
   */
  trustProxy: string | number | undefined;
  /**
   * Highest cost one GraphQL operation may have, counted on its executed shape: every field 1,
   * a list's fields times its page size (`first`) or 10, nested lists multiplying.
   * `GRAPHQL_MAX_COST`, default 30000 (the heaviest page of the web app, the planning, costs about 16000).
   */
  maxQueryCost: number;
  /** Ms one GraphQL request over HTTP may run before it is answered with TIMEOUT. `GRAPHQL_TIMEOUT_MS`, default 5000. */
  graphqlTimeoutMs: number;
  /**
   * Answer introspection (`__schema`) and suggest field names in errors. `GRAPHQL_INTROSPECTION`;
   * default off when `NODE_ENV=production`, on otherwise.
   */
  introspection: boolean;
  /**
   * Lifetime of a collaboration ticket (`collabTicket`) in seconds, at most 60.
   * `COLLAB_TICKET_TTL`, default 30.
   */
  collabTicketTtlSeconds: number;
  /**
   * Put before every Redis key and channel of the shared state (events, collaboration tickets),
   * so deployments sharing one Redis stay apart. `REDIS_PREFIX`, default `driehoek:`.
   */
  redisPrefix: string;
  /**
   * Token a scraper sends as `Authorization: Bearer <token>` to read /metrics from another
   * machine; callers on the loopback address need none. Unset: /metrics answers only loopback.
   * `METRICS_TOKEN`.
   */
  metricsToken: string | undefined;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) {
    throw new Error(`${name} must be a positive whole number, got "${value}"`);
  }
  return parsed;
}

/** Reads the configuration from `env`; `overrides` win (tests use them). */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<Config> = {},
): Config {
  const port = overrides.port ?? intFrom(env.PORT, 4000, "PORT");
  const config: Config = {
    port,
    host: env.HOST || "0.0.0.0",
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ""),
    // Relative to where the command was typed (npm runs workspace scripts in their own folder).
    dataDir: path.resolve(env.INIT_CWD || process.cwd(), env.DATA_DIR || "./data"),
    databaseUrl: env.DATABASE_URL || undefined,
    seedDemo: env.NODE_ENV === "production" ? env.SEED_DEMO === "true" : env.SEED_DEMO !== "false",
    accessTokenTtlSeconds: intFrom(env.ACCESS_TOKEN_TTL, 12 * 3600, "ACCESS_TOKEN_TTL"),
    inviteTtlDays: intFrom(env.INVITE_TTL_DAYS, 14, "INVITE_TTL_DAYS"),
    webDist: env.WEB_DIST || undefined,
    maxQueryDepth: intFrom(env.GRAPHQL_MAX_DEPTH, 10, "GRAPHQL_MAX_DEPTH"),
    maxQueryFields: intFrom(env.GRAPHQL_MAX_FIELDS, 500, "GRAPHQL_MAX_FIELDS"),
    maxBodyBytes: intFrom(env.MAX_BODY_BYTES, 1024 * 1024, "MAX_BODY_BYTES"),
    logLevel: env.LOG_LEVEL === "silent" ? "silent" : "info",
    collabSync: env.COLLAB_SYNC?.toLowerCase() === "normal" ? "NORMAL" : "FULL",
    collabMaxConnections: intFrom(env.COLLAB_MAX_CONNECTIONS, 30, "COLLAB_MAX_CONNECTIONS"),
    collabMessagesPerSecond: intFrom(env.COLLAB_RATE, 200, "COLLAB_RATE"),
    collabMessageBurstSeconds: intFrom(env.COLLAB_MESSAGE_BURST, 3, "COLLAB_MESSAGE_BURST"),
    collabByteBurstSeconds: intFrom(env.COLLAB_BYTE_BURST, 4, "COLLAB_BYTE_BURST"),
    collabAuthTimeoutMs: intFrom(env.COLLAB_AUTH_TIMEOUT_MS, 10_000, "COLLAB_AUTH_TIMEOUT_MS"),
    collabIdleUnloadMs: intFrom(env.COLLAB_IDLE_UNLOAD_MS, 30_000, "COLLAB_IDLE_UNLOAD_MS"),
    collabProjectionDelayMs: intFrom(
      env.COLLAB_PROJECTION_DELAY_MS,
      2_000,
      "COLLAB_PROJECTION_DELAY_MS",
    ),
    collabCompactAfterUpdates: intFrom(env.COLLAB_COMPACT_AFTER, 2_000, "COLLAB_COMPACT_AFTER"),
    collabPingIntervalMs: intFrom(env.COLLAB_PING_INTERVAL_MS, 15_000, "COLLAB_PING_INTERVAL_MS"),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || "Driehoek <driehoek@localhost>",
    mailPollMs: intFrom(env.MAIL_POLL_MS, 1000, "MAIL_POLL_MS"),
    mailMaxAttempts: intFrom(env.MAIL_MAX_ATTEMPTS, 8, "MAIL_MAX_ATTEMPTS"),
    importMaxRows: intFrom(env.IMPORT_MAX_ROWS, 10_000, "IMPORT_MAX_ROWS"),
    importMaxBytes: intFrom(env.IMPORT_MAX_BYTES, 4 * 1024 * 1024, "IMPORT_MAX_BYTES"),
    documentMaxBytes: intFrom(env.DOCUMENT_MAX_BYTES, 20 * 1024 * 1024, "DOCUMENT_MAX_BYTES"),
    shutdownTimeoutSeconds: secondsFrom(env.SHUTDOWN_TIMEOUT, 10, "SHUTDOWN_TIMEOUT"),
    redisUrl: env.REDIS_URL || undefined,
    collabRedisPrefix: env.COLLAB_REDIS_PREFIX || "driehoek:",
    collabRelayHeartbeatMs: intFrom(
      env.COLLAB_RELAY_HEARTBEAT_MS,
      1000,
      "COLLAB_RELAY_HEARTBEAT_MS",
    ),
    collabRelayPeerTimeoutMs: intFrom(
      env.COLLAB_RELAY_PEER_TIMEOUT_MS,
      5000,
      "COLLAB_RELAY_PEER_TIMEOUT_MS",
    ),
    rateLimitPrefix: env.RATE_LIMIT_PREFIX || "driehoek",
    graphqlRatePerMinute: intFrom(env.GRAPHQL_RATE_PER_MINUTE, 600, "GRAPHQL_RATE_PER_MINUTE"),
    graphqlIpRatePerMinute: intFrom(
      env.GRAPHQL_IP_RATE_PER_MINUTE,
      1200,
      "GRAPHQL_IP_RATE_PER_MINUTE",
    ),
    loginMaxFailures: intFrom(env.LOGIN_MAX_FAILURES, 10, "LOGIN_MAX_FAILURES"),
    loginIpMaxFailures: intFrom(env.LOGIN_IP_MAX_FAILURES, 100, "LOGIN_IP_MAX_FAILURES"),
    loginLockSeconds: intFrom(env.LOGIN_LOCK_SECONDS, 600, "LOGIN_LOCK_SECONDS"),
    resetMaxPerHour: intFrom(env.RESET_MAX_PER_HOUR, 5, "RESET_MAX_PER_HOUR"),
    resetIpMaxPerHour: intFrom(env.RESET_IP_MAX_PER_HOUR, 30, "RESET_IP_MAX_PER_HOUR"),
    trustProxy: /^\d+$/.test(env.TRUST_PROXY ?? "")
      ? Number(env.TRUST_PROXY)
      : env.TRUST_PROXY || undefined,
    maxQueryCost: intFrom(env.GRAPHQL_MAX_COST, 30_000, "GRAPHQL_MAX_COST"),
    graphqlTimeoutMs: intFrom(env.GRAPHQL_TIMEOUT_MS, 5_000, "GRAPHQL_TIMEOUT_MS"),
    introspection:
      env.GRAPHQL_INTROSPECTION === "true" ||
      (env.GRAPHQL_INTROSPECTION !== "false" && env.NODE_ENV !== "production"),
    collabTicketTtlSeconds: Math.min(60, intFrom(env.COLLAB_TICKET_TTL, 30, "COLLAB_TICKET_TTL")),
    redisPrefix: env.REDIS_PREFIX || "driehoek:",
    metricsToken: env.METRICS_TOKEN || undefined,
  };
  return { ...config, ...overrides };
}

/** A positive number of seconds (fractions allowed), or `fallback` when unset. */
function secondsFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) {
    throw new Error(`${name} must be a positive number of seconds, got "${value}"`);
  }
  return parsed;
}

import { type Logger, pino } from "pino";
import type { Config } from "../config.js";

export type { Logger };

/**
 * A logger writing JSON lines to stdout at `level` ("silent" writes nothing). Lines carry an
 * ISO time and, where a request is involved, its `requestId`, so one request can be followed
 * from the client's error to the server's stack trace.
 */
export function createLogger(
  level: Config["logLevel"],
  destination: pino.DestinationStream = pino.destination({ dest: 1, sync: true }),
): Logger {
  return pino(
    {
      level,
      base: { service: "driehoek" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

const loggers = new Map<Config["logLevel"], Logger>();

/** The process's logger for this configuration's `LOG_LEVEL` (one per level, shared). */
export function loggerFor(config: Pick<Config, "logLevel">): Logger {
  let logger = loggers.get(config.logLevel);
  if (!logger) {
    logger = createLogger(config.logLevel);
    loggers.set(config.logLevel, logger);
  }
  return logger;
}

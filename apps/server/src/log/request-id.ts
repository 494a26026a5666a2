import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { RequestHandler } from "express";
import type { Logger } from "./logger.js";

/** The header a request id travels in, both ways. */
export const REQUEST_ID_HEADER = "X-Request-Id";

/** Ids a client or proxy may choose: short, and nothing that could forge a log line. */
const SANE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/** The incoming id when it is sane, otherwise a fresh one. */
export function requestIdFrom(incoming: unknown): string {
  return typeof incoming === "string" && SANE_ID.test(incoming) ? incoming : randomUUID();
}

/** What the code running for one request may ask about it without it being passed along. */
export interface RequestScope {
  requestId: string;
  /** The caller's IP address (behind `TRUST_PROXY`), for throttles that count per address. */
  ip?: string;
}

const scope = new AsyncLocalStorage<RequestScope>();

/** Runs `work` (and everything it awaits) as part of the request `requestId`. */
export function inRequestScope<T>(requestScope: RequestScope, work: () => T): T {
  return scope.run(requestScope, work);
}

/** The id of the request the current code runs for, if any. */
export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}

/** The IP address of the request being handled, or "unknown" outside one (websocket, tests). */
export function callerIp(): string {
  return scope.getStore()?.ip ?? "unknown";
}

/**
 * Gives every request an id (`res.locals.requestId`), sends it back in X-Request-Id, and logs
 * one line per answered request (its path without the query string, which may hold a query).
 */
export function assignRequestIds(log: Logger): RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdFrom(req.get(REQUEST_ID_HEADER));
    const startedAt = performance.now();
    res.locals.requestId = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.once("finish", () =>
      log.info(
        {
          requestId,
          method: req.method,
          path: req.originalUrl.split("?")[0],
          status: res.statusCode,
          ms: Math.round(performance.now() - startedAt),
        },
        "request",
      ),
    );
    next();
  };
}

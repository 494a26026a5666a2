import { AsyncLocalStorage } from "node:async_hooks";
import type { RequestHandler } from "express";

/** Where the request being handled came from. */
interface RequestOrigin {
  ip: string;
}

const origin = new AsyncLocalStorage<RequestOrigin>();

/**
 * Remembers the caller's IP address for everything the request runs (resolvers included), so
 * throttles can count per address without the GraphQL context knowing about HTTP.
 */
export const rememberOrigin: RequestHandler = (req, _res, next) => {
  origin.run({ ip: req.ip ?? req.socket.remoteAddress ?? "unknown" }, next);
};

/** The IP address of the request being handled, or "unknown" outside a request (websocket, tests). */
export function callerIp(): string {
  return origin.getStore()?.ip ?? "unknown";
}

import { timingSafeEqual } from "node:crypto";
import type http from "node:http";
import type { RequestHandler } from "express";
import type { Config } from "../config.js";
import { counter, metricsRegistry } from "../metrics/registry.js";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/** Headers a reverse proxy adds: their presence means the caller is not on this machine. */
const FORWARDED = ["x-forwarded-for", "forwarded", "x-real-ip"];

/**
 * Whether the caller is on this machine: the connection comes from the loopback address and
 * no proxy forwarded it (a reverse proxy on the same machine connects from loopback for
 * everyone; it names the real caller in X-Forwarded-For, Forwarded or X-Real-IP).
 */
export function isLoopbackCaller(req: http.IncomingMessage): boolean {
  const peer = req.socket.remoteAddress ?? "";
  return LOOPBACK.has(peer) && FORWARDED.every((name) => req.headers[name] === undefined);
}

function isRightToken(config: Pick<Config, "metricsToken">, authorization: string | undefined) {
  const expected = config.metricsToken;
  const given = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  if (!expected || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * GET /metrics: the process's Prometheus registry in the text format. Open to callers on this
 * machine; from elsewhere only with `Authorization: Bearer <METRICS_TOKEN>` (401 without the
 * right one), and not there at all (404) when no METRICS_TOKEN is set (docs/SECURITY.md).
 */
export function metricsHandler(config: Pick<Config, "metricsToken">): RequestHandler {
  return async (req, res) => {
    res.set("Cache-Control", "no-store");
    if (!isLoopbackCaller(req)) {
      if (!config.metricsToken) {
        res.status(404).type("text/plain").send("Not found");
        return;
      }
      if (!isRightToken(config, req.headers.authorization)) {
        res.set("WWW-Authenticate", 'Bearer realm="metrics"');
        res.status(401).type("text/plain").send("A metrics token is required.");
        return;
      }
    }
    res.type(metricsRegistry.contentType).send(await metricsRegistry.metrics());
  };
}

const httpRequests = counter(
  "driehoek_http_requests_total",
  "HTTP requests answered, by endpoint, method and status class (websocket upgrades not counted)",
  ["endpoint", "method", "status"],
);

/** The endpoints requests are counted by: a fixed set, so a scanner cannot add labels. */
const ENDPOINTS = ["/graphql", "/healthz", "/readyz", "/metrics", "/export", "/api", "/join"];
const METHODS = new Set(["GET", "POST", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH"]);

function endpointOf(url: string | undefined): string {
  const path = (url ?? "/").split("?")[0] ?? "/";
  return ENDPOINTS.find((e) => path === e || path.startsWith(`${e}/`)) ?? "other";
}

/** Counts every HTTP request once it is answered; listen on the server's `request` event. */
export function countHttpRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
  // Read now: express rewrites req.url while routing.
  const endpoint = endpointOf(req.url);
  res.once("finish", () => {
    httpRequests.inc({
      endpoint,
      method: METHODS.has(req.method ?? "") ? (req.method as string) : "other",
      status: `${Math.floor(res.statusCode / 100)}xx`,
    });
  });
}

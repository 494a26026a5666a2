import { Router } from "express";
import type { Services } from "../context.js";
import { sharedRedis, whenReady } from "../security/redis.js";
import { metricsHandler } from "./metrics.js";

/** Servers that have begun shutting down; read by the health endpoints. */
const draining = new WeakSet<Services>();

/**
 * Marks the server as draining: from now on /healthz and /readyz answer 503, so a load balancer
 * sends no new work here while the server finishes what it has.
 */
export function markDraining(services: Services): void {
  draining.add(services);
}

/** Whether the server has begun shutting down. */
export function isDraining(services: Services): boolean {
  return draining.has(services);
}

/** How long /readyz waits for the database before calling it unreachable, in ms. */
const DATABASE_CHECK_MS = 2_000;
/** How long /readyz waits for Redis (with `REDIS_URL`) before calling it unreachable, in ms. */
const REDIS_CHECK_MS = 1_000;

/**
 * The health endpoints. `/healthz`: the process answers (200 `{ ok: true }`), 503 with
 * `status: "draining"` once shutdown has begun. `/readyz`: ready for work — the database answers,
 * Redis answers when `REDIS_URL` is set (events, tickets and limits are shared through it), and
 * the server is not draining (503 with the reason otherwise). `/metrics`: see http/metrics.ts.
 */
export function healthRouter(services: Services): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.set("Cache-Control", "no-store");
    if (isDraining(services)) res.status(503).json({ ok: false, status: "draining" });
    else res.json({ ok: true });
  });
  router.get("/readyz", async (_req, res) => {
    res.set("Cache-Control", "no-store");
    if (isDraining(services)) {
      res.status(503).json({ ok: false, status: "draining" });
      return;
    }
    try {
      await withDeadline(services.dataSource.query("SELECT 1"), DATABASE_CHECK_MS);
    } catch {
      res.status(503).json({ ok: false, status: "database_unreachable" });
      return;
    }
    const { redisUrl } = services.config;
    if (redisUrl) {
      try {
        const redis = sharedRedis(redisUrl);
        await withDeadline(
          whenReady(redis, REDIS_CHECK_MS).then(() => redis.ping()),
          REDIS_CHECK_MS * 2,
        );
      } catch {
        res.status(503).json({ ok: false, status: "redis_unreachable" });
        return;
      }
    }
    res.json({ ok: true, status: "ready" });
  });
  router.get("/metrics", metricsHandler(services.config));
  return router;
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

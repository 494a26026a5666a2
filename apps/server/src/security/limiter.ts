import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterRes,
} from "rate-limiter-flexible";
import type { Config } from "../config.js";
import { sharedRedis } from "./redis.js";

/** How many points a key may use in how many seconds, and how long it is blocked after. */
export interface LimitRule {
  /** Name of the limit, part of its keys. */
  name: string;
  points: number;
  durationSeconds: number;
  /** Seconds a key stays blocked once it went over; 0 waits only for the window to end. */
  blockSeconds?: number;
}

/**
 * A rate limiter for `rule`: in this process's memory, or in Redis when `REDIS_URL` is set so
 * every server process counts together. While Redis is unreachable the limit is kept in memory.
 */
export function createLimiter(
  config: Pick<Config, "redisUrl" | "rateLimitPrefix">,
  rule: LimitRule,
): RateLimiterAbstract {
  const options = {
    keyPrefix: `${config.rateLimitPrefix}:${rule.name}`,
    points: rule.points,
    duration: rule.durationSeconds,
    blockDuration: rule.blockSeconds ?? 0,
  };
  if (!config.redisUrl) return new RateLimiterMemory(options);
  return new RateLimiterRedis({
    ...options,
    storeClient: sharedRedis(config.redisUrl),
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory(options),
  });
}

/** Whether a value a limiter rejected with is its answer (over the limit), not a store failure. */
export function isLimitAnswer(value: unknown): value is RateLimiterRes {
  return typeof value === "object" && value !== null && "msBeforeNext" in value;
}

/** Whole seconds until a limiter lets the key through again (at least 1). */
export function secondsToWait(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000));
}

import { randomUUID } from "node:crypto";

/**
 * The Redis the shared-state tests run against (`TEST_REDIS_URL`), or undefined with a warning
 * naming `suite`; where Redis is required (`REQUIRE_REDIS=1`, as in CI) its absence fails.
 */
export function testRedisUrl(suite: string): string | undefined {
  const url = process.env.TEST_REDIS_URL;
  if (!url && process.env.REQUIRE_REDIS === "1") {
    throw new Error("REQUIRE_REDIS=1 but TEST_REDIS_URL is not set");
  }
  if (!url) console.warn(`${suite}: Redis tests skipped (set TEST_REDIS_URL to run them)`);
  return url;
}

/** A key prefix of its own for one test run, so runs sharing a Redis never meet. */
export const testRedisPrefix = (): string => `cluster-test:${randomUUID().slice(0, 8)}:`;

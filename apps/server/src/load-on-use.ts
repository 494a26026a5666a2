import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * A CommonJS package loaded the first time it is needed instead of at start-up. The embedded
 * default (SQLite, one process) never talks to PostgreSQL or Redis, so their clients (pg 3 MB,
 * ioredis 2 MB of heap) are not loaded until a configuration asks for them. `T` is the
 * package's type: `typeof import("ioredis")`.
 */
function loadOnUse<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(name) as T;
    return loaded;
  };
}

/** ioredis, loaded when the first Redis connection is opened. */
export const ioredis = loadOnUse<typeof import("ioredis")>("ioredis");

/** pg, loaded when the first PostgreSQL pool of the server's own is made. */
export const pg = loadOnUse<typeof import("pg")>("pg");

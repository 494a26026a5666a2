import { describe, expect, it } from "vitest";
import { collabOptionsOf } from "./collab/build.js";
import { loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("gives the collaboration endpoint its documented defaults", () => {
    expect(collabOptionsOf(loadConfig({}))).toEqual({
      maxMessageBytes: 1024 * 1024,
      maxConnectionsPerDocument: 30,
      authTimeoutMs: 10_000,
      idleUnloadMs: 30_000,
      projectionDelayMs: 2_000,
      compactAfterUpdates: 2_000,
      pingIntervalMs: 15_000,
      limits: {
        messagesPerSecond: 200,
        messageBurst: 600,
        bytesPerSecond: 1024 * 1024,
        byteBurst: 4 * 1024 * 1024,
      },
    });
    expect(loadConfig({}).maxQueryFields).toBe(500);
  });

  it("reads every tuning from its environment variable", () => {
    const config = loadConfig({
      GRAPHQL_MAX_FIELDS: "50",
      MAX_BODY_BYTES: "1000",
      COLLAB_RATE: "10",
      COLLAB_MESSAGE_BURST: "5",
      COLLAB_BYTE_BURST: "2",
      COLLAB_AUTH_TIMEOUT_MS: "1000",
      COLLAB_IDLE_UNLOAD_MS: "2000",
      COLLAB_PROJECTION_DELAY_MS: "300",
      COLLAB_COMPACT_AFTER: "40",
      COLLAB_PING_INTERVAL_MS: "5000",
    });
    expect(config.maxQueryFields).toBe(50);
    expect(collabOptionsOf(config)).toMatchObject({
      authTimeoutMs: 1000,
      idleUnloadMs: 2000,
      projectionDelayMs: 300,
      compactAfterUpdates: 40,
      pingIntervalMs: 5000,
      limits: { messagesPerSecond: 10, messageBurst: 50, bytesPerSecond: 1000, byteBurst: 2000 },
    });
  });

  it("refuses a setting that is not a positive whole number, naming it", () => {
    expect(() => loadConfig({ COLLAB_PROJECTION_DELAY_MS: "soon" })).toThrow(
      /COLLAB_PROJECTION_DELAY_MS/,
    );
    expect(() => loadConfig({ GRAPHQL_MAX_FIELDS: "-1" })).toThrow(/GRAPHQL_MAX_FIELDS/);
  });
});

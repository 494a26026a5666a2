import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "screenshots/**"],
    globalSetup: ["support/global-setup.ts"],
    // Each file starts a real server and three browser contexts: give them room, and run one
    // file at a time so they do not compete for the CPU and make the timing tests flaky.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Every expect.poll waits at most this long: enough for an edit to cross three devices,
    // or a reconnect to finish, on a busy CI machine.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    fileParallelism: false,
    maxWorkers: 1,
  },
});

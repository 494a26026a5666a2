import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // One graphql module for type-graphql, Apollo and graphql-ws (two copies break the schema).
    alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }],
  },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    setupFiles: ["test/support/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Files run in parallel workers; each test server has its own database.
    fileParallelism: true,
    maxWorkers: 2,
  },
});

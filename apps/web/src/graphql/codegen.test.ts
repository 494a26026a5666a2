// @vitest-environment node
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { generate } from "@graphql-codegen/cli";
import { describe, expect, it } from "vitest";
import config from "../../codegen";

const webRoot = fileURLToPath(new URL("../..", import.meta.url));

describe("the generated GraphQL types", () => {
  it("are current with the committed schema and the operations (npm run codegen)", async () => {
    const files: { filename: string; content: string }[] = await generate(
      { ...config, cwd: webRoot, silent: true },
      false,
    );
    expect(files.map((f) => f.filename).sort()).toEqual([
      "src/graphql/generated/gql.ts",
      "src/graphql/generated/graphql.ts",
      "src/graphql/generated/index.ts",
    ]);
    for (const file of files) {
      const committed = await readFile(new URL(file.filename, `file://${webRoot}`), "utf8");
      expect(committed, `${file.filename} is out of date: run npm run codegen`).toBe(file.content);
    }
  }, 60_000);
});

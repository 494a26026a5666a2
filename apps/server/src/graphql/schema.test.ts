import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildApiSchema } from "./schema.js";

const committed = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../schema.graphql",
);

describe("schema.graphql", () => {
  it("is the schema the code builds (run `npm run schema` after an API change)", async () => {
    const fresh = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-schema-")),
      "schema.graphql",
    );
    await buildApiSchema(fresh);
    expect(fs.readFileSync(committed, "utf8")).toBe(fs.readFileSync(fresh, "utf8"));
  });
});

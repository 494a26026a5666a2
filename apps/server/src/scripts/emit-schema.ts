import "reflect-metadata";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildApiSchema } from "../graphql/schema.js";

/** Writes the API's SDL to apps/server/schema.graphql (committed, so reviews show API changes). */
const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../schema.graphql");
await buildApiSchema(target);
console.log(`schema written to ${target}`);

import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Person } from "../../src/modules/people/person.entity.js";
import type { TestServer } from "./server.js";

/** The example roster files in docs/examples. */
export const EXAMPLES = path.resolve(
  fileURLToPath(import.meta.url),
  "../../../../../docs/examples",
);

/** The clean example roster (`docs/examples/roster.csv`). */
export const EXAMPLE_ROSTER = fs.readFileSync(path.join(EXAMPLES, "roster.csv"), "utf8");

/**
 * Adds the two BPV-begeleiders the example roster names (the demo school's), so that its rows
 * find their begeleider.
 */
export async function addExampleBegeleiders(server: TestServer): Promise<void> {
  for (const [name, email] of [
    ["Marieke de Vries", "m.devries@demo.driehoek.nl"],
    ["Joost Bakker", "j.bakker@demo.driehoek.nl"],
  ]) {
    await server.services.dataSource.manager.insert(Person, {
      id: randomUUID(),
      name,
      email,
      passwordHash: null,
      role: "bpv_begeleider",
      companyId: null,
      createdAt: server.clock.now(),
    });
  }
}

/**
 * Benchmark of the roster import (a script that prints figures; not a test).
 *
 *   npm run bench:import                  # 10,000 rows on SQLite
 *   npm run bench:import -- --rows 2000
 *
 * Generates a roster file of --rows rows (distinct students, 200 companies, 20 begeleiders) into
 * a fresh SQLite file in a temp folder, migrated as the server does, and times through the
 * function the resolver calls: the preview, the commit, and the preview and commit of the same
 * file again (a re-import that changes nothing).
 */
import "reflect-metadata";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import type { Services } from "../src/context.js";
import { openDatabase } from "../src/db/data-source.js";
import { AuditLog } from "../src/modules/audit/audit-log.js";
import { Person } from "../src/modules/people/person.entity.js";
import { importRoster } from "../src/modules/roster/roster.service.js";

const { values } = parseArgs({ options: { rows: { type: "string", default: "10000" } } });
const rows = Number(values.rows);
const HEADER =
  "studentnummer;voornaam;achternaam;e-mail student;crebo;opleiding;niveau;cohort;leerweg;leerbedrijf;plaats;sbb-nummer;praktijkopleider;e-mail praktijkopleider;bpv-begeleider;startdatum;einddatum;uren per week;pok-nummer;pok getekend student;pok getekend school;pok getekend bedrijf";

function rosterFile(): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const company = i % 200;
    const n = 700000 + i;
    lines.push(
      [
        n,
        `Voornaam${i}`,
        `Achternaam${i}`,
        `student${n}@student.bench.nl`,
        ["25604", "25480", "25255"][i % 3],
        ["Software developer", "Verpleegkundige", "Medewerker ICT support"][i % 3],
        [4, 4, 2][i % 3],
        "2025-2026",
        i % 4 === 0 ? "BBL" : "BOL",
        `Leerbedrijf ${company} B.V.`,
        "Utrecht",
        String(10_000_000 + company),
        `Praktijkopleider ${company}`,
        `po${company}@bedrijf${company}.bench.nl`,
        `begeleider${i % 20}@school.bench.nl`,
        "01-09-2025",
        "30-06-2026",
        32,
        `POK-${n}`,
        "25-08-2025",
        "26-08-2025",
        "27-08-2025",
      ].join(";"),
    );
  }
  return `${lines.join("\n")}\n`;
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-bench-import-"));
  const dataSource = await openDatabase({ dataDir });
  const now = () => new Date("2026-03-09T08:00:00.000Z");
  const services = {
    config: loadConfig({}, { dataDir }),
    dataSource,
    audit: new AuditLog(dataSource, now),
    now,
  } as unknown as Services;
  const admin = randomUUID();
  const staff = [
    { id: admin, email: "beheer@school.bench.nl", role: "admin" as const },
    ...Array.from({ length: 20 }, (_, i) => ({
      id: randomUUID(),
      email: `begeleider${i}@school.bench.nl`,
      role: "bpv_begeleider" as const,
    })),
  ];
  await dataSource.manager.insert(
    Person,
    staff.map((s) => ({
      ...s,
      name: s.email,
      passwordHash: null,
      companyId: null,
      createdAt: now(),
    })),
  );
  const csv = rosterFile();
  console.log(`roster import, SQLite: ${rows} rows, ${(csv.length / 1024 / 1024).toFixed(1)} MB`);
  const viewer = { personId: admin, role: "admin" as const };
  for (const [label, dryRun] of [
    ["preview (new school)", true],
    ["commit (new school)", false],
    ["preview (re-import, unchanged)", true],
    ["commit (re-import, unchanged)", false],
  ] as const) {
    const start = performance.now();
    const result = await importRoster(services, viewer, csv, dryRun);
    const seconds = (performance.now() - start) / 1000;
    console.log(
      `${label.padEnd(32)} ${seconds.toFixed(2)} s  created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}, errors ${result.errors.length}`,
    );
  }
  await dataSource.destroy();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

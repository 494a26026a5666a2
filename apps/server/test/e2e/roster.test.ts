import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditEntry } from "../../src/modules/audit/audit-entry.entity.js";
import { Person } from "../../src/modules/people/person.entity.js";
import { Placement } from "../../src/modules/placement/placement.entity.js";
import { Company } from "../../src/modules/school/company.entity.js";
import { Student } from "../../src/modules/school/student.entity.js";
import { testDatabases } from "../support/database.js";
import { buildSchool, loginAs, type TestSchool } from "../support/factories.js";
import { addExampleBegeleiders, EXAMPLE_ROSTER, EXAMPLES } from "../support/roster-example.js";
import { codeOf, startTestServer, type TestServer } from "../support/server.js";

const CLEAN = EXAMPLE_ROSTER;
const WITH_ERRORS = fs.readFileSync(path.join(EXAMPLES, "roster-met-fouten.csv"), "utf8");

const IMPORT = `mutation($csv: String!, $dryRun: Boolean!) {
  importRoster(csv: $csv, dryRun: $dryRun) {
    dryRun committed sha256 rows created updated unchanged delimiter ignoredColumns
    errors { row column message }
    rowResults { row action studentNumber studentName startDate companyName changes }
    missing { studentNumber studentName startDate companyName }
  }
}`;

describe.each(testDatabases())("roster import on %s", (kind) => {
  let server: TestServer;
  let school: TestSchool;
  let fleur: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    school = await buildSchool(server.services);
    fleur = await loginAs(server, school.staff.fleur);
    await addExampleBegeleiders(server);
  });
  afterAll(() => server?.close());

  const importAs = async (csv: string, dryRun: boolean, token = fleur) => {
    return server.gql(IMPORT, { csv, dryRun }, token);
  };
  const counts = async () => {
    const m = server.services.dataSource.manager;
    return {
      students: await m.count(Student),
      placements: await m.count(Placement),
      companies: await m.count(Company),
      people: await m.count(Person),
    };
  };

  it("names every error with a stable code and its values, so a client words it in its own language", async () => {
    const coded = await server.gql(
      `mutation($csv: String!) { importRoster(csv: $csv, dryRun: true) {
        errors { row column code params { name value } message } } }`,
      { csv: WITH_ERRORS },
      fleur,
    );
    expect(coded.errors).toBeUndefined();
    const errors = coded.data?.importRoster.errors as {
      row: number;
      code: string;
      params: { name: string; value: string }[];
    }[];
    expect(errors.map(({ row, code, params }) => ({ row, code, params }))).toEqual([
      { row: 3, code: "invalid_email", params: [] },
      { row: 4, code: "end_before_start", params: [] },
      {
        row: 5,
        code: "unknown_begeleider",
        params: [{ name: "email", value: "onbekend@demo.driehoek.nl" }],
      },
      { row: 6, code: "invalid_date", params: [] },
      { row: 7, code: "required", params: [] },
      { row: 8, code: "duplicate_placement", params: [{ name: "row", value: "2" }] },
      { row: 9, code: "invalid_crebo", params: [] },
      {
        row: 9,
        code: "not_whole_number",
        params: [
          { name: "max", value: "4" },
          { name: "min", value: "1" },
        ],
      },
      { row: 9, code: "invalid_leerweg", params: [] },
      {
        row: 9,
        code: "not_whole_number",
        params: [
          { name: "max", value: "60" },
          { name: "min", value: "1" },
        ],
      },
    ]);
  });

  it("the preview of a file with errors lists every error with its row and column, and changes nothing", async () => {
    const before = await counts();
    const result = await importAs(WITH_ERRORS, true);
    expect(result.errors).toBeUndefined();
    const preview = result.data?.importRoster;
    expect(preview).toMatchObject({ dryRun: true, committed: false, rows: 8, delimiter: "," });
    expect(preview.errors).toEqual([
      { row: 3, column: "e-mail student", message: "is geen geldig e-mailadres" },
      { row: 4, column: "einddatum", message: "ligt vóór de startdatum" },
      {
        row: 5,
        column: "bpv-begeleider",
        message: "er is geen BPV-begeleider met het e-mailadres onbekend@demo.driehoek.nl",
      },
      { row: 6, column: "startdatum", message: "is geen geldige datum (dd-mm-jjjj of jjjj-mm-dd)" },
      { row: 7, column: "achternaam", message: "is leeg, maar verplicht" },
      {
        row: 8,
        column: "studentnummer",
        message: "deze student met deze startdatum staat al op rij 2",
      },
      { row: 9, column: "crebo", message: "moet 5 cijfers zijn" },
      { row: 9, column: "niveau", message: "moet een heel getal van 1 tot en met 4 zijn" },
      { row: 9, column: "leerweg", message: "moet BOL of BBL zijn" },
      { row: 9, column: "uren per week", message: "moet een heel getal van 1 tot en met 60 zijn" },
    ]);
    // Committing the same file refuses it whole.
    const commit = (await importAs(WITH_ERRORS, false)).data?.importRoster;
    expect(commit.committed).toBe(false);
    expect(commit.errors).toHaveLength(10);
    expect(await counts()).toEqual(before);
  });

  it("the clean example previews, then commits every row at once", async () => {
    const before = await counts();
    const preview = (await importAs(`\uFEFF${CLEAN}`, true)).data?.importRoster;
    expect(preview).toMatchObject({
      errors: [],
      created: 6,
      updated: 0,
      unchanged: 0,
      delimiter: ";",
    });
    expect(await counts()).toEqual(before);

    const result = await importAs(CLEAN, false);
    expect(result.errors).toBeUndefined();
    const done = result.data?.importRoster;
    expect(done).toMatchObject({ committed: true, errors: [], created: 6, rows: 6, missing: [] });
    expect(await counts()).toEqual({
      students: before.students + 5,
      placements: before.placements + 6,
      companies: before.companies + 3,
      // five students and four praktijkopleiders
      people: before.people + 9,
    });
    // Read back over the API as the begeleider: the placement with its people and POK.
    const marieke = await server.services.dataSource.manager.findOneByOrFail(Person, {
      email: "m.devries@demo.driehoek.nl",
    });
    const noor = await server.services.dataSource.manager.findOneByOrFail(Student, {
      studentNumber: "500101",
    });
    const placement = await server.services.dataSource.manager.findOneByOrFail(Placement, {
      studentId: noor.id,
    });
    expect(placement).toMatchObject({
      begeleiderId: marieke.id,
      startDate: "2026-02-01",
      endDate: "2026-07-03",
      hoursPerWeek: 32,
      pokNumber: "POK-2026-0101",
      pokStatus: "active",
      pokCompanySignedAt: "2026-01-22",
    });
    const read = await server.gql(
      `query($id: ID!) { placement(id: $id) {
        student { name } enrolment { studentNumber cohort leerweg } programme { crebo name level }
        company { name city sbbNumber } praktijkopleider { name } begeleider { name } pokValid
      } }`,
      { id: placement.id },
      fleur,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.placement).toEqual({
      student: { name: "Noor Bakker" },
      enrolment: { studentNumber: "500101", cohort: "2025-2026", leerweg: "BOL" },
      programme: { crebo: "25604", name: "Software developer", level: 4 },
      company: { name: "Codefabriek B.V.", city: "Utrecht", sbbNumber: "10234567" },
      praktijkopleider: { name: "Ruud Verbeek" },
      begeleider: { name: "Marieke de Vries" },
      pokValid: true,
    });
    const audit = await server.services.dataSource.manager.findOneByOrFail(AuditEntry, {
      action: "roster.imported",
    });
    expect(JSON.parse(audit.detail as string)).toMatchObject({
      sha256: done.sha256,
      rows: 6,
      created: 6,
    });
    expect(done.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("a changed export updates in place, never duplicates, and reports a placement no longer in it", async () => {
    const before = await counts();
    const lines = CLEAN.trimEnd().split("\n");
    const changed = [
      lines[0],
      // Noor's end date moves; Milan's company signs the POK; Yara's row is left out.
      (lines[1] as string).replace("03-07-2026", "10-07-2026"),
      `${lines[2]}23-01-2026`.replace(";;23-01-2026", ";23-01-2026"),
      ...lines.slice(4),
    ].join("\r\n");
    const preview = (await importAs(changed, true)).data?.importRoster;
    expect(preview.errors).toEqual([]);
    expect(preview).toMatchObject({ created: 0, updated: 2, unchanged: 3 });
    expect(preview.rowResults[0]).toMatchObject({
      studentNumber: "500101",
      action: "update",
      changes: ["einddatum"],
    });
    expect(preview.rowResults[1]).toMatchObject({
      studentNumber: "500102",
      action: "update",
      changes: ["pok getekend bedrijf"],
    });
    expect(preview.missing).toEqual([
      {
        studentNumber: "500103",
        studentName: "Yara El Idrissi",
        startDate: "2025-09-01",
        companyName: "Zorggroep De Eik",
      },
    ]);
    const done = (await importAs(changed, false)).data?.importRoster;
    expect(done).toMatchObject({ committed: true, created: 0, updated: 2, unchanged: 3 });
    expect(await counts()).toEqual(before);
    const noor = await server.services.dataSource.manager.findOneByOrFail(Student, {
      studentNumber: "500101",
    });
    expect(
      (await server.services.dataSource.manager.findOneByOrFail(Placement, { studentId: noor.id }))
        .endDate,
    ).toBe("2026-07-10");
    // The missing placement is reported, not deleted.
    expect(await server.services.dataSource.manager.count(Placement)).toBe(before.placements);
    // The same file again changes nothing.
    const again = (await importAs(changed, false)).data?.importRoster;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
  });

  it("only an admin imports", async () => {
    const marieke = await loginAs(server, school.staff.marieke);
    for (const token of [marieke, undefined]) {
      const result = await server.gql(IMPORT, { csv: CLEAN, dryRun: true }, token);
      expect(result.data).toBeNull();
      expect(["FORBIDDEN", "UNAUTHENTICATED"]).toContain(codeOf(result));
    }
  });

  it("what is not a roster, or too big, gets a clear error and changes nothing", async () => {
    const before = await counts();
    const cases: [string, string, RegExp][] = [
      ["%PDF-1.7\u0000\u0001binary", "BAD_USER_INPUT", /geen CSV-bestand/],
      ["naam;adres\nPiet;Dorpsstraat 1\n", "BAD_USER_INPUT", /kolommen van een roosterbestand/],
      [`${CLEAN}500199;"Open;Quote\n`, "BAD_USER_INPUT", /geen geldige CSV/],
      [
        [CLEAN.split("\n")[0], ...Array.from({ length: 10_001 }, (_, i) => `${600000 + i};a`)].join(
          "\n",
        ),
        "PAYLOAD_TOO_LARGE",
        /hoogstens 10000/,
      ],
      [`${CLEAN}${"x".repeat(4 * 1024 * 1024)}`, "PAYLOAD_TOO_LARGE", /hoogstens 4\.0 MB/],
    ];
    for (const [csv, code, message] of cases) {
      const result = await importAs(csv, false);
      expect(result.data).toBeNull();
      expect(codeOf(result)).toBe(code);
      expect(result.errors?.[0]?.message).toMatch(message);
    }
    // Each whole-file problem has its reason, and the values its message names, for the client.
    const extensions = [];
    for (const [csv] of cases) extensions.push((await importAs(csv, true)).errors?.[0]?.extensions);
    expect(extensions.map((e) => e?.reason)).toEqual([
      "not_csv",
      "not_a_roster",
      "invalid_csv",
      "too_many_rows",
      "file_too_large",
    ]);
    expect(extensions[3]?.params).toEqual({ rows: 10_001, maxRows: 10_000 });
    expect(extensions[4]?.params).toMatchObject({ maxMegabytes: "4.0" });
    expect(await counts()).toEqual(before);
  });
});

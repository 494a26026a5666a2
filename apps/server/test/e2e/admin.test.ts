import { beforeAll, describe, expect, it } from "vitest";
import { AuditEntry } from "../../src/modules/audit/audit-entry.entity.js";
import { Placement } from "../../src/modules/placement/placement.entity.js";
import { PlacementFrequency } from "../../src/modules/placement/placement-frequency.entity.js";
import { Student } from "../../src/modules/school/student.entity.js";
import { testDatabases } from "../support/database.js";
import { loginAs } from "../support/factories.js";
import { codeOf } from "../support/server.js";
import { useSchoolServer } from "../support/suite.js";

const STUDENTS = `query($search: String, $first: Int!, $after: String) {
  adminStudents(search: $search, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id studentNumber name email crebo programmeName level cohort leerweg } }
  }
}`;
const PLACEMENTS = `query($search: String) {
  adminPlacements(search: $search, first: 10) {
    totalCount edges { node { id studentNumber studentName companyName trainerName begeleiderEmail startDate endDate hoursPerWeek pokNumber } }
  }
}`;
const COMPANIES = `query($search: String) {
  adminCompanies(search: $search, first: 10) { totalCount edges { node { id name city sbbNumber placementCount } } }
}`;
const TRAINERS = `query($search: String) {
  adminTrainers(search: $search, first: 10) { totalCount edges { node { id name email companyName } } }
}`;
const UPDATE_STUDENT = `mutation($input: UpdateStudentInput!) {
  updateStudent(input: $input) { node { id studentNumber name email cohort leerweg } errors { field message } }
}`;
const UPDATE_PLACEMENT = `mutation($input: UpdatePlacementInput!) {
  updatePlacement(input: $input) { node { id startDate endDate hoursPerWeek } errors { field message } }
}`;
const UPDATE_COMPANY = `mutation($input: UpdateCompanyInput!) {
  updateCompany(input: $input) { node { id name city sbbNumber } errors { field message } }
}`;
const UPDATE_TRAINER = `mutation($input: UpdateTrainerInput!) {
  updateTrainer(input: $input) { node { id name email } errors { field message } }
}`;

describe.each(testDatabases())("administration tables on %s", (kind) => {
  const suite = useSchoolServer(kind);
  let fleur: string;
  let marieke: string;

  beforeAll(async () => {
    fleur = await loginAs(suite.server, suite.school.staff.fleur);
    marieke = await loginAs(suite.server, suite.school.staff.marieke);
  });
  const gql = (query: string, variables: Record<string, unknown> = {}, token = fleur) =>
    suite.server.gql(query, variables, token);

  it("pages the students by cursor: every student once, in name order, with the total", async () => {
    const first = await gql(STUDENTS, { first: 2 });
    expect(first.errors).toBeUndefined();
    const page1 = first.data?.adminStudents;
    expect(page1.totalCount).toBe(3);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page1.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
      "Daan Mulder",
      "Lotte de Boer",
    ]);
    const second = await gql(STUDENTS, { first: 2, after: page1.pageInfo.endCursor });
    const page2 = second.data?.adminStudents;
    expect(page2.totalCount).toBe(3);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(page2.edges.map((e: { node: { name: string } }) => e.node)).toEqual([
      expect.objectContaining({
        name: "Sanne Visser",
        studentNumber: "100001",
        cohort: "2024-2025",
      }),
    ]);
    const bad = await gql(STUDENTS, { first: 2, after: "nonsense" });
    expect(codeOf(bad)).toBe("BAD_USER_INPUT");
  });

  it("searches each table in SQL, any case, across its columns", async () => {
    const byNumber = await gql(STUDENTS, { search: "100003", first: 10 });
    expect(
      byNumber.data?.adminStudents.edges.map((e: { node: { name: string } }) => e.node.name),
    ).toEqual(["Lotte de Boer"]);
    const placements = (await gql(PLACEMENTS, { search: "BYTEWERK" })).data?.adminPlacements;
    expect(placements.totalCount).toBe(2);
    expect(
      placements.edges.map((e: { node: { studentName: string } }) => e.node.studentName).sort(),
    ).toEqual(["Lotte de Boer", "Sanne Visser"]);
    const companies = (await gql(COMPANIES, { search: "linde" })).data?.adminCompanies;
    expect(companies.edges).toEqual([
      {
        node: expect.objectContaining({
          name: "Zorgcentrum De Linde",
          city: "Rotterdam",
          placementCount: 1,
        }),
      },
    ]);
    const trainers = (await gql(TRAINERS, { search: "bytewerk" })).data?.adminTrainers;
    expect(
      trainers.edges.map((e: { node: { companyName: string } }) => e.node.companyName),
    ).toEqual(["Bytewerk B.V."]);
    const wildcard = await gql(STUDENTS, { search: "%", first: 10 });
    expect(wildcard.data?.adminStudents.totalCount).toBe(0);
  });

  it("an edit of a student saves, shows in the table and is audit-logged", async () => {
    const { studentId } = suite.school.students.daan;
    const result = await gql(UPDATE_STUDENT, {
      input: {
        id: studentId,
        name: "Daan Mulders",
        email: "Daan@Student.test",
        cohort: "2025/2026",
        leerweg: "bbl",
      },
    });
    expect(result.data?.updateStudent).toEqual({
      node: {
        id: studentId,
        studentNumber: "100002",
        name: "Daan Mulders",
        email: "daan@student.test",
        cohort: "2025-2026",
        leerweg: "BBL",
      },
      errors: [],
    });
    const shown = (await gql(STUDENTS, { search: "mulders", first: 10 })).data?.adminStudents;
    expect(shown.edges[0].node).toMatchObject({ email: "daan@student.test", leerweg: "BBL" });
    const audit = await suite.server.services.dataSource.manager.findOneByOrFail(AuditEntry, {
      action: "student.edited",
      subjectId: studentId,
    });
    expect(audit.actorId).toBe(suite.school.staff.fleur.id);
    expect(JSON.parse(audit.detail ?? "{}").fields).toEqual(["cohort", "leerweg", "name", "email"]);
  });

  it("bad values get a Dutch error per field and change nothing", async () => {
    const manager = suite.server.services.dataSource.manager;
    const { placementId, studentId } = suite.school.students.sanne;
    const before = await manager.findOneByOrFail(Placement, { id: placementId });
    const result = await gql(UPDATE_PLACEMENT, {
      input: {
        id: placementId,
        startDate: "31-02-2026",
        hoursPerWeek: "80",
        begeleiderEmail: "niemand@school.test",
      },
    });
    expect(result.data?.updatePlacement).toEqual({
      node: null,
      errors: [
        { field: "startDate", message: "is geen geldige datum (dd-mm-jjjj of jjjj-mm-dd)" },
        { field: "hoursPerWeek", message: "moet een heel getal van 1 tot en met 60 zijn" },
        {
          field: "begeleiderEmail",
          message: "er is geen BPV-begeleider met het e-mailadres niemand@school.test",
        },
      ],
    });
    const order = await gql(UPDATE_PLACEMENT, {
      input: { id: placementId, endDate: "01-01-2000", hoursPerWeek: "20" },
    });
    expect(order.data?.updatePlacement.errors).toEqual([
      { field: "endDate", message: "ligt vóór de startdatum" },
    ]);
    expect(await manager.findOneByOrFail(Placement, { id: placementId })).toEqual(before);

    const student = await gql(UPDATE_STUDENT, {
      input: {
        id: studentId,
        studentNumber: "100003",
        name: " ",
        leerweg: "MBO",
        cohort: "2025-2027",
      },
    });
    expect(student.data?.updateStudent.errors).toEqual([
      { field: "studentNumber", message: "is al in gebruik bij een andere student" },
      { field: "name", message: "is leeg, maar verplicht" },
      { field: "cohort", message: "moet een schooljaar zijn, bijvoorbeeld 2025-2026" },
      { field: "leerweg", message: "moet BOL of BBL zijn" },
    ]);
    expect((await manager.findOneByOrFail(Student, { id: studentId })).studentNumber).toBe(
      "100001",
    );

    const trainer = await gql(UPDATE_TRAINER, {
      input: { id: suite.school.trainers.kees, email: suite.school.staff.marieke.email },
    });
    expect(trainer.data?.updateTrainer.errors).toEqual([
      { field: "email", message: `${suite.school.staff.marieke.email} hoort al bij iemand anders` },
    ]);
  });

  it("new placement dates are saved and the frequency verdict is judged again", async () => {
    const manager = suite.server.services.dataSource.manager;
    const { placementId } = suite.school.students.lotte;
    const stored = await manager.findOneByOrFail(Placement, { id: placementId });
    const result = await gql(UPDATE_PLACEMENT, {
      input: { id: placementId, endDate: addDays(stored.startDate, 120), hoursPerWeek: "24" },
    });
    expect(result.data?.updatePlacement).toEqual({
      node: {
        id: placementId,
        startDate: stored.startDate,
        endDate: addDays(stored.startDate, 120),
        hoursPerWeek: 24,
      },
      errors: [],
    });
    const verdict = await manager.findOneByOrFail(PlacementFrequency, { placementId });
    expect(verdict.periodEnd <= addDays(stored.startDate, 120)).toBe(true);
    const placement = await manager.findOneByOrFail(Placement, { id: placementId });
    expect(placement.pokEndDate).toBe(addDays(stored.startDate, 120));
  });

  it("companies and praktijkopleiders are edited the same way", async () => {
    const company = await gql(UPDATE_COMPANY, {
      input: { id: suite.school.companies.linde, city: "Delft", sbbNumber: "12345678" },
    });
    expect(company.data?.updateCompany).toEqual({
      node: {
        id: suite.school.companies.linde,
        name: "Zorgcentrum De Linde",
        city: "Delft",
        sbbNumber: "12345678",
      },
      errors: [],
    });
    const twin = await gql(UPDATE_COMPANY, {
      input: { id: suite.school.companies.bytewerk, sbbNumber: "12345678", name: "" },
    });
    expect(twin.data?.updateCompany.errors).toEqual([
      { field: "name", message: "is leeg, maar verplicht" },
      { field: "sbbNumber", message: "is al in gebruik bij Zorgcentrum De Linde" },
    ]);
    const trainer = await gql(UPDATE_TRAINER, {
      input: { id: suite.school.trainers.ingrid, email: "ingrid@delinde.test" },
    });
    expect(trainer.data?.updateTrainer.node).toMatchObject({ email: "ingrid@delinde.test" });
  });

  it("names each refused field's problem with a stable code and its values, beside the Dutch", async () => {
    const coded = (mutation: string, input: string) =>
      `mutation($input: ${input}!) { result: ${mutation}(input: $input) {
        node { id } errors { field code params { name value } message } } }`;
    const placement = await gql(coded("updatePlacement", "UpdatePlacementInput"), {
      input: {
        id: suite.school.students.sanne.placementId,
        startDate: "31-02-2026",
        hoursPerWeek: "80",
        begeleiderEmail: "niemand@school.test",
      },
    });
    expect(placement.errors).toBeUndefined();
    expect(placement.data?.result.errors).toEqual([
      {
        field: "startDate",
        code: "invalid_date",
        params: [],
        message: "is geen geldige datum (dd-mm-jjjj of jjjj-mm-dd)",
      },
      {
        field: "hoursPerWeek",
        code: "not_whole_number",
        params: [
          { name: "max", value: "60" },
          { name: "min", value: "1" },
        ],
        message: "moet een heel getal van 1 tot en met 60 zijn",
      },
      {
        field: "begeleiderEmail",
        code: "unknown_begeleider",
        params: [{ name: "email", value: "niemand@school.test" }],
        message: "er is geen BPV-begeleider met het e-mailadres niemand@school.test",
      },
    ]);
    const company = await gql(coded("updateCompany", "UpdateCompanyInput"), {
      input: { id: suite.school.companies.bytewerk, sbbNumber: "12345678", name: "" },
    });
    const refused: { code: string; params: unknown[] }[] = company.data?.result.errors ?? [];
    const codes = refused.map(({ code, params }) => ({ code, params }));
    expect(codes).toEqual([
      { code: "required", params: [] },
      { code: "sbb_number_taken", params: [{ name: "company", value: "Zorgcentrum De Linde" }] },
    ]);
  });

  it("refuses everyone but the admin", async () => {
    expect(codeOf(await gql(STUDENTS, { first: 5 }, marieke))).toBe("FORBIDDEN");
    expect(codeOf(await gql(COMPANIES, {}, marieke))).toBe("FORBIDDEN");
    const edit = await gql(
      UPDATE_TRAINER,
      { input: { id: suite.school.trainers.kees, name: "Iemand" } },
      marieke,
    );
    expect(codeOf(edit)).toBe("FORBIDDEN");
    expect(codeOf(await suite.server.gql(TRAINERS, {}))).toBe("UNAUTHENTICATED");
  });
});

function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * 86400_000).toISOString().slice(0, 10);
}

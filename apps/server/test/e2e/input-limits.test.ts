import { getMetadataStorage as validationMetadata } from "class-validator";
import { getMetadataStorage, ID } from "type-graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApiSchema } from "../../src/graphql/schema.js";
import { buildSchool, loginAs, type TestSchool } from "../support/factories.js";
import { codeOf, startTestServer, type TestServer } from "../support/server.js";

const SCHEDULE = `mutation($placementId: ID!, $at: DateTimeISO!) {
  scheduleConversation(input: { placementId: $placementId, scheduledAt: $at }) { conversation { id } }
}`;
const MOVE = `mutation($id: ID!, $at: DateTimeISO!) {
  moveConversation(conversationId: $id, startsAt: $at) { id scheduledAt } }`;
const SAVE_CALENDAR = `mutation($input: SchoolCalendarInput!) { saveSchoolCalendar(input: $input) { schoolYear } }`;
const UPDATE_PLACEMENT = `mutation($input: UpdatePlacementInput!) {
  updatePlacement(input: $input) { node { id } errors { field message } } }`;
const UPDATE_COMPANY = `mutation($input: UpdateCompanyInput!) {
  updateCompany(input: $input) { node { id } errors { field message } } }`;

/** Input fields bounded some other way than a length rule, and why. */
const BOUNDED_ELSEWHERE: Record<string, string> = {
  "ImportRosterArgs.csv": "IMPORT_MAX_BYTES, checked in bytes by the import",
};

describe("input limits", () => {
  let server: TestServer;
  let school: TestSchool;
  let marieke: string;
  let fleur: string;
  beforeAll(async () => {
    server = await startTestServer("sqlite");
    school = await buildSchool(server.services);
    marieke = await loginAs(server, school.staff.marieke);
    fleur = await loginAs(server, school.staff.fleur);
  });
  afterAll(() => server?.close());

  it("refuses dates outside 2000–2100 when planning or moving a conversation", async () => {
    const placementId = school.students.sanne.placementId;
    for (const at of ["0000-01-01T10:00:00Z", "1999-12-31T10:00:00Z", "2101-01-01T10:00:00Z"]) {
      const result = await server.gql(SCHEDULE, { placementId, at }, marieke);
      expect(result.data, at).toBeNull();
      expect(codeOf(result), at).toBe("BAD_USER_INPUT");
      const moved = await server.gql(MOVE, { id: school.conversations.sanne.id, at }, marieke);
      expect(codeOf(moved), at).toBe("BAD_USER_INPUT");
    }
    const fine = await server.gql(SCHEDULE, { placementId, at: "2026-06-01T10:00:00Z" }, marieke);
    expect(fine.errors).toBeUndefined();
  });

  it("refuses calendar and admin dates outside 2000–2100", async () => {
    const calendar = await server.gql(
      SAVE_CALENDAR,
      {
        input: {
          schoolYear: 2025,
          periods: [{ start: "0000-08-01", end: "2026-07-31" }],
          holidays: [],
        },
      },
      fleur,
    );
    expect(codeOf(calendar)).toBe("BAD_USER_INPUT");
    const farYear = await server.gql(
      SAVE_CALENDAR,
      { input: { schoolYear: 2150, periods: [], holidays: [] } },
      fleur,
    );
    expect(codeOf(farYear)).toBe("BAD_USER_INPUT");
    for (const startDate of ["01-01-1990", "1990-01-01"]) {
      const placement = await server.gql(
        UPDATE_PLACEMENT,
        { input: { id: school.students.sanne.placementId, startDate } },
        fleur,
      );
      expect(codeOf(placement), startDate).toBe("BAD_USER_INPUT");
    }
  });

  it("refuses an admin text far over any field's limit before reading it", async () => {
    const result = await server.gql(
      UPDATE_COMPANY,
      { input: { id: school.companies.bytewerk, name: "x".repeat(5_000) } },
      fleur,
    );
    expect(codeOf(result)).toBe("BAD_USER_INPUT");
    expect(JSON.stringify(result).length).toBeLessThan(2_000);
  });

  it("gives every text field of every input a maximum length, and every date a range", async () => {
    await buildApiSchema();
    const types = getMetadataStorage();
    const rules = validationMetadata();
    const missing: string[] = [];
    let checked = 0;
    for (const input of [...types.inputTypes, ...types.argumentTypes]) {
      const target = input.target as new () => unknown;
      const fields = types.fields.filter(
        (f) => f.target === target || target.prototype instanceof (f.target as new () => unknown),
      );
      const checks = rules.getTargetValidationMetadatas(target, "", true, false);
      for (const field of fields) {
        const type = field.getType();
        if (type !== String && type !== ID && type !== Date) continue;
        const name = `${input.name}.${field.name}`;
        checked++;
        const names = checks.filter((c) => c.propertyName === field.name).map((c) => c.name ?? "");
        const bounded =
          type === Date
            ? names.includes("isDateInRange")
            : names.some((n) => ["maxLength", "isLength", "isIn"].includes(n));
        if (!bounded && !BOUNDED_ELSEWHERE[name]) missing.push(name);
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });
});

import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { GRAPHQL_KEY } from "../../graphql/client";
import { createAppI18n } from "../../i18n";
import { schemaServer } from "../../test/schemaServer";
import AdminPanel from "./AdminPanel.vue";

type Student = {
  id: string;
  studentNumber: string;
  name: string;
  email: string | null;
  crebo: string;
  programmeName: string;
  level: number;
  cohort: string;
  leerweg: string | null;
};

/** 30 students, so the first page (25) has a next one; names sort as their numbers. */
function students(): Student[] {
  return Array.from({ length: 30 }, (_, i) => ({
    id: `s${i + 1}`,
    studentNumber: String(500101 + i),
    name: `Student ${String(i + 1).padStart(2, "0")}`,
    email: null,
    crebo: "25604",
    programmeName: "Software developer",
    level: 4,
    cohort: "2025-2026",
    leerweg: "BOL",
  }));
}

/** The server's paging: a cursor is the position after the page's last row. */
function page<T>(rows: T[], first: number, after: string | null) {
  const start = after ? Number(after) : 0;
  const slice = rows.slice(start, start + first);
  return {
    totalCount: rows.length,
    pageInfo: { hasNextPage: start + first < rows.length, endCursor: String(start + slice.length) },
    edges: slice.map((node) => ({ node })),
  };
}

async function mountPanel(locale: "nl" | "en" = "nl") {
  const stored = students();
  const server = schemaServer({
    adminStudents: ({
      search,
      first,
      after,
    }: {
      search: string | null;
      first: number;
      after: string | null;
    }) =>
      page(
        stored.filter((s) => !search || s.name.toLowerCase().includes(search.toLowerCase())),
        first,
        after,
      ),
    updateStudent: ({ input }: { input: Partial<Student> & { id: string } }) => {
      const [start, end] = (input.cohort ?? "").split("-").map(Number);
      if (input.cohort && end !== (start ?? 0) + 1) {
        return {
          node: null,
          errors: [
            {
              field: "cohort",
              code: "invalid_cohort",
              params: [],
              message: "moet een schooljaar zijn, bijvoorbeeld 2025-2026",
            },
            ...(input.email === "m.devries@school.nl"
              ? [
                  {
                    field: "email",
                    code: "email_taken",
                    params: [{ name: "email", value: "m.devries@school.nl" }],
                    message: "m.devries@school.nl hoort al bij iemand anders",
                  },
                ]
              : []),
          ],
        };
      }
      const student = stored.find((s) => s.id === input.id) as Student;
      Object.assign(student, { ...input, email: input.email || null });
      return { node: student, errors: [] };
    },
  });
  const panel = mount(AdminPanel, {
    attachTo: document.body,
    global: {
      plugins: [createAppI18n(locale)],
      provide: { [GRAPHQL_KEY as symbol]: server.graphql },
    },
  });
  await settle();
  return { panel, server };
}

async function settle() {
  for (let i = 0; i < 5; i += 1) {
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

type Panel = Awaited<ReturnType<typeof mountPanel>>["panel"];
const button = (panel: Panel, text: string) => {
  const found = panel.findAll("button").find((b) => b.text() === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
};
const rowHeaders = (panel: Panel) => panel.findAll("tbody th").map((th) => th.text());

describe("the administration tables", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("shows the six tabs and pages through the students with Volgende and Vorige", async () => {
    const { panel, server } = await mountPanel();
    expect(panel.findAll('[role="tab"]').map((tab) => tab.text())).toEqual([
      "Studenten",
      "Stages",
      "Bedrijven",
      "Praktijkopleiders",
      "E-mail",
      "Schoolkalender",
    ]);
    expect(rowHeaders(panel)).toHaveLength(25);
    expect(panel.text()).toContain("1–25 van 30");
    expect(button(panel, "Vorige").attributes("disabled")).toBeDefined();

    await button(panel, "Volgende").trigger("click");
    await settle();
    expect(rowHeaders(panel)).toEqual([
      "Student 26",
      "Student 27",
      "Student 28",
      "Student 29",
      "Student 30",
    ]);
    expect(panel.text()).toContain("26–30 van 30");
    expect(server.callsOf("AdminStudents").at(-1)).toMatchObject({ after: "25", first: 25 });

    await button(panel, "Vorige").trigger("click");
    await settle();
    expect(rowHeaders(panel)[0]).toBe("Student 01");
  });

  it("searches, and says so when nothing is found", async () => {
    const { panel } = await mountPanel();
    const search = panel.get("input[type=search]");
    await search.setValue("student 3");
    await panel.get("form").trigger("submit");
    await settle();
    expect(rowHeaders(panel)).toEqual(["Student 30"]);
    await search.setValue("niemand");
    await panel.get("form").trigger("submit");
    await settle();
    expect(panel.text()).toContain("Niets gevonden voor “niemand”.");
  });

  it("an edit with a bad value shows the field's error and saves nothing; a good one shows in the table", async () => {
    const { panel, server } = await mountPanel();
    await panel.get('button[aria-label="Student 01 bewerken"]').trigger("click");
    const cohort = panel.get("#admin-students-cohort");
    expect((cohort.element as HTMLInputElement).value).toBe("2025-2026");
    await cohort.setValue("2025-2027");
    await panel.get("form.admin-form").trigger("submit");
    await settle();
    expect(panel.text()).toContain("Er is 1 veld niet goed ingevuld; er is niets opgeslagen.");
    expect(panel.get("#admin-students-cohort-error").text()).toBe(
      "Cohort moet een schooljaar zijn, bijvoorbeeld 2025-2026",
    );
    expect(cohort.attributes("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(cohort.element);
    expect(panel.findAll("tbody td").some((td) => td.text() === "2025-2027")).toBe(false);

    await cohort.setValue("2026-2027");
    await panel.get("#admin-students-name").setValue("Noor Bakker");
    await panel.get("form.admin-form").trigger("submit");
    await settle();
    expect(server.callsOf("UpdateStudent").at(-1)).toMatchObject({
      input: { id: "s1", cohort: "2026-2027", name: "Noor Bakker", studentNumber: "500101" },
    });
    expect(panel.find("form.admin-form").exists()).toBe(false);
    expect(panel.text()).toContain("Opgeslagen.");
    expect(rowHeaders(panel)[0]).toBe("Noor Bakker");
    expect(panel.findAll("tbody tr")[0]?.text()).toContain("2026-2027");
  });

  it("says each refused field in English on the English screen, with the values it names", async () => {
    const { panel } = await mountPanel("en");
    await panel.get('button[aria-label="Edit Student 01"]').trigger("click");
    await panel.get("#admin-students-cohort").setValue("2025-2027");
    await panel.get("#admin-students-email").setValue("m.devries@school.nl");
    await panel.get("form.admin-form").trigger("submit");
    await settle();
    expect(panel.get("#admin-students-cohort-error").text()).toBe(
      "Cohort must be a school year, for example 2025-2026",
    );
    expect(panel.get("#admin-students-email-error").text()).toBe(
      "E-mail: m.devries@school.nl already belongs to someone else",
    );
    expect(panel.text()).not.toContain("hoort al bij");
  });
});

import { defaultSchoolCalendar, type SchoolCalendar } from "@driehoek/domain";
import { flushPromises, mount } from "@vue/test-utils";
import { GraphQLError } from "graphql";
import { afterEach, describe, expect, it } from "vitest";
import { GRAPHQL_KEY } from "../../graphql/client";
import { createAppI18n } from "../../i18n";
import { schemaServer } from "../../test/schemaServer";
import { currentSchoolYear } from "./calendarForm";
import SchoolCalendarEditor from "./SchoolCalendarEditor.vue";

async function settle() {
  for (let i = 0; i < 5; i += 1) {
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

const asApi = (calendar: SchoolCalendar, isDefault: boolean) => {
  const y = calendar.schoolYear;
  return {
    ...calendar,
    label: `${y}-${y + 1}`,
    start: `${y}-08-01`,
    end: `${y + 1}-07-31`,
    isDefault,
  };
};

async function mountEditor(refuse?: { code: string; index: number | null }[]) {
  const stored = new Map<number, SchoolCalendar>();
  const server = schemaServer({
    schoolCalendar: ({ schoolYear }: { schoolYear: number }) => {
      const calendar = stored.get(schoolYear);
      return asApi(calendar ?? defaultSchoolCalendar(schoolYear), !calendar);
    },
    saveSchoolCalendar: ({ input }: { input: SchoolCalendar }) => {
      if (refuse) {
        throw new GraphQLError("Refused.", {
          extensions: { code: "BAD_USER_INPUT", reason: "invalid_calendar", problems: refuse },
        });
      }
      stored.set(input.schoolYear, input);
      return asApi(input, false);
    },
  });
  const editor = mount(SchoolCalendarEditor, {
    attachTo: document.body,
    global: {
      plugins: [createAppI18n("nl")],
      provide: { [GRAPHQL_KEY as symbol]: server.graphql },
    },
  });
  await settle();
  return { editor, server, stored };
}

type Editor = Awaited<ReturnType<typeof mountEditor>>["editor"];
const button = (editor: Editor, text: string) => {
  const found = editor.findAll("button").find((b) => b.text() === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
};
const dates = (editor: Editor, what: "period" | "holiday") =>
  editor
    .findAll(`input[type="date"][id^="calendar-${what}-"]`)
    .map((input) => (input.element as HTMLInputElement).value);

describe("the school calendar (Beheer → Schoolkalender)", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("shows this school year's default calendar and saves four leerwerkperiodes", async () => {
    const year = currentSchoolYear();
    const { editor, server, stored } = await mountEditor();
    expect(server.callsOf("SchoolCalendar")[0]).toEqual({ schoolYear: year });
    expect(editor.text()).toContain("Nog niet vastgelegd");
    expect(dates(editor, "period")).toEqual([
      `${year}-08-01`,
      `${year + 1}-01-31`,
      `${year + 1}-02-01`,
      `${year + 1}-07-31`,
    ]);
    const four = editor.findAll('input[type="radio"]')[1];
    await four?.setValue(true);
    expect(dates(editor, "period")).toEqual([
      `${year}-08-01`,
      `${year}-10-31`,
      `${year}-11-01`,
      `${year + 1}-01-31`,
      `${year + 1}-02-01`,
      `${year + 1}-04-30`,
      `${year + 1}-05-01`,
      `${year + 1}-07-31`,
    ]);
    await editor.find("form").trigger("submit");
    await settle();
    expect(stored.get(year)?.periods).toHaveLength(4);
    expect(editor.find('[role="status"]').text()).toBe(
      "Opgeslagen. Alle stages zijn opnieuw beoordeeld.",
    );
    expect(editor.text()).not.toContain("Nog niet vastgelegd");
  });

  it("adds and removes holidays, and names what is wrong before sending anything", async () => {
    const year = currentSchoolYear();
    const { editor, server } = await mountEditor();
    const before = editor.findAll('input[id$="-name"]').length;
    await button(editor, "Vakantie toevoegen").trigger("click");
    const names = editor.findAll('input[id$="-name"]');
    expect(names).toHaveLength(before + 1);
    const added = before;
    await editor.find(`#calendar-holiday-${added}-start`).setValue(`${year + 1}-03-10`);
    await editor.find(`#calendar-holiday-${added}-end`).setValue(`${year + 1}-03-01`);
    // The second leerwerkperiode no longer starts the day after the first ends.
    await editor.find("#calendar-period-1-start").setValue(`${year + 1}-02-03`);
    await editor.find("form").trigger("submit");
    await settle();
    const alert = editor.find('[role="alert"]');
    expect(alert.text()).toContain("De kalender is niet opgeslagen:");
    expect(alert.text()).toContain(
      "Leerwerkperiode 2 moet beginnen op de dag na het einde van de vorige.",
    );
    expect(alert.text()).toContain(`Vakantie ${added + 1} heeft een naam nodig.`);
    expect(alert.text()).toContain(`Vakantie ${added + 1} eindigt voor hij begint.`);
    expect(server.callsOf("SaveSchoolCalendar")).toEqual([]);

    await editor.find("#calendar-period-1-start").setValue(`${year + 1}-02-01`);
    await button(editor, `${"Vakantie"} ${added + 1} verwijderen`).trigger("click");
    expect(editor.findAll('input[id$="-name"]')).toHaveLength(before);
    const first = (editor.find("#calendar-holiday-0-name").element as HTMLInputElement).value;
    await button(editor, `${first} verwijderen`).trigger("click");
    await editor.find("form").trigger("submit");
    await settle();
    const sent = server.callsOf("SaveSchoolCalendar")[0]?.input as SchoolCalendar;
    expect(sent.holidays).toHaveLength(before - 1);
    expect(editor.find('[role="alert"]').exists()).toBe(false);
  });

  it("shows the problems the server names when it refuses the calendar", async () => {
    const { editor } = await mountEditor([{ code: "holidayOutsideYear", index: 2 }]);
    await editor.find("form").trigger("submit");
    await settle();
    expect(editor.find('[role="alert"]').text()).toContain(
      "Vakantie 3 valt buiten het schooljaar.",
    );
    expect(editor.find('[role="status"]').exists()).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { GUIDE_INTRO } from "./guide-intro.js";
import { PREPARATION_TASKS } from "./preparation-tasks.js";
import { PARTICIPANT_ROLES } from "./roles.js";

describe("each role's preparation tasks", () => {
  it("gives each of the three a short list, in Dutch and English", () => {
    for (const role of PARTICIPANT_ROLES) {
      const tasks = PREPARATION_TASKS[role];
      expect(tasks.length, role).toBeGreaterThanOrEqual(2);
      expect(tasks.length, role).toBeLessThanOrEqual(4);
      for (const task of tasks) {
        expect(task.nl.length).toBeGreaterThan(0);
        expect(task.en.length).toBeGreaterThan(0);
      }
    }
  });

  it("says what the guide's 'Voorbereiding gesprek' asks, in its words", () => {
    const guide = GUIDE_INTRO.preparation.text.nl;
    const all = Object.values(PREPARATION_TASKS)
      .flat()
      .map((task) => task.nl);
    for (const phrase of ["afspraken van de vorige keer", "geldige POK", "benodigde documenten"]) {
      expect(guide).toContain(phrase);
      expect(all.some((task) => task.includes(phrase))).toBe(true);
    }
    // Every one prepares from last time's agreements; only the supervisor checks the POK.
    for (const role of PARTICIPANT_ROLES) {
      expect(PREPARATION_TASKS[role][0]?.nl).toContain("afspraken van de vorige keer");
    }
    const checksPok = PARTICIPANT_ROLES.filter((role) =>
      PREPARATION_TASKS[role].some((task) => task.nl.includes("POK")),
    );
    expect(checksPok).toEqual(["bpv_begeleider"]);
  });
});

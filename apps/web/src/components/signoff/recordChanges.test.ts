import { describe, expect, it } from "vitest";
import type { RecordChange } from "../../graphql/signoff";
import { createAppI18n } from "../../i18n";
import { changeSentence, changeValue } from "./recordChanges";

const i18n = createAppI18n("nl");
const t = (key: string, values?: Record<string, unknown>) =>
  i18n.global.t(key, values ?? {}) as string;

const change = (over: Partial<RecordChange>): RecordChange => ({
  area: "agreement",
  kind: "changed",
  number: 2,
  field: "measure",
  before: null,
  after: null,
  changedBy: [{ id: "p1", name: "Sanne Jansen" }],
  ...over,
});

describe("record changes in words", () => {
  it("names the person and the agreement's SMART criterion", () => {
    expect(changeSentence(change({}), t, "nl")).toBe("Sanne Jansen wijzigde afspraak 2: Meetbaar");
    expect(changeSentence(change({ field: "dueDate", kind: "added" }), t, "nl")).toBe(
      "Sanne Jansen wijzigde afspraak 2: Tijdgebonden",
    );
  });

  it("says who added or removed a whole agreement, two people, or nobody known", () => {
    expect(changeSentence(change({ field: null, kind: "added" }), t, "nl")).toBe(
      "Sanne Jansen voegde afspraak 2 toe",
    );
    const two = change({
      area: "summary",
      field: null,
      number: null,
      changedBy: [
        { id: "p1", name: "Sanne Jansen" },
        { id: "p2", name: "Kees van Dijk" },
      ],
    });
    expect(changeSentence(two, t, "nl")).toBe(
      "Sanne Jansen en Kees van Dijk wijzigden de samenvatting",
    );
    expect(changeSentence(change({ changedBy: [], field: null, kind: "removed" }), t, "nl")).toBe(
      "Verwijderd: afspraak 2",
    );
  });

  it("shows values as the record does: a role, a conclusion in the guide's words", () => {
    const date = (d: string) => `datum ${d}`;
    expect(changeValue(change({ field: "owner" }), "student", "nl", date)).toBe("Student");
    expect(
      changeValue(change({ area: "conclusion", field: "studentValue" }), "voor", "nl", date),
    ).toBe("Ik loop voor (boven de nominale lijn)");
    expect(changeValue(change({ field: "dueDate" }), "2026-05-01", "nl", date)).toBe(
      "datum 2026-05-01",
    );
  });
});

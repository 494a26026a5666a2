import type { ConversationRecord } from "@driehoek/domain";
import { describe, expect, it } from "vitest";
import { diffRecords } from "./record-diff.js";

const agreement = (id: string, over: Partial<ConversationRecord["agreements"][number]> = {}) => ({
  id,
  text: "Elke week een planning maken",
  owner: "student",
  dueDate: "2026-05-01",
  measure: "",
  firstStep: "Sjabloon kiezen",
  werkproces: null,
  ...over,
});

const record = (over: Partial<ConversationRecord> = {}): ConversationRecord =>
  ({
    schema: "driehoek.record/1",
    conversationId: "c1",
    summary: "Ik heb veel geleerd.",
    conclusion: { value: null, motivation: null, studentValue: "voor", studentMotivation: null },
    agreements: [agreement("a1"), agreement("a2")],
    review: [],
    notes: [{ section: "welkom", text: "Goed begin" }],
    particulars: [],
    documents: [],
    werkprocessen: [],
    ...over,
  }) as unknown as ConversationRecord;

describe("diffRecords", () => {
  it("finds nothing between equal records", () => {
    expect(diffRecords(record(), record())).toEqual([]);
  });

  it("names each changed field of an agreement by its number, with before and after", () => {
    const after = record({
      agreements: [agreement("a1"), agreement("a2", { measure: "Getekend" })],
    });
    expect(diffRecords(record(), after)).toEqual([
      {
        key: "agreement:a2:measure",
        area: "agreement",
        kind: "added",
        number: 2,
        field: "measure",
        before: null,
        after: "Getekend",
      },
    ]);
  });

  it("reports agreements added and removed, the summary, a conclusion and a note", () => {
    const after = record({
      summary: "Ik heb veel geleerd over testen.",
      conclusion: {
        value: "voor",
        motivation: null,
        studentValue: "voor",
        studentMotivation: null,
      },
      agreements: [agreement("a2"), agreement("a3", { text: "Nieuw" })],
      notes: [],
    });
    const keys = diffRecords(record(), after).map((d) => `${d.kind} ${d.key}`);
    expect(keys.sort()).toEqual(
      [
        "changed summary",
        "added conclusion:value",
        "added agreement:a3",
        "removed agreement:a1",
        "removed note:welkom",
      ].sort(),
    );
  });

  it("compares any other part of the record as a whole", () => {
    const after = record({ mode: "online" } as Partial<ConversationRecord>);
    expect(
      diffRecords(record({ mode: "in_person" } as Partial<ConversationRecord>), after),
    ).toEqual([
      expect.objectContaining({
        area: "other",
        field: "mode",
        before: "in_person",
        after: "online",
      }),
    ]);
  });
});

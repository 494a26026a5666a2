import { mount } from "@vue/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAppI18n } from "../../i18n";
import PreviousAgreements from "./PreviousAgreements.vue";

const AGREEMENTS = [
  {
    id: "a1",
    text: "Portfolio bijwerken met de nieuwe bewijzen",
    owner: "student" as const,
    dueDate: "2026-11-20",
    status: "open" as const,
  },
  {
    id: "a2",
    text: "Werktempo bespreken met het team",
    owner: "praktijkopleider" as const,
    dueDate: "2026-12-05",
    status: "partly" as const,
  },
  {
    id: "a3",
    text: "Verslag inleveren",
    owner: "student" as const,
    dueDate: "2026-11-01",
    status: "done" as const,
  },
  {
    id: "a4",
    text: "Planning maken",
    owner: "student" as const,
    dueDate: "2026-12-06",
    status: "open" as const,
  },
];

describe("the agreements of the previous conversation", () => {
  beforeEach(() => {
    // Sunday 6 December 2026, 00:30 in Amsterdam (still the 5th in UTC): the school's today.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-05T23:30:00.000Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = "";
  });

  it("marks an open agreement past its date as overdue, with the days, in words", () => {
    const page = mount(PreviousAgreements, {
      props: { agreements: AGREEMENTS },
      global: { plugins: [createAppI18n("nl")] },
    });
    const items = page.findAll("li").map((li) => li.text());
    expect(items[0]).toContain("16 dagen over datum");
    expect(items[1]).toContain("1 dag over datum");
    // Done is done, and due today is not late yet.
    expect(items[2]).not.toContain("over datum");
    expect(items[3]).not.toContain("over datum");
    // The mark is its words, not only a colour: the "!" is decoration.
    expect(page.get(".previous-overdue [aria-hidden=true]").text()).toBe("!");
  });

  it("says it in English on the English screen", () => {
    const page = mount(PreviousAgreements, {
      props: { agreements: AGREEMENTS },
      global: { plugins: [createAppI18n("en")] },
    });
    expect(page.findAll("li")[0]?.text()).toContain("16 days overdue");
  });
});

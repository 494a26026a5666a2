import { conversationSeed, notesOf, PRAKTIJKOPLEIDER_GOALS_KEY } from "@driehoek/collab";
import type { Role } from "@driehoek/domain";
import { mount } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { GRAPHQL_KEY } from "../../graphql/client";
import { createAppI18n } from "../../i18n";
import { apiIntro } from "../../test/guideIntro";
import { schemaServer } from "../../test/schemaServer";
import PreparationLayout from "./PreparationLayout.vue";

const PREVIOUS = [
  {
    id: "a1",
    text: "Sanne presenteert haar werk aan het team in de sprintdemo.",
    owner: "student" as const,
    dueDate: null,
    status: "partly" as const,
  },
];

function mountLayout(myRole: Role | null, doc = seededDoc()) {
  return mount(PreparationLayout, {
    props: {
      conversationId: "c1",
      doc,
      phases: [],
      intro: apiIntro(),
      viewingKey: "welkom",
      myRole,
      canLead: myRole === "bpv_begeleider",
      readOnly: false,
      pokCheck: { isValid: true, problems: [], messages: [] },
      previousAgreements: PREVIOUS,
    },
    attachTo: document.body,
    global: {
      plugins: [createAppI18n("nl")],
      provide: { [GRAPHQL_KEY as symbol]: documentsServer().graphql },
    },
  });
}

/** The API as the documents block reads it: one portfolio the student attached. */
function documentsServer() {
  return schemaServer({
    conversation: () => ({
      id: "c1",
      status: "planned",
      myRole: "student",
      documents: [
        {
          id: "d1",
          kind: "portfolio",
          fileName: "portfolio-sanne.pdf",
          mimeType: "application/pdf",
          size: 120_000,
          sha256: "ab".repeat(32),
          uploaderRole: "student",
          createdAt: "2026-12-01T09:00:00.000Z",
          downloadPath: "/api/conversations/c1/documents/d1",
          uploadedBy: { id: "p1", name: "Sanne Jansen" },
        },
      ],
    }),
  });
}

function seededDoc(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, conversationSeed([]));
  return doc;
}

describe("PreparationLayout", () => {
  afterEach(() => {
    localStorage.clear();
    document.body.innerHTML = "";
  });

  it("gives the praktijkopleider the opening, their own tasks, last time's agreements and both goals", async () => {
    const doc = seededDoc();
    const page = mountLayout("praktijkopleider", doc);
    expect(page.text()).toContain("Kenmerken van een goed BPV-gesprek");
    expect(page.get("#checklist-heading").text()).toBe("Jouw voorbereiding (Praktijkopleider)");
    expect(page.findAll(".task").map((task) => task.text())).toEqual([
      "Bereid het gesprek voor op grond van de afspraken van de vorige keer.",
      "Schrijf op welke gespreksdoelen u heeft.",
    ]);
    // The other two roles' tasks are there to read, not to tick.
    expect(page.get(".others summary").text()).toBe("Wat doen de anderen vooraf?");
    expect(page.findAll(".other-role h3").map((h) => h.text())).toEqual([
      "Student",
      "BPV-begeleider",
    ]);
    expect(page.get(".others").text()).toContain("Controleer of de student een geldige POK heeft.");
    expect(page.text()).toContain("Sanne presenteert haar werk aan het team in de sprintdemo.");
    expect(page.text()).toContain("Deels");
    const labels = page.findAll(".conversation-goals label").map((l) => l.text());
    expect(labels.some((l) => l.startsWith("Welke gespreksdoelen heb jij (student)?"))).toBe(true);
    expect(
      labels.some((l) => l.startsWith("Welke gespreksdoelen heeft u (praktijkopleider) ?")),
    ).toBe(true);
    await page.get(`[data-notes="${PRAKTIJKOPLEIDER_GOALS_KEY}"] textarea`).setValue("Werktempo");
    expect(notesOf(doc).get(PRAKTIJKOPLEIDER_GOALS_KEY)?.toString()).toBe("Werktempo");
    // The three participants all see the POK check.
    expect(page.text()).toContain("De POK is geldig.");
    // And the documents brought to the conversation.
    await expect.poll(() => page.text()).toContain("portfolio-sanne.pdf");
  });

  it("shows the student their own POK check and keeps their ticks on this device", async () => {
    const page = mountLayout("student");
    expect(page.get("#pok-heading").text()).toBe("Praktijkovereenkomst (POK)");
    const first = page.findAll<HTMLInputElement>(".task input")[0];
    await first?.setValue(true);
    page.unmount();
    const again = mountLayout("student");
    expect(again.findAll<HTMLInputElement>(".task input")[0]?.element.checked).toBe(true);
  });

  it("gives a reader without a role no checklist and no POK check", () => {
    const page = mountLayout(null);
    expect(page.find("#checklist-heading").exists()).toBe(false);
    expect(page.find("#pok-heading").exists()).toBe(false);
    expect(page.text()).toContain("Sanne presenteert haar werk");
  });

  it("tells the begeleider that they start the conversation, the others that the begeleider does", () => {
    const lead = mountLayout("bpv_begeleider");
    expect(lead.text()).toContain("jij start het gesprek.");
    expect(lead.text()).not.toContain("de BPV-begeleider start het gesprek");
    lead.unmount();
    const student = mountLayout("student");
    expect(student.text()).toContain("de BPV-begeleider start het gesprek.");
  });
});

import { conversationSeed, sectionNotes } from "@driehoek/collab";
import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import { nextTick } from "vue";
import * as Y from "yjs";
import { withI18n } from "../../test/i18n";
import SectionNotes from "./SectionNotes.vue";

const props = { label: "Notities", waitingText: "Even wachten" };

describe("SectionNotes", () => {
  it("waits for the server's notes instead of creating its own, then binds them", async () => {
    const doc = new Y.Doc();
    const notes = mount(SectionNotes, {
      props: { ...props, doc, sectionKey: "welkom" },
      ...withI18n(),
    });
    expect(notes.text()).toContain("Even wachten");
    expect(notes.find("textarea").attributes("readonly")).toBeDefined();
    expect(doc.getMap("notes").size).toBe(0);

    Y.applyUpdate(doc, conversationSeed([]));
    await nextTick();
    expect(notes.text()).not.toContain("Even wachten");
    await notes.find("textarea").setValue("Goed begin");
    expect(sectionNotes(doc, "welkom")?.toString()).toBe("Goed begin");
  });

  it("switches to the notes of another section", async () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, conversationSeed([]));
    sectionNotes(doc, "praktisch")?.insert(0, "Rooster aanpassen");
    const notes = mount(SectionNotes, {
      props: { ...props, doc, sectionKey: "welkom" },
      ...withI18n(),
    });
    expect(notes.find("textarea").element.value).toBe("");
    await notes.setProps({ sectionKey: "praktisch" });
    expect(notes.find("textarea").element.value).toBe("Rooster aanpassen");
  });
});

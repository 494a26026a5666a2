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

  it("read only (a signed conversation), reads as text: no writing hint, a dash when empty", async () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, conversationSeed([]));
    const hint = "Iedereen schrijft deze notities.";
    const editable = mount(SectionNotes, {
      props: { ...props, hint, doc, sectionKey: "welkom" },
      ...withI18n(),
    });
    expect(editable.text()).toContain(hint);
    expect(editable.find(".is-read-only").exists()).toBe(false);

    const locked = mount(SectionNotes, {
      props: { ...props, hint, doc, sectionKey: "welkom", readOnly: true },
      ...withI18n(),
    });
    expect(locked.text()).not.toContain(hint);
    expect(locked.find(".is-read-only").exists()).toBe(true);
    const field = locked.find("textarea");
    expect(field.attributes("readonly")).toBeDefined();
    expect(field.attributes("placeholder")).toBe("—");
    // The field is still labelled, and still says nothing about a hint it no longer has.
    expect(field.attributes("aria-describedby")).toBeUndefined();
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

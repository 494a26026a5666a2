import { mount } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { nextTick } from "vue";
import * as Y from "yjs";
import { linkDocs } from "../../test/yjs";
import CollabTextField from "./CollabTextField.vue";

/** A field on my device over a shared text that someone else's device also holds. */
function setup(initial: string) {
  const mine = new Y.Doc();
  const theirs = new Y.Doc();
  linkDocs(mine, theirs);
  mine.getText("t").insert(0, initial);
  const wrapper = mount(CollabTextField, {
    props: { text: mine.getText("t"), label: "Notitie" },
    attachTo: document.body,
  });
  const field = wrapper.find<HTMLTextAreaElement>("textarea");
  return { mine: mine.getText("t"), theirs: theirs.getText("t"), wrapper, field };
}

describe("CollabTextField", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("sends a replaced emoji to the others as one whole character, never half of one", async () => {
    const { theirs, field } = setup("Top 😀 dag");
    const seen: string[] = [];
    const inserted: string[] = [];
    theirs.observe((event) => {
      seen.push(theirs.toString());
      for (const op of event.delta) if (typeof op.insert === "string") inserted.push(op.insert);
    });

    await field.setValue("Top 😃 dag");

    expect(theirs.toString()).toBe("Top 😃 dag");
    expect(inserted).toEqual(["😃"]);
    // A lone surrogate is half an emoji: the others' screen would show a broken character.
    const halfEmoji = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    expect(seen.filter((text) => halfEmoji.test(text))).toEqual([]);
  });

  it("changes only what was edited, so what someone else typed at the same time stays", async () => {
    const { mine, theirs, field } = setup("eerste regel\ntweede regel");
    await field.setValue("EERSTE regel\ntweede regel");
    theirs.insert(theirs.length, "!");
    await nextTick();

    expect(field.element.value).toBe("EERSTE regel\ntweede regel!");
    expect(mine.toString()).toBe("EERSTE regel\ntweede regel!");
  });

  it("keeps the selection on the same words when someone deletes text before it", async () => {
    const { theirs, field } = setup("Wekelijks oefenen met presenteren");
    field.element.focus();
    field.element.setSelectionRange(10, 17); // "oefenen"

    theirs.delete(0, "Wekelijks ".length);
    await nextTick();

    expect(field.element.value).toBe("oefenen met presenteren");
    expect([field.element.selectionStart, field.element.selectionEnd]).toEqual([0, 7]);
  });

  it("leaves the cursor before text someone inserts exactly where it stands", async () => {
    const { theirs, field } = setup("oefenen presenteren");
    field.element.focus();
    field.element.setSelectionRange(8, 8); // after "oefenen "

    theirs.insert(8, "met ");
    await nextTick();

    expect(field.element.value).toBe("oefenen met presenteren");
    expect(field.element.selectionStart).toBe(8);
  });

  it("waits for an IME composition to end, then puts it where its text went", async () => {
    const { mine, theirs, field } = setup("Hallo");
    const element = field.element;
    element.focus();
    element.setSelectionRange(5, 5);

    element.dispatchEvent(new Event("compositionstart"));
    element.value = "Hallo せ";
    element.dispatchEvent(new Event("input"));
    theirs.insert(0, ">> ");
    await nextTick();
    // Changing the field now would break the composition: the shared text waits.
    expect(element.value).toBe("Hallo せ");
    expect(mine.toString()).toBe(">> Hallo");

    element.value = "Hallo 世界";
    element.dispatchEvent(new Event("compositionend"));
    await nextTick();

    expect(mine.toString()).toBe(">> Hallo 世界");
    expect(theirs.toString()).toBe(">> Hallo 世界");
    expect(element.value).toBe(">> Hallo 世界");
    expect(element.selectionStart).toBe(">> Hallo 世界".length);
  });
});

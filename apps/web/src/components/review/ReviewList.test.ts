import { conversationSeed, readReview, reviewNeededText } from "@driehoek/collab";
import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import { nextTick } from "vue";
import * as Y from "yjs";
import { withI18n } from "../../test/i18n";
import { linkDocs } from "../../test/yjs";
import ReviewList from "./ReviewList.vue";

function setup() {
  const mine = new Y.Doc();
  Y.applyUpdate(
    mine,
    conversationSeed([
      { id: "p1", text: "Zoekfunctie bouwen" },
      { id: "p2", text: "Presenteren in de sprintdemo" },
    ]),
  );
  const theirs = new Y.Doc();
  linkDocs(mine, theirs);
  const list = mount(ReviewList, { props: { doc: mine }, attachTo: document.body, ...withI18n() });
  return { mine, theirs, list };
}

describe("ReviewList", () => {
  it("asks done, partly or not done for each agreement of last time, in order", () => {
    const { list } = setup();
    const items = list.findAll(".review-item");
    expect(items.map((item) => item.find("legend").text())).toEqual([
      "Afspraak 1: Zoekfunctie bouwen",
      "Afspraak 2: Presenteren in de sprintdemo",
    ]);
    expect(
      items[0]
        ?.findAll("input[type=radio]")
        .map((r) => r.element.parentElement?.textContent?.trim()),
    ).toEqual(["Gedaan", "Deels", "Niet gedaan"]);
  });

  it("writes the answer and what is needed into the shared review", async () => {
    const { list, theirs } = setup();
    await list.find("[data-review=p2] input[value=not_done]").setValue(true);
    await list.find("[data-review=p2] textarea").setValue("Een vast moment in de sprint");
    expect(readReview(theirs)[1]).toEqual({
      agreementId: "p2",
      text: "Presenteren in de sprintdemo",
      status: "not_done",
      needed: "Een vast moment in de sprint",
    });
  });

  it("shows what the others answer", async () => {
    const { list, theirs } = setup();
    theirs.getMap("review");
    (theirs.getMap("review").get("p1") as Y.Map<unknown>).set("status", "partly");
    reviewNeededText(theirs, "p1")?.insert(0, "Meer uitleg");
    await nextTick();
    expect(
      list.find<HTMLInputElement>("[data-review=p1] input[value=partly]").element.checked,
    ).toBe(true);
    expect(list.find<HTMLTextAreaElement>("[data-review=p1] textarea").element.value).toBe(
      "Meer uitleg",
    );
  });

  it("says so when there is nothing to review", () => {
    const list = mount(ReviewList, { props: { doc: new Y.Doc() }, ...withI18n() });
    expect(list.text()).toContain("Er zijn geen afspraken van het vorige gesprek.");
  });
});

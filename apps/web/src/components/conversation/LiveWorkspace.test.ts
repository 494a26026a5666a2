import { mount } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { withI18n } from "../../test/i18n";
import LiveWorkspace from "./LiveWorkspace.vue";

function mountWorkspace(isWide: boolean, props: { section?: string | null } = {}) {
  vi.stubGlobal("matchMedia", (query: string) => ({
    matches: isWide,
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
  return mount(LiveWorkspace, {
    props,
    slots: {
      guide: "<p>leidraad</p>",
      summary: "<p>samenvatting</p>",
      agreements: "<p>afspraken</p>",
      review: "<p>terugblik</p>",
      notes: '<label>Notities <textarea id="typing"></textarea></label>',
    },
    attachTo: document.body,
    ...withI18n(),
  });
}

const visiblePanels = (workspace: ReturnType<typeof mountWorkspace>) =>
  workspace
    .findAll(".workspace-panel")
    .filter((panel) => !(panel.element as HTMLElement).hidden)
    .map((panel) => panel.attributes("data-panel"));

describe("LiveWorkspace", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = "";
  });

  it("shows one part at a time behind tabs on a phone, in the guide's order", async () => {
    const workspace = mountWorkspace(false);
    const tabs = workspace.findAll("[role=tab]");
    expect(tabs.map((tab) => tab.text())).toEqual([
      "Leidraad",
      "Samenvatting",
      "Afspraken",
      "Terugblik",
      "Notities",
    ]);
    expect(visiblePanels(workspace)).toEqual(["guide"]);

    await tabs[2]?.trigger("click");
    expect(visiblePanels(workspace)).toEqual(["agreements"]);
    expect(tabs[2]?.attributes("aria-selected")).toBe("true");
    expect(workspace.find("#panel-agreements").attributes("aria-labelledby")).toBe(
      "tab-agreements",
    );
  });

  it("moves between tabs with the arrow keys, Home and End", async () => {
    const workspace = mountWorkspace(false);
    const tab = (name: string) => workspace.find(`#tab-${name}`);
    await tab("guide").trigger("keydown", { key: "ArrowRight" });
    expect(visiblePanels(workspace)).toEqual(["summary"]);
    expect(document.activeElement?.id).toBe("tab-summary");
    await tab("summary").trigger("keydown", { key: "End" });
    expect(visiblePanels(workspace)).toEqual(["notes"]);
    await tab("notes").trigger("keydown", { key: "ArrowRight" });
    expect(visiblePanels(workspace)).toEqual(["guide"]);
    await tab("guide").trigger("keydown", { key: "ArrowLeft" });
    expect(visiblePanels(workspace)).toEqual(["notes"]);
    expect(tab("notes").attributes("tabindex")).toBe("0");
    expect(tab("guide").attributes("tabindex")).toBe("-1");
  });

  it("shows every part in two columns on a wide screen, without tabs", () => {
    const workspace = mountWorkspace(true);
    expect(workspace.find("[role=tablist]").exists()).toBe(false);
    expect(visiblePanels(workspace)).toEqual(["guide", "notes", "summary", "agreements", "review"]);
    expect(workspace.find("[role=tabpanel]").exists()).toBe(false);
  });

  describe("follows the conversation", () => {
    afterEach(() => {
      vi.useRealTimers();
      vi.restoreAllMocks();
    });

    it("brings the section's part forward on a phone, unless the person chose a tab just now", async () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      const workspace = mountWorkspace(false, { section: "welkom" });
      expect(visiblePanels(workspace)).toEqual(["guide"]);

      await workspace.setProps({ section: "afspraken-vorige" });
      expect(visiblePanels(workspace)).toEqual(["review"]);
      await workspace.setProps({ section: "studievoortgang" });
      expect(visiblePanels(workspace)).toEqual(["guide"]);

      // The student opens the notes; the conversation moves on within the minute: they stay.
      await workspace.find("#tab-notes").trigger("click");
      vi.advanceTimersByTime(30_000);
      await workspace.setProps({ section: "samenvatten" });
      expect(visiblePanels(workspace)).toEqual(["notes"]);

      // A minute after their own choice the page follows again.
      vi.advanceTimersByTime(31_000);
      await workspace.setProps({ section: "nieuwe-afspraken" });
      expect(visiblePanels(workspace)).toEqual(["agreements"]);
    });

    it("opens on the part of the section the conversation is at", () => {
      const workspace = mountWorkspace(false, { section: "samenvatten" });
      expect(visiblePanels(workspace)).toEqual(["summary"]);
    });

    it("scrolls the part into view on a wide screen, leaving focus in the field being typed in", async () => {
      const scrolled: string[] = [];
      vi.spyOn(HTMLElement.prototype, "scrollIntoView").mockImplementation(function (
        this: HTMLElement,
      ) {
        scrolled.push(this.id);
      });
      const area = document.createElement("div");
      area.id = "signoff-area";
      document.body.append(area);
      const workspace = mountWorkspace(true, { section: "praktisch" });
      const field = workspace.find<HTMLTextAreaElement>("#typing").element;
      field.focus();

      await workspace.setProps({ section: "afspraken-vorige" });
      await workspace.setProps({ section: "samenvatten" });
      await workspace.setProps({ section: "archivering" });
      await vi.waitFor(() => expect(scrolled).toHaveLength(3));
      expect(scrolled).toEqual(["panel-review", "panel-summary", "signoff-area"]);
      expect(document.activeElement).toBe(field);
    });
  });
});

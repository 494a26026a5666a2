import { mount } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { LayoutMode } from "../../composables/useLayoutMode";
import { withI18n } from "../../test/i18n";
import LiveWorkspace from "./LiveWorkspace.vue";

function mountWorkspace(
  mode: LayoutMode,
  props: { section?: string | null; hasSignoff?: boolean; nowText?: string } = {},
) {
  vi.stubGlobal("scrollTo", () => {});
  return mount(LiveWorkspace, {
    props: { mode, ...props },
    slots: {
      rail: "<p>stappen</p>",
      guide: "<p>leidraad</p>",
      summary: "<p>samenvatting</p>",
      agreements: "<p>afspraken</p>",
      review: "<p>terugblik</p>",
      notes: '<label>Notities <textarea id="typing"></textarea></label>',
      signoff: "<p>afronden</p>",
    },
    attachTo: document.body,
    ...withI18n(),
  });
}

/** The phone tabs whose panel shows. */
const visibleTabs = (workspace: ReturnType<typeof mountWorkspace>) =>
  workspace
    .findAll("[role=tabpanel]")
    .filter((panel) => !(panel.element as HTMLElement).hidden)
    .map((panel) => panel.attributes("data-tab"));

describe("LiveWorkspace", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = "";
  });

  it("on a phone shows one part at a time behind a bottom navigation of four", async () => {
    const workspace = mountWorkspace("phone");
    const tabs = workspace.findAll("[role=tab]");
    expect(tabs.map((tab) => tab.find(".workspace-nav-label").text())).toEqual([
      "Leidraad",
      "Samenvatting",
      "Afspraken",
      "Notities",
    ]);
    // The review of last time's agreements is with the new ones, and says so to a screen reader.
    expect(tabs[2]?.text()).toContain("terugblik");
    expect(visibleTabs(workspace)).toEqual(["guide"]);

    await tabs[2]?.trigger("click");
    expect(visibleTabs(workspace)).toEqual(["agreements"]);
    const agreements = workspace.find("#panel-agreements");
    expect(agreements.text()).toContain("terugblik");
    expect(agreements.text()).toContain("afspraken");
    expect(agreements.attributes("aria-labelledby")).toBe("tab-agreements");
    expect(workspace.find(".workspace-rail").exists()).toBe(false);
  });

  it("moves between tabs with the arrow keys, Home and End", async () => {
    const workspace = mountWorkspace("phone");
    const tab = (name: string) => workspace.find(`#tab-${name}`);
    await tab("guide").trigger("keydown", { key: "ArrowRight" });
    expect(visibleTabs(workspace)).toEqual(["summary"]);
    expect(document.activeElement?.id).toBe("tab-summary");
    await tab("summary").trigger("keydown", { key: "End" });
    expect(visibleTabs(workspace)).toEqual(["notes"]);
    await tab("notes").trigger("keydown", { key: "ArrowRight" });
    expect(visibleTabs(workspace)).toEqual(["guide"]);
    await tab("guide").trigger("keydown", { key: "ArrowLeft" });
    expect(visibleTabs(workspace)).toEqual(["notes"]);
    expect(tab("notes").attributes("tabindex")).toBe("0");
    expect(tab("guide").attributes("tabindex")).toBe("-1");
  });

  it("keeps each tab's own scroll position", async () => {
    const positions: number[] = [];
    const workspace = mountWorkspace("phone");
    vi.stubGlobal("scrollTo", ({ top }: { top: number }) => positions.push(top));
    Object.defineProperty(window, "scrollY", { value: 400, configurable: true });
    await workspace.find("#tab-notes").trigger("click");
    Object.defineProperty(window, "scrollY", { value: 120, configurable: true });
    await workspace.find("#tab-guide").trigger("click");
    await workspace.find("#tab-notes").trigger("click");
    expect(positions).toEqual([0, 400, 120]);
  });

  it("shows every part in columns on a tablet, and the steps beside them on a laptop", () => {
    const tablet = mountWorkspace("tablet", { hasSignoff: true });
    expect(tablet.find("[role=tablist]").exists()).toBe(false);
    expect(tablet.find("[role=tabpanel]").exists()).toBe(false);
    expect(tablet.findAll(".workspace-column")).toHaveLength(2);
    expect(tablet.find(".workspace-rail").exists()).toBe(false);
    expect(tablet.find(".workspace-work").text()).toContain("afronden");
    tablet.unmount();
    const laptop = mountWorkspace("desk");
    expect(laptop.find(".workspace-rail").text()).toBe("stappen");
  });

  it("puts the current section on top of the phone's other tabs", async () => {
    const workspace = mountWorkspace("phone", { nowText: "Kern gesprek · Praktisch" });
    await workspace.find("#tab-summary").trigger("click");
    const strip = workspace.find("#panel-summary .now-strip");
    expect(strip.text()).toContain("Kern gesprek · Praktisch");
    await strip.trigger("click");
    expect(visibleTabs(workspace)).toEqual(["guide"]);
  });

  describe("follows the conversation", () => {
    afterEach(() => {
      vi.useRealTimers();
      vi.restoreAllMocks();
    });

    it("brings the section's tab forward on a phone, unless the person chose a tab just now", async () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      const workspace = mountWorkspace("phone", { section: "welkom" });
      expect(visibleTabs(workspace)).toEqual(["guide"]);

      await workspace.setProps({ section: "afspraken-vorige" });
      expect(visibleTabs(workspace)).toEqual(["agreements"]);
      await workspace.setProps({ section: "studievoortgang" });
      expect(visibleTabs(workspace)).toEqual(["guide"]);

      // The student opens the notes; the conversation moves on within the minute: they stay,
      // and the tab the conversation went to is marked.
      await workspace.find("#tab-notes").trigger("click");
      vi.advanceTimersByTime(30_000);
      await workspace.setProps({ section: "samenvatten" });
      expect(visibleTabs(workspace)).toEqual(["notes"]);
      expect(workspace.find("#tab-summary").classes()).toContain("is-current");

      // A minute after their own choice the page follows again.
      vi.advanceTimersByTime(31_000);
      await workspace.setProps({ section: "nieuwe-afspraken" });
      expect(visibleTabs(workspace)).toEqual(["agreements"]);
    });

    it("brings the sign-off forward on a phone when the conversation ends", async () => {
      const workspace = mountWorkspace("phone", { section: "samenvatten", hasSignoff: true });
      await workspace.find("#tab-summary").trigger("click");
      await workspace.setProps({ section: null, isSignoffFirst: true } as never);
      expect(visibleTabs(workspace)).toEqual(["guide"]);
      expect(workspace.find("#panel-guide [data-panel=signoff]").exists()).toBe(true);
    });

    it("opens on the part of the section the conversation is at", () => {
      const workspace = mountWorkspace("phone", { section: "samenvatten" });
      expect(visibleTabs(workspace)).toEqual(["summary"]);
    });

    it("scrolls the part into view in its column, leaving focus in the field being typed in", async () => {
      const scrolled: string[] = [];
      vi.spyOn(HTMLElement.prototype, "scrollIntoView").mockImplementation(function (
        this: HTMLElement,
      ) {
        scrolled.push(this.id);
      });
      const workspace = mountWorkspace("desk", { section: "praktisch", hasSignoff: true });
      const field = workspace.find<HTMLTextAreaElement>("#typing").element;
      field.focus();

      await workspace.setProps({ section: "afspraken-vorige" });
      await workspace.setProps({ section: "samenvatten" });
      await workspace.setProps({ section: "archivering" });
      await vi.waitFor(() => expect(scrolled.filter((id) => id !== "panel-guide")).toHaveLength(3));
      expect(scrolled.filter((id) => id !== "panel-guide")).toEqual([
        "panel-review",
        "panel-summary",
        "signoff-area",
      ]);
      expect(document.activeElement).toBe(field);
    });
  });
});

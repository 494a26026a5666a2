import { mount } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { withI18n } from "../../test/i18n";
import LiveWorkspace from "./LiveWorkspace.vue";

function mountWorkspace(isWide: boolean) {
  vi.stubGlobal("matchMedia", (query: string) => ({
    matches: isWide,
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
  return mount(LiveWorkspace, {
    slots: {
      guide: "<p>leidraad</p>",
      summary: "<p>samenvatting</p>",
      agreements: "<p>afspraken</p>",
      review: "<p>terugblik</p>",
      notes: "<p>notities</p>",
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
});

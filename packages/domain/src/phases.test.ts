import { describe, expect, it } from "vitest";
import { SECTION_KEYS } from "./guide.js";
import {
  type GuidePosition,
  nextPhasePosition,
  nextSectionPosition,
  previousPhasePosition,
  sectionPosition,
  startPosition,
} from "./phases.js";

const at = (phase: GuidePosition["phase"], section: string): GuidePosition => ({ phase, section });

describe("startPosition", () => {
  it("starts in Inleiding at Welkom", () => {
    expect(startPosition()).toEqual(at("inleiding", "welkom"));
  });
});

describe("moving between phases", () => {
  it("moves forward to the first section of the next phase, from any section", () => {
    expect(nextPhasePosition(at("inleiding", "procesafspraken"))).toEqual(
      at("kern", "afspraken-vorige"),
    );
    expect(nextPhasePosition(at("kern", "loopbaan"))).toEqual(at("afronden", "samenvatten"));
  });

  it("cannot move past Afronden", () => {
    expect(nextPhasePosition(at("afronden", "archivering"))).toBeNull();
    expect(nextPhasePosition(at("afronden", "samenvatten"))).toBeNull();
  });

  it("moves back to the first section of the previous phase", () => {
    expect(previousPhasePosition(at("afronden", "conclusie"))).toEqual(
      at("kern", "afspraken-vorige"),
    );
    expect(previousPhasePosition(at("kern", "praktisch"))).toEqual(at("inleiding", "welkom"));
  });

  it("cannot move back from Inleiding", () => {
    expect(previousPhasePosition(at("inleiding", "gespreksdoel"))).toBeNull();
  });
});

describe("sectionPosition", () => {
  it("jumps to any section of the current phase, also backwards", () => {
    expect(sectionPosition(at("kern", "afspraken-vorige"), "praktisch")).toEqual(
      at("kern", "praktisch"),
    );
    expect(sectionPosition(at("kern", "praktisch"), "studievoortgang")).toEqual(
      at("kern", "studievoortgang"),
    );
    expect(sectionPosition(at("kern", "praktisch"), "praktisch")).toEqual(at("kern", "praktisch"));
  });

  it("refuses a section of another phase, so no phase is skipped", () => {
    expect(sectionPosition(at("inleiding", "welkom"), "conclusie")).toBeNull();
    expect(sectionPosition(at("afronden", "conclusie"), "welkom")).toBeNull();
    expect(sectionPosition(at("kern", "loopbaan"), "does-not-exist")).toBeNull();
  });
});

describe("nextSectionPosition", () => {
  it("walks the whole guide in order, crossing phases, and stops at the end", () => {
    const visited: string[] = [];
    let position: GuidePosition | null = startPosition();
    while (position) {
      visited.push(position.section);
      position = nextSectionPosition(position);
    }
    expect(visited).toEqual([...SECTION_KEYS]);
  });

  it("crosses into the next phase after a phase's last section", () => {
    expect(nextSectionPosition(at("inleiding", "procesafspraken"))).toEqual(
      at("kern", "afspraken-vorige"),
    );
    expect(nextSectionPosition(at("afronden", "archivering"))).toBeNull();
  });

  it("goes nowhere from a section outside its phase", () => {
    expect(nextSectionPosition(at("inleiding", "praktisch"))).toBeNull();
  });

  it("returns null for a phase that does not exist", () => {
    const unknown = { phase: "pauze", section: "welkom" } as unknown as GuidePosition;
    expect(nextPhasePosition(unknown)).toBeNull();
    expect(previousPhasePosition(unknown)).toBeNull();
    expect(sectionPosition(unknown, "welkom")).toBeNull();
    expect(nextSectionPosition(unknown)).toBeNull();
  });
});

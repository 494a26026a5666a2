import { describe, expect, it } from "vitest";
import { effectScope } from "vue";
import { isTyping, moveForKey, useLeadShortcuts } from "./useLeadShortcuts";

const key = (init: KeyboardEventInit) => new KeyboardEvent("keydown", { bubbles: true, ...init });

describe("the shortcuts of the one who leads", () => {
  it("are Alt+arrows for a section, with Shift for a phase, and nothing else", () => {
    expect(moveForKey(key({ key: "ArrowRight", altKey: true }))).toBe("nextSection");
    expect(moveForKey(key({ key: "ArrowLeft", altKey: true }))).toBe("previousSection");
    expect(moveForKey(key({ key: "ArrowRight", altKey: true, shiftKey: true }))).toBe("nextPhase");
    expect(moveForKey(key({ key: "ArrowLeft", altKey: true, shiftKey: true }))).toBe(
      "previousPhase",
    );
    expect(moveForKey(key({ key: "ArrowRight" }))).toBeNull();
    expect(moveForKey(key({ key: "ArrowRight", altKey: true, ctrlKey: true }))).toBeNull();
  });

  it("never fire while typing in a field, and only while enabled", () => {
    const moved: string[] = [];
    let enabled = true;
    const scope = effectScope();
    scope.run(() =>
      useLeadShortcuts(
        {
          nextSection: () => moved.push("next"),
          previousSection: () => moved.push("previous"),
          nextPhase: () => moved.push("nextPhase"),
          previousPhase: () => moved.push("previousPhase"),
        },
        () => enabled,
      ),
    );
    const field = document.createElement("textarea");
    const editor = document.createElement("div");
    editor.setAttribute("contenteditable", "true");
    const inner = document.createElement("p");
    editor.append(inner);
    document.body.append(field, editor);
    expect(isTyping(field)).toBe(true);
    expect(isTyping(inner)).toBe(true);
    expect(isTyping(document.body)).toBe(false);

    const pressed = key({ key: "ArrowRight", altKey: true, cancelable: true });
    document.body.dispatchEvent(pressed);
    expect(pressed.defaultPrevented).toBe(true);
    field.dispatchEvent(key({ key: "ArrowRight", altKey: true }));
    inner.dispatchEvent(key({ key: "ArrowRight", altKey: true }));
    document.body.dispatchEvent(key({ key: "ArrowLeft", altKey: true, shiftKey: true }));
    enabled = false;
    document.body.dispatchEvent(key({ key: "ArrowRight", altKey: true }));
    expect(moved).toEqual(["next", "previousPhase"]);
    scope.stop();
    field.remove();
    editor.remove();
  });
});

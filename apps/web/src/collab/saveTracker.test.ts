import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { SaveTracker } from "./saveTracker";

const clockOf = (doc: Y.Doc) => Y.getState(doc.store, doc.clientID);

describe("SaveTracker", () => {
  it("is saved only once the server confirmed the local edits", () => {
    const doc = new Y.Doc();
    const tracker = new SaveTracker(doc);
    expect(tracker.isSaved()).toBe(true);

    doc.getText("t").insert(0, "hallo");
    expect(tracker.isSaved()).toBe(false);

    tracker.noteStored(new Map([[doc.clientID, clockOf(doc) - 1]]));
    expect(tracker.isSaved()).toBe(false);
    tracker.noteStored(new Map([[doc.clientID, clockOf(doc)]]));
    expect(tracker.isSaved()).toBe(true);
  });

  it("counts what the server sent or already held as stored", () => {
    const server = new Y.Doc();
    server.getText("t").insert(0, "van de server");
    const doc = new Y.Doc();
    const tracker = new SaveTracker(doc);

    const update = Y.encodeStateAsUpdate(server);
    Y.applyUpdate(doc, update);
    expect(tracker.isSaved()).toBe(false);
    tracker.noteServerUpdate(update);
    expect(tracker.isSaved()).toBe(true);

    // Edits made offline in an earlier session (another client id) that the server has.
    const earlier = new Y.Doc();
    earlier.getText("t").insert(0, "offline ");
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(earlier));
    expect(tracker.isSaved()).toBe(false);
    tracker.noteServerState(new Map([[earlier.clientID, clockOf(earlier)]]));
    expect(tracker.isSaved()).toBe(true);
  });
});

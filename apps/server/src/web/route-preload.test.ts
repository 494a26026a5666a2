import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { routePreloads } from "./route-preload.js";

/** A built app in miniature: index.html with its entry, and the manifest Vite writes. */
function dist(withManifest: boolean): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-preload-"));
  fs.writeFileSync(
    path.join(dir, "index.html"),
    '<!doctype html><head><script type="module" src="/assets/index-1.js"></script>' +
      '<link rel="modulepreload" href="/assets/vue-1.js"></head><body></body>',
  );
  if (withManifest) {
    fs.mkdirSync(path.join(dir, ".vite"));
    const manifest = {
      "index.html": { file: "assets/index-1.js", imports: ["_vue.js"] },
      "_vue.js": { file: "assets/vue-1.js" },
      "_yjs.js": { file: "assets/yjs-1.js", imports: ["_vue.js"] },
      "src/views/ConversationView.vue": {
        file: "assets/ConversationView-1.js",
        imports: ["_vue.js", "_yjs.js", "index.html"],
      },
      "src/views/ReportView.vue": { file: "assets/ReportView-1.js", imports: ["_vue.js"] },
    };
    fs.writeFileSync(path.join(dir, ".vite/manifest.json"), JSON.stringify(manifest));
  }
  return dir;
}

describe("a deep link's page code is preloaded with the entry", () => {
  it("a conversation's address preloads the conversation view and its imports, each once", () => {
    const html = routePreloads(dist(true))("/gesprek/abc");
    expect(html).toContain(
      '<link rel="modulepreload" crossorigin href="/assets/ConversationView-1.js">',
    );
    expect(html).toContain('href="/assets/yjs-1.js"');
    // What index.html already loads is not asked for twice.
    expect(html.match(/\/assets\/vue-1\.js/g)).toHaveLength(1);
    expect(html.match(/\/assets\/index-1\.js/g)).toHaveLength(1);
    expect(html.indexOf("ConversationView-1.js")).toBeLessThan(html.indexOf("</head>"));
  });

  it("other pages get index.html as built", () => {
    const dir = dist(true);
    const original = fs.readFileSync(path.join(dir, "index.html"), "utf8");
    const page = routePreloads(dir);
    expect(page("/overzicht")).toBe(original);
    expect(page("/gesprek/abc/formulier")).toBe(original);
    expect(page("/")).toBe(original);
  });

  it("a build without a manifest serves index.html unchanged", () => {
    const dir = dist(false);
    expect(routePreloads(dir)("/gesprek/abc")).toBe(
      fs.readFileSync(path.join(dir, "index.html"), "utf8"),
    );
  });
});

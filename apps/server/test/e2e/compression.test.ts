import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptedEncodings } from "../../src/web/static.js";
import { startTestServer, type TestServer } from "../support/server.js";

/*
 * The web app's assets go out compressed as the build wrote them (brotli, else gzip), with their
 * own type and long caching, and `Vary: Accept-Encoding` so a cache never hands brotli to a
 * browser that asked for gzip. The build step itself (apps/web/scripts/compress.mjs) runs here
 * on a small app of its own.
 */

const COMPRESS = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@driehoek/web/package.json")),
  "scripts/compress.mjs",
);
const SCRIPT = `export const words = ${JSON.stringify(
  Array.from({ length: 4000 }, (_, i) => `afspraak-${i % 50}`),
)};\n`;

describe("compressed assets", () => {
  let server: TestServer;
  let dist: string;

  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-dist-"));
    fs.mkdirSync(path.join(dist, "assets"));
    fs.writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>Driehoek</title>");
    fs.writeFileSync(path.join(dist, "assets/app-1a2b3c.js"), SCRIPT);
    fs.writeFileSync(path.join(dist, "assets/tiny-4d5e6f.js"), "export {};\n");
    execFileSync(process.execPath, [COMPRESS, dist]);
    server = await startTestServer("sqlite", { config: { webDist: dist } });
  });

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  const get = (file: string, acceptEncoding?: string) =>
    fetch(`${server.url}/assets/${file}`, {
      headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding },
    });

  it("the build writes a brotli and a gzip copy beside each asset worth compressing", () => {
    expect(fs.existsSync(path.join(dist, "assets/app-1a2b3c.js.br"))).toBe(true);
    expect(fs.existsSync(path.join(dist, "assets/app-1a2b3c.js.gz"))).toBe(true);
    expect(fs.existsSync(path.join(dist, "assets/tiny-4d5e6f.js.br"))).toBe(false);
  });

  it("a browser that accepts brotli gets brotli, with the script's type and long caching", async () => {
    const response = await get("app-1a2b3c.js", "gzip, deflate, br, zstd");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-encoding")).toBe("br");
    expect(response.headers.get("content-type")).toMatch(/javascript/);
    expect(response.headers.get("vary")).toMatch(/accept-encoding/i);
    expect(response.headers.get("cache-control")).toMatch(/immutable/);
    // fetch decodes it: what the page runs is the script as built.
    expect(await response.text()).toBe(SCRIPT);
    const sent = Number(response.headers.get("content-length"));
    expect(sent).toBeLessThan(SCRIPT.length / 5);
  });

  it("gzip when brotli is not accepted, the plain file when neither is", async () => {
    const gzip = await get("app-1a2b3c.js", "gzip");
    expect(gzip.headers.get("content-encoding")).toBe("gzip");
    expect(await gzip.text()).toBe(SCRIPT);

    const plain = await new Promise<{ headers: Record<string, unknown>; body: string }>(
      (resolve, reject) => {
        // fetch always asks for compression; a plain request shows what an old client gets.
        http
          .get(`${server.url}/assets/app-1a2b3c.js`, (res) => {
            let body = "";
            res.setEncoding("utf8");
            res.on("data", (chunk) => {
              body += chunk;
            });
            res.on("end", () => resolve({ headers: res.headers, body }));
          })
          .on("error", reject);
      },
    );
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body).toBe(SCRIPT);
  });

  it("refusing brotli with q=0 is honoured; a file without copies is sent as it is", async () => {
    const refused = await get("app-1a2b3c.js", "br;q=0, gzip");
    expect(refused.headers.get("content-encoding")).toBe("gzip");
    const tiny = await get("tiny-4d5e6f.js", "br");
    expect(tiny.headers.get("content-encoding")).toBeNull();
    expect(await tiny.text()).toBe("export {};\n");
    expect((await get("nothing-here.js", "br")).status).toBe(404);
  });

  it("reads Accept-Encoding as browsers send it", () => {
    expect([...acceptedEncodings("gzip, deflate, br")]).toEqual(["gzip", "deflate", "br"]);
    expect(acceptedEncodings("br;q=0, gzip;q=0.8").has("br")).toBe(false);
    expect(acceptedEncodings(undefined).size).toBe(0);
  });
});

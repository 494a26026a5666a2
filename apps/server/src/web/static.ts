import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import express, { type RequestHandler, type Router } from "express";
import { routePreloads } from "./route-preload.js";

/** Finds the built web app: `WEB_DIST`, else the @driehoek/web package's dist folder. */
export function findWebDist(configured: string | undefined): string | null {
  if (configured) return fs.existsSync(path.join(configured, "index.html")) ? configured : null;
  try {
    const require = createRequire(import.meta.url);
    const dist = path.join(path.dirname(require.resolve("@driehoek/web/package.json")), "dist");
    return fs.existsSync(path.join(dist, "index.html")) ? dist : null;
  } catch {
    return null;
  }
}

/**
 * Serves the web app, with index.html for every other GET so deep links such as
 * /join/<token> open the app. Hashed assets are cached for good; index.html never.
 */
export function webAppRouter(dist: string | null): Router {
  const router = express.Router();
  if (!dist) {
    router.get("/", (_req, res) => {
      res
        .type("text/plain")
        .send("Driehoek server is running; the web app has not been built (npm run build).");
    });
    return router;
  }
  router.use(precompressed(dist));
  router.use(
    "/assets",
    express.static(path.join(dist, "assets"), {
      immutable: true,
      maxAge: "365d",
      fallthrough: false,
    }),
  );
  router.use(express.static(dist, { index: false, maxAge: 0 }));
  const indexHtmlFor = routePreloads(dist);
  router.get(/^\/(?!graphql|collab|export\/).*/, (req, res) => {
    res.setHeader("Cache-Control", "no-cache");
    res.type("html").send(indexHtmlFor(req.path));
  });
  return router;
}

/** The encodings the build writes beside each asset, best first: brotli, then gzip. */
const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;

/** Which encodings a request's Accept-Encoding allows (q=0 refuses one). */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (q && Number(q.slice(2)) === 0) continue;
    accepted.add(name);
  }
  return accepted;
}

/**
 * Sends the brotli or gzip copy the build wrote beside an asset (apps/web/scripts/compress.mjs)
 * when the browser accepts it, with the asset's own type and caching and `Vary: Accept-Encoding`;
 * everything else goes on to the plain files. The copies are listed once, at start-up.
 */
function precompressed(dist: string): RequestHandler {
  const available = new Set<string>();
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else available.add(path.relative(dist, full).split(path.sep).join("/"));
    }
  };
  walk(dist);
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const file = req.path.replace(/^\//, "");
    if (!file.startsWith("assets/") || file.includes("..")) return next();
    if (!ENCODINGS.some((e) => available.has(file + e.suffix))) return next();
    res.setHeader("Vary", "Accept-Encoding");
    const accepted = acceptedEncodings(req.headers["accept-encoding"]);
    const encoding = ENCODINGS.find((e) => accepted.has(e.name) && available.has(file + e.suffix));
    if (!encoding) return next();
    res.setHeader("Content-Encoding", encoding.name);
    res.type(path.extname(file));
    res.sendFile(path.join(dist, file + encoding.suffix), {
      immutable: true,
      maxAge: "365d",
    });
  };
}

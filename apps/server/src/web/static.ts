import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import express, { type Router } from "express";

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
  router.use(
    "/assets",
    express.static(path.join(dist, "assets"), {
      immutable: true,
      maxAge: "365d",
      fallthrough: false,
    }),
  );
  router.use(express.static(dist, { index: false, maxAge: 0 }));
  const indexHtml = path.join(dist, "index.html");
  router.get(/^\/(?!graphql|collab|export\/).*/, (_req, res) => {
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(indexHtml);
  });
  return router;
}

import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import type { Services } from "../context.js";
import { documentRouter } from "../modules/document/document.routes.js";
import { exportRouter } from "../modules/export/export.routes.js";
import { graphqlRateLimit } from "../security/graphql-rate-limit.js";
import { noStore, securityHeaders } from "../security/headers.js";
import { findWebDist, webAppRouter } from "../web/static.js";
import { healthRouter } from "./health.js";

/** The express app: GraphQL at /graphql, /healthz, record downloads and the web app. */
export function buildApp(services: Services, graphql: RequestHandler[]): express.Express {
  const app = express();
  app.disable("x-powered-by");
  // The caller's address behind a reverse proxy, for the per-IP limits.
  if (services.config.trustProxy !== undefined) {
    app.set("trust proxy", services.config.trustProxy);
  }
  app.use(securityHeaders());
  app.use(["/graphql", "/export", "/api/conversations"], noStore);
  app.use("/graphql", graphqlRateLimit(services), ...graphql);
  app.use(healthRouter(services));
  app.use(exportRouter(services));
  app.use(documentRouter(services));
  app.use(webAppRouter(findWebDist(services.config.webDist)));
  app.use(bodyErrors);
  return app;
}

/** Oversized or unreadable request bodies get a GraphQL-shaped error, not an HTML page. */
const bodyErrors: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  const tooLarge = error?.type === "entity.too.large";
  const status = tooLarge ? 413 : error?.status && error.status < 500 ? error.status : 500;
  const code = tooLarge
    ? "PAYLOAD_TOO_LARGE"
    : status < 500
      ? "BAD_REQUEST"
      : "INTERNAL_SERVER_ERROR";
  const message = tooLarge
    ? "The request is too large."
    : status < 500
      ? "The request could not be read."
      : "Something went wrong on the server.";
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
};

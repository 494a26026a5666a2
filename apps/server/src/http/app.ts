import { randomUUID } from "node:crypto";
import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import type { Services } from "../context.js";
import { maskedInternalError } from "../graphql/format-error.js";
import { loggerFor } from "../log/logger.js";
import { REQUEST_ID_HEADER } from "../log/request-id.js";
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
  app.use(unansweredErrors(services));
  return app;
}

/**
 * Errors no route answered itself: an oversized or unreadable request body gets a
 * GraphQL-shaped error, not an HTML page; anything else (a bug, a file gone from disk, a broken
 * database) is logged with the request id and its stack, and reaches the caller as 500 with
 * only its code and that id, as GraphQL's internal errors do.
 */
function unansweredErrors(services: Services): ErrorRequestHandler {
  const log = loggerFor(services.config);
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const tooLarge = error?.type === "entity.too.large";
    const status = tooLarge ? 413 : error?.status && error.status < 500 ? error.status : 500;
    if (status < 500) {
      const code = tooLarge ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST";
      const message = tooLarge ? "The request is too large." : "The request could not be read.";
      res.status(status).json({ errors: [{ message, extensions: { code } }] });
      return;
    }
    // Outside /graphql requests have no id yet: this one gets its own, sent back as GraphQL's are.
    const requestId = String(res.locals.requestId ?? randomUUID());
    res.setHeader(REQUEST_ID_HEADER, requestId);
    log.error(
      { requestId, err: error, method: req.method, path: req.originalUrl.split("?")[0] },
      "http request failed",
    );
    res.status(500).json({ errors: [maskedInternalError(requestId)] });
  };
}

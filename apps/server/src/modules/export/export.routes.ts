import express, { type Router } from "express";
import { GraphQLError } from "graphql";
import { authenticate } from "../../auth/authenticate.js";
import type { Services } from "../../context.js";
import { printRecord } from "./print-record.js";
import { exportRecord } from "./record-export.js";
import { attachmentDisposition } from "./record-filename.js";

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BAD_USER_INPUT: 400,
};

/** GET /export/conversations/<id>.json, .csv (signed records) and .pdf (the form) — with a Bearer token. */
export function exportRouter(services: Services): Router {
  const router = express.Router();
  router.get("/export/conversations/:file", async (req, res) => {
    const match = /^([A-Za-z0-9-]{1,64})\.(json|csv|pdf)$/.exec(req.params.file ?? "");
    if (!match?.[1]) {
      res.status(404).json({
        errors: [
          {
            message: "Use /export/conversations/<id>.json, .csv or .pdf",
            extensions: { code: "NOT_FOUND" },
          },
        ],
      });
      return;
    }
    try {
      const auth = await authenticate(services, req.headers.authorization);
      const ctx = { services, viewer: auth.viewer, authProblem: auth.problem };
      if (match[2] === "pdf") {
        const { pdf, filename } = await printRecord(ctx, match[1]);
        res.setHeader("Content-Disposition", attachmentDisposition(filename));
        res.type("application/pdf").send(pdf);
        return;
      }
      const exported = await exportRecord(ctx, match[1]);
      const isCsv = match[2] === "csv";
      res.setHeader(
        "Content-Disposition",
        `attachment; filename="gesprek-${exported.conversationId}.${match[2]}"`,
      );
      res.setHeader("X-Record-Hash", exported.hash);
      res
        .type(isCsv ? "text/csv; charset=utf-8" : "application/json")
        .send(isCsv ? exported.csv : exported.json);
    } catch (error) {
      if (error instanceof GraphQLError) {
        const code = String(error.extensions.code);
        res
          .status(STATUS[code] ?? 400)
          .json({ errors: [{ message: error.message, extensions: error.extensions }] });
        return;
      }
      throw error;
    }
  });
  return router;
}

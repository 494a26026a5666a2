import express, { type ErrorRequestHandler, type Response, type Router } from "express";
import { GraphQLError } from "graphql";
import { openConversation } from "../../access/conversation-access.js";
import { authenticate } from "../../auth/authenticate.js";
import type { RequestContext, Services } from "../../context.js";
import { addDocument, findDocument, tooLarge } from "./document.service.js";
import { readBytes } from "./document-store.js";

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BAD_USER_INPUT: 400,
  PAYLOAD_TOO_LARGE: 413,
};

function sendError(res: Response, error: GraphQLError): void {
  const code = String(error.extensions.code);
  res
    .status(STATUS[code] ?? 400)
    .json({ errors: [{ message: error.message, extensions: error.extensions }] });
}

async function contextOf(services: Services, authorization?: string): Promise<RequestContext> {
  const auth = await authenticate(services, authorization);
  return { services, viewer: auth.viewer, authProblem: auth.problem };
}

/** `filename*` for any name, and a plain ASCII `filename` for old clients. */
export function contentDisposition(fileName: string): string {
  const plain = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Documents of a conversation over HTTP, with the same Bearer token as /graphql:
 * - POST /api/conversations/<id>/documents?kind=<kind>&name=<file name>, the file as the raw body;
 * - POST /api/conversations/<id>/signed-form?name=<file name>: the signed scan of the paper form;
 * - GET /api/conversations/<id>/documents/<documentId>: the file, as an attachment.
 * Answers 201 with the document's fields, or `{ errors: [...] }` as GraphQL does.
 */
export function documentRouter(services: Services): Router {
  const router = express.Router();
  const maxBytes = services.config.documentMaxBytes;
  const rawBody = express.raw({ type: () => true, limit: maxBytes });

  // Who sends and to which conversation is checked before the body is read: a stranger's upload
  // is refused without the server taking in up to DOCUMENT_MAX_BYTES first.
  const admit: express.RequestHandler = async (req, res, next) => {
    try {
      const ctx = await contextOf(services, req.headers.authorization);
      res.locals.access = await openConversation(ctx, String(req.params.id ?? ""));
      next();
    } catch (error) {
      if (error instanceof GraphQLError) return sendError(res, error);
      next(error);
    }
  };

  const upload = (kindOf: (query: Record<string, unknown>) => string) =>
    [
      admit,
      rawBody,
      async (req: express.Request, res: Response) => {
        try {
          const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
          const document = await addDocument(services, res.locals.access, {
            bytes,
            fileName: String(req.query.name ?? ""),
            kind: kindOf(req.query),
          });
          res.status(201).json({ document });
        } catch (error) {
          if (error instanceof GraphQLError) return sendError(res, error);
          throw error;
        }
      },
    ] as const;

  router.post("/api/conversations/:id/documents", ...upload((q) => String(q.kind ?? "")));
  router.post("/api/conversations/:id/signed-form", ...upload(() => "getekend_formulier"));

  router.get("/api/conversations/:id/documents/:documentId", async (req, res) => {
    try {
      const ctx = await contextOf(services, req.headers.authorization);
      const access = await openConversation(ctx, String(req.params.id ?? ""));
      const document = await findDocument(services, access.conversation.id, req.params.documentId);
      const bytes = await readBytes(services, document.sha256);
      res.setHeader("Content-Disposition", contentDisposition(document.fileName));
      res.setHeader("X-Content-Type-Options", "nosniff");
      res.setHeader("Cache-Control", "private, no-store");
      res.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
      res.type(document.mimeType).send(bytes);
    } catch (error) {
      if (error instanceof GraphQLError) return sendError(res, error);
      throw error;
    }
  });

  /** A body over the limit is refused before it is read whole; nothing is stored. */
  const bodyTooLarge: ErrorRequestHandler = (error, _req, res, next) => {
    if (error?.type !== "entity.too.large" || res.headersSent) return next(error);
    sendError(res, tooLarge(maxBytes));
  };
  router.use("/api/conversations/:id", bodyTooLarge);
  return router;
}

import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";
import helmet from "helmet";

/** The websocket origins of the page's own host (GraphQL subscriptions and /collab). */
function sameHostSockets(req: IncomingMessage): string {
  const host = req.headers.host?.replace(/[^A-Za-z0-9.:[\]-]/g, "");
  return host ? `ws://${host} wss://${host}` : "";
}

/**
 * Security headers on every response: a CSP without inline script (the built web app loads
 * only its own files; styles may be inline because Vue and the editor set style attributes),
 * no framing, nosniff and no referrer. Websockets to the same host, `blob:` for downloads and
 * `data:` for the icons inlined in the CSS. No `upgrade-insecure-requests`: on a school's
 * network the server is often reached over plain http by its LAN address.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        // 'wasm-unsafe-eval': the talk meter's speech model compiles onnxruntime's WebAssembly
        // (served by the app itself); it allows no eval of JavaScript.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'", (req) => sameHostSockets(req)],
        frameSrc: ["'self'", "blob:"],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "no-referrer" },
  });
}

/** `Cache-Control: no-store`: for answers that carry personal data (GraphQL, exports, PDFs, documents). */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader("Cache-Control", "no-store");
  next();
};

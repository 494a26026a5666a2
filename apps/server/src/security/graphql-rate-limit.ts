import type { RequestHandler } from "express";
import { verifyAccessToken } from "../auth/tokens.js";
import type { Services } from "../context.js";
import { createLimiter, isLimitAnswer, secondsToWait } from "./limiter.js";
import { waitInWords } from "./wait-message.js";

/**
 * The person a bearer token with a genuine signature names, expired or not (the limit only
 * needs to tell callers apart; the resolvers still refuse an expired token).
 */
function subjectOf(services: Services, authorization: string | undefined): string | null {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  if (!token) return null;
  const claims = verifyAccessToken(services.serverKey, token, 0);
  return typeof claims === "object" ? claims.sub : null;
}

/**
 * Rate limits GraphQL over HTTP: `GRAPHQL_RATE_PER_MINUTE` per person (by the token's subject)
 * and `GRAPHQL_IP_RATE_PER_MINUTE` per IP address for requests without a genuine token. Over
 * the limit: 429 with Retry-After and a GraphQL-shaped RATE_LIMITED error.
 */
export function graphqlRateLimit(services: Services): RequestHandler {
  const { config } = services;
  const perPerson = createLimiter(config, {
    name: "graphql-person",
    points: config.graphqlRatePerMinute,
    durationSeconds: 60,
  });
  const perIp = createLimiter(config, {
    name: "graphql-ip",
    points: config.graphqlIpRatePerMinute,
    durationSeconds: 60,
  });
  return async (req, res, next) => {
    const subject = subjectOf(services, req.headers.authorization);
    try {
      if (subject) await perPerson.consume(subject, 1);
      else await perIp.consume(req.ip ?? "unknown", 1);
    } catch (error) {
      // A store failure with no answer lets the request through: limits must not take the API down.
      if (!isLimitAnswer(error)) return next();
      const retryAfterSeconds = secondsToWait(error.msBeforeNext);
      res.setHeader("Retry-After", String(retryAfterSeconds));
      res.status(429).json({
        errors: [
          {
            message: `Te veel verzoeken in korte tijd. Wacht ${waitInWords(retryAfterSeconds)} en probeer het dan opnieuw.`,
            extensions: { code: "RATE_LIMITED", retryAfterSeconds },
          },
        ],
      });
      return;
    }
    next();
  };
}

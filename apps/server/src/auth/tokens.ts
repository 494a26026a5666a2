import { createHmac, timingSafeEqual } from "node:crypto";
import type { Role } from "@driehoek/domain";

/** What an access token says about its bearer. */
export interface AccessClaims {
  /** The person's id. */
  sub: string;
  role: Role;
  /** Set when the token came from an invite: the one conversation it opens. */
  cid?: string;
  /** The invite the token came from, checked on every use so revoking it takes effect. */
  inv?: string;
  /** Set for staff tokens: the session row, checked on every use so logging out ends it. */
  sid?: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

/** Why a token was refused. */
export type TokenProblem = "malformed" | "bad_signature" | "expired";

function mac(key: Buffer, purpose: string, data: string): Buffer {
  return createHmac("sha256", key).update(`${purpose}:${data}`).digest();
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Signs claims into `<payload>.<signature>` (base64url), like a compact JWT without a header. */
export function signAccessToken(key: Buffer, claims: AccessClaims): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${payload}.${mac(key, "access", payload).toString("base64url")}`;
}

/** Verifies a token's signature and expiry; returns the claims or the problem. */
export function verifyAccessToken(
  key: Buffer,
  token: string,
  nowSeconds: number,
): AccessClaims | TokenProblem {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined || token.length > 2048) return "malformed";
  if (!sameBytes(mac(key, "access", payload), Buffer.from(signature, "base64url"))) {
    return "bad_signature";
  }
  let claims: AccessClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return "malformed";
  }
  if (typeof claims.sub !== "string" || typeof claims.exp !== "number") return "malformed";
  return claims.exp <= nowSeconds ? "expired" : claims;
}

/**
 * An invite link's token: the invite id and a MAC over it. Nothing secret is stored, and
 * the same link can be printed again after a restart.
 */
export function inviteToken(key: Buffer, inviteId: string): string {
  return `${inviteId}.${mac(key, "invite", inviteId).subarray(0, 24).toString("base64url")}`;
}

/** Returns the invite id inside a genuine invite token, or null. */
export function inviteIdFromToken(key: Buffer, token: string): string | null {
  const [inviteId, signature, extra] = token.split(".");
  if (!inviteId || !signature || extra !== undefined || inviteId.length > 64) return null;
  const expected = mac(key, "invite", inviteId).subarray(0, 24);
  return sameBytes(expected, Buffer.from(signature, "base64url")) ? inviteId : null;
}

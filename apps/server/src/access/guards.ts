import type { StaffRole } from "@driehoek/domain";
import type { RequestContext, Viewer } from "../context.js";
import { forbidden, unauthenticated } from "../graphql/errors.js";

/** The caller, or UNAUTHENTICATED with the reason their token was refused. */
export function requireViewer(ctx: RequestContext): Viewer {
  if (ctx.viewer) return ctx.viewer;
  throw ctx.authProblem ? unauthenticated(ctx.authProblem, "token_refused") : unauthenticated();
}

/** The caller, who must be logged-in staff in one of `roles`. */
export function requireStaff(ctx: RequestContext, roles: readonly StaffRole[]): Viewer {
  const viewer = requireViewer(ctx);
  if (viewer.inviteId || !(roles as readonly string[]).includes(viewer.role)) {
    throw forbidden("Only school staff with the right role may do this.");
  }
  return viewer;
}

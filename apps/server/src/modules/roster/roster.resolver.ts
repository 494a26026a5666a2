import { Args, Ctx, Mutation, Resolver } from "type-graphql";
import { requireStaff } from "../../access/guards.js";
import type { RequestContext } from "../../context.js";
import { importRoster } from "./roster.service.js";
import { ImportRosterArgs, RosterImport } from "./roster.types.js";

/** The school's own people and placements in, from its student system's CSV export. */
@Resolver()
export class RosterResolver {
  @Mutation(() => RosterImport, {
    description:
      "Imports a roster CSV (admin; see docs/IMPORT.md). dryRun: true previews every row and every error; dryRun: false writes all rows or none, only when there are no errors.",
  })
  async importRoster(
    @Args(() => ImportRosterArgs) args: ImportRosterArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const viewer = requireStaff(ctx, ["admin"]);
    return importRoster(ctx.services, viewer, args.csv, args.dryRun);
  }
}

import { Arg, Args, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { requireStaff } from "../../access/guards.js";
import type { RequestContext } from "../../context.js";
import { updateCompany, updateStudent, updateTrainer } from "./admin.service.js";
import {
  AdminCompanyConnection,
  AdminPageArgs,
  AdminPlacementConnection,
  AdminStudentConnection,
  AdminTrainerConnection,
  CompanyUpdate,
  PlacementUpdate,
  StudentUpdate,
  TrainerUpdate,
  UpdateCompanyInput,
  UpdatePlacementInput,
  UpdateStudentInput,
  UpdateTrainerInput,
} from "./admin.types.js";
import { adminCompanies, adminPlacements, adminStudents, adminTrainers } from "./admin-lists.js";
import { updatePlacement } from "./placement-edit.js";

/** The administration tables (admin only): search, page and edit what the roster brought in. */
@Resolver()
export class AdminResolver {
  @Query(() => AdminStudentConnection, { description: "Students, searched and paged (admin)." })
  adminStudents(@Args(() => AdminPageArgs) args: AdminPageArgs, @Ctx() ctx: RequestContext) {
    requireStaff(ctx, ["admin"]);
    return adminStudents(ctx.services.dataSource.manager, args);
  }

  @Query(() => AdminPlacementConnection, { description: "Placements, searched and paged (admin)." })
  adminPlacements(@Args(() => AdminPageArgs) args: AdminPageArgs, @Ctx() ctx: RequestContext) {
    requireStaff(ctx, ["admin"]);
    return adminPlacements(ctx.services.dataSource.manager, args);
  }

  @Query(() => AdminCompanyConnection, { description: "Companies, searched and paged (admin)." })
  adminCompanies(@Args(() => AdminPageArgs) args: AdminPageArgs, @Ctx() ctx: RequestContext) {
    requireStaff(ctx, ["admin"]);
    return adminCompanies(ctx.services.dataSource.manager, args);
  }

  @Query(() => AdminTrainerConnection, {
    description: "Praktijkopleiders, searched and paged (admin).",
  })
  adminTrainers(@Args(() => AdminPageArgs) args: AdminPageArgs, @Ctx() ctx: RequestContext) {
    requireStaff(ctx, ["admin"]);
    return adminTrainers(ctx.services.dataSource.manager, args);
  }

  @Mutation(() => StudentUpdate, {
    description:
      "Edits a student (admin); refused fields come back in errors and nothing is saved.",
  })
  updateStudent(
    @Arg("input", () => UpdateStudentInput) input: UpdateStudentInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateStudent(ctx.services, requireStaff(ctx, ["admin"]), input);
  }

  @Mutation(() => PlacementUpdate, {
    description:
      "Edits a placement (admin); new dates judge its frequency again. Refused fields come back in errors and nothing is saved.",
  })
  updatePlacement(
    @Arg("input", () => UpdatePlacementInput) input: UpdatePlacementInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updatePlacement(ctx.services, requireStaff(ctx, ["admin"]), input);
  }

  @Mutation(() => CompanyUpdate, {
    description:
      "Edits a company (admin); refused fields come back in errors and nothing is saved.",
  })
  updateCompany(
    @Arg("input", () => UpdateCompanyInput) input: UpdateCompanyInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateCompany(ctx.services, requireStaff(ctx, ["admin"]), input);
  }

  @Mutation(() => TrainerUpdate, {
    description:
      "Edits a praktijkopleider (admin); refused fields come back in errors and nothing is saved.",
  })
  updateTrainer(
    @Arg("input", () => UpdateTrainerInput) input: UpdateTrainerInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateTrainer(ctx.services, requireStaff(ctx, ["admin"]), input);
  }
}

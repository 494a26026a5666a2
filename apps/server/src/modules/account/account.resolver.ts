import { STAFF_ROLES } from "@driehoek/domain";
import { Arg, Args, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { requireStaff } from "../../access/guards.js";
import type { RequestContext } from "../../context.js";
import { badInput } from "../../graphql/errors.js";
import { throttlesOf } from "../../security/throttles.js";
import { Person } from "../people/person.entity.js";
import {
  accountOf,
  changePassword,
  createStaffAccount,
  passwordLinkStatus,
  requestPasswordReset,
  setAccountActive,
  setPasswordWithLink,
} from "./account.service.js";
import {
  AccountIdArgs,
  ChangePasswordArgs,
  CreateStaffAccountInput,
  PasswordLinkArgs,
  PasswordLinkStatusEnum,
  RequestPasswordResetArgs,
  SetPasswordArgs,
  StaffAccount,
  StaffAccountConnection,
  StaffAccountsArgs,
} from "./account.types.js";

/** Staff accounts: the admin creates and (de)activates them; staff set and change their password. */
@Resolver()
export class AccountResolver {
  @Query(() => StaffAccountConnection, {
    description: "Staff accounts by name (admin), filtered by part of the name or e-mail address.",
  })
  async staffAccounts(
    @Args(() => StaffAccountsArgs) args: StaffAccountsArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<StaffAccountConnection> {
    requireStaff(ctx, ["admin"]);
    const query = ctx.services.dataSource.manager
      .createQueryBuilder(Person, "p")
      .where("p.role IN (:...roles)", { roles: STAFF_ROLES })
      .orderBy("p.name", "ASC")
      .addOrderBy("p.id", "ASC");
    const search = args.search?.trim().toLowerCase();
    if (search) {
      const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere(
        "(LOWER(p.name) LIKE :pattern ESCAPE '\\' OR p.email LIKE :pattern ESCAPE '\\')",
        {
          pattern,
        },
      );
    }
    const totalCount = await query.getCount();
    if (args.after) {
      const [name, id] = decodeCursor(args.after);
      query.andWhere("(p.name > :name OR (p.name = :name AND p.id > :id))", { name, id });
    }
    const rows = await query.take(args.first + 1).getMany();
    const edges = rows.slice(0, args.first).map((person) => ({
      cursor: Buffer.from(JSON.stringify([person.name, person.id])).toString("base64url"),
      node: accountOf(person),
    }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount,
    };
  }

  @Mutation(() => StaffAccount, {
    description:
      "Creates a staff account without a password (admin); the person is mailed a single-use link (/wachtwoord/<token>, 72 hours) to choose one.",
  })
  async createStaffAccount(
    @Arg("input", () => CreateStaffAccountInput) input: CreateStaffAccountInput,
    @Ctx() ctx: RequestContext,
  ) {
    const viewer = requireStaff(ctx, ["admin"]);
    return createStaffAccount(ctx.services, viewer.personId, input);
  }

  @Query(() => PasswordLinkStatusEnum, {
    description:
      "Whether a mailed set-password link still works, checked without using it (the link's page asks at once): valid, used, expired or invalid. Says nothing of whose link it is.",
  })
  async passwordLinkStatus(
    @Args(() => PasswordLinkArgs) { token }: PasswordLinkArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return passwordLinkStatus(ctx.services, token);
  }

  @Mutation(() => Boolean, {
    description:
      "Sets a password with the token of a mailed link. The link works once; a used, expired or unknown one is refused (UNAUTHENTICATED with reason password_link_used, password_link_expired or password_link_invalid).",
  })
  async setPassword(
    @Args(() => SetPasswordArgs) { token, password }: SetPasswordArgs,
    @Ctx() ctx: RequestContext,
  ) {
    await setPasswordWithLink(ctx.services, token, password);
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      "Changes the caller's password (staff); a wrong current password is BAD_USER_INPUT with reason wrong_password.",
  })
  async changePassword(
    @Args(() => ChangePasswordArgs) { currentPassword, newPassword }: ChangePasswordArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const viewer = requireStaff(ctx, STAFF_ROLES);
    await changePassword(ctx.services, viewer.personId, currentPassword, newPassword);
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      "Mails a reset link (2 hours) when the address belongs to an active staff account. Always answers true, so it tells nobody which addresses exist; too many requests for one address or from one IP are TOO_MANY_ATTEMPTS with extensions.retryAfterSeconds.",
  })
  async requestPasswordReset(
    @Args(() => RequestPasswordResetArgs) { email }: RequestPasswordResetArgs,
    @Ctx() ctx: RequestContext,
  ) {
    await throttlesOf(ctx.services).passwordReset.count(email);
    await requestPasswordReset(ctx.services, email);
    return true;
  }

  @Mutation(() => StaffAccount, {
    description:
      "Deactivates a staff account (admin): it can no longer log in and its access tokens stop working at once.",
  })
  async deactivateAccount(
    @Args(() => AccountIdArgs) { personId }: AccountIdArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const viewer = requireStaff(ctx, ["admin"]);
    const account = await setAccountActive(ctx.services, viewer.personId, personId, false);
    ctx.services.events.publish("accountDeactivated", personId);
    return account;
  }

  @Mutation(() => StaffAccount, {
    description: "Lets a deactivated staff account log in again (admin).",
  })
  async reactivateAccount(
    @Args(() => AccountIdArgs) { personId }: AccountIdArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const viewer = requireStaff(ctx, ["admin"]);
    return setAccountActive(ctx.services, viewer.personId, personId, true);
  }
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && typeof value[0] === "string" && typeof value[1] === "string") {
      return [value[0], value[1]];
    }
  } catch {
    // fall through to the error below
  }
  throw badInput("That is not a cursor.");
}

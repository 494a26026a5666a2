import { flushPromises, mount } from "@vue/test-utils";
import { GraphQLError } from "graphql";
import { afterEach, describe, expect, it } from "vitest";
import { GRAPHQL_KEY } from "../../graphql/client";
import { createAppI18n } from "../../i18n";
import { schemaServer } from "../../test/schemaServer";
import ChangePasswordForm from "./ChangePasswordForm.vue";
import PasswordResetForm from "./PasswordResetForm.vue";

const CURRENT = "het huidige wachtwoord";

function mountWith(component: typeof ChangePasswordForm | typeof PasswordResetForm) {
  const server = schemaServer({
    requestPasswordReset: () => true,
    changePassword: ({ currentPassword }: { currentPassword: string }) => {
      if (currentPassword !== CURRENT) {
        throw new GraphQLError("wrong", {
          extensions: { code: "BAD_USER_INPUT", reason: "wrong_password" },
        });
      }
      return true;
    },
  });
  const page = mount(component, {
    attachTo: document.body,
    global: {
      plugins: [createAppI18n("nl")],
      provide: { [GRAPHQL_KEY as symbol]: server.graphql },
    },
  });
  return { page, server };
}

async function settle() {
  for (let i = 0; i < 5; i += 1) {
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

describe("the password forms", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("'Wachtwoord vergeten?' asks for a link and says the same whatever the address", async () => {
    const { page, server } = mountWith(PasswordResetForm);
    expect(page.find("input").exists()).toBe(false);
    await page.get("button").trigger("click");
    await page.get("input[type=email]").setValue("iemand@school.test");
    await page.get("form").trigger("submit");
    await settle();
    expect(server.callsOf("RequestPasswordReset")).toEqual([{ email: "iemand@school.test" }]);
    expect(page.get("[role=status]").text()).toContain(
      "Als dit e-mailadres bij een account hoort, is er een e-mail met een link verstuurd.",
    );
  });

  it("changing the password needs the current one, and says so in Dutch when it is wrong", async () => {
    const { page, server } = mountWith(ChangePasswordForm);
    const [current, next] = page.findAll("input[type=password]");
    await current?.setValue("fout");
    await next?.setValue("een nieuw wachtwoord");
    await page.get("form").trigger("submit");
    await settle();
    expect(page.get("[role=alert]").text()).toBe("Het huidige wachtwoord klopt niet.");

    await current?.setValue(CURRENT);
    await page.get("form").trigger("submit");
    await settle();
    expect(server.callsOf("ChangePassword").at(-1)).toEqual({
      currentPassword: CURRENT,
      newPassword: "een nieuw wachtwoord",
    });
    expect(page.get("[role=status]").text()).toBe("Je wachtwoord is gewijzigd.");
    expect(page.find("[role=alert]").exists()).toBe(false);
  });
});

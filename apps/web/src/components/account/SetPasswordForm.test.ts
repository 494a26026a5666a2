import { flushPromises, mount } from "@vue/test-utils";
import { GraphQLError } from "graphql";
import { afterEach, describe, expect, it } from "vitest";
import { GRAPHQL_KEY } from "../../graphql/client";
import { createAppI18n } from "../../i18n";
import { schemaServer } from "../../test/schemaServer";
import SetPasswordForm from "./SetPasswordForm.vue";

/** A server where `expired` tokens have expired and a token works once. */
function mountForm(token: string, expired: string[] = []) {
  const used = new Set<string>();
  const server = schemaServer({
    passwordLinkStatus: ({ token }: { token: string }) =>
      expired.includes(token) ? "expired" : used.has(token) ? "used" : "valid",
    setPassword: ({ token }: { token: string }) => {
      if (used.has(token)) {
        throw new GraphQLError("used", {
          extensions: { code: "UNAUTHENTICATED", reason: "password_link_used" },
        });
      }
      used.add(token);
      return true;
    },
  });
  const page = mount(SetPasswordForm, {
    props: { token },
    attachTo: document.body,
    global: {
      plugins: [createAppI18n("nl")],
      provide: { [GRAPHQL_KEY as symbol]: server.graphql },
    },
  });
  return { page, server };
}

/** Lets the fake server answer and Vue render. */
async function settle() {
  for (let i = 0; i < 5; i += 1) {
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

async function fill(page: ReturnType<typeof mountForm>["page"], first: string, second: string) {
  const inputs = page.findAll("input[type=password]");
  await inputs[0]?.setValue(first);
  await inputs[1]?.setValue(second);
  await page.get("form").trigger("submit");
  for (let i = 0; i < 5; i += 1) {
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

describe("setting a password from the mailed link", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("says what is wrong before asking the server: too short, or not the same twice", async () => {
    const { page, server } = mountForm("abc");
    await settle();
    await fill(page, "kort", "kort");
    expect(page.get("[role=alert]").text()).toBe("Het wachtwoord moet minstens 10 tekens hebben.");
    await fill(page, "een lange zin", "een andere zin");
    expect(page.get("[role=alert]").text()).toBe("De twee wachtwoorden zijn niet gelijk.");
    expect(server.callsOf("SetPassword")).toEqual([]);
  });

  it("saves the password with the link's token, and a used link says so in Dutch", async () => {
    const { page, server } = mountForm("abc");
    await settle();
    // Asking whether the link works does not use it up.
    expect(server.callsOf("PasswordLinkStatus")).toEqual([{ token: "abc" }]);
    await fill(page, "een lange zin", "een lange zin");
    expect(server.callsOf("SetPassword")).toEqual([{ token: "abc", password: "een lange zin" }]);
    expect(page.emitted("done")).toHaveLength(1);

    await fill(page, "een lange zin", "een lange zin");
    expect(page.get("[role=alert]").text()).toContain("Deze link is al gebruikt.");
    // A used link cannot work again: the fields give way to the way out.
    expect(page.findAll("input")).toHaveLength(0);
  });

  it("says at once, before anyone types, that a link no longer works, and asks for no password", async () => {
    const { page, server } = mountForm("oud", ["oud"]);
    expect(page.get("[role=status]").text()).toBe("De link wordt gecontroleerd…");
    await settle();
    expect(page.get("[role=alert]").text()).toBe(
      "Deze link is verlopen. Vraag een nieuwe aan via 'Wachtwoord vergeten?' op de inlogpagina.",
    );
    expect(page.findAll("input")).toHaveLength(0);
    expect(page.emitted("dead")).toHaveLength(1);
    expect(server.callsOf("SetPassword")).toEqual([]);
  });
});

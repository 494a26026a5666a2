import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { defineComponent } from "vue";
import { createMemoryHistory, createRouter } from "vue-router";
import { GRAPHQL_KEY } from "../graphql/client";
import { createAppI18n } from "../i18n";
import { schemaServer } from "../test/schemaServer";
import HomeView from "./HomeView.vue";
import SetPasswordView from "./SetPasswordView.vue";

const Blank = defineComponent({ template: "<div />" });

function router() {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: "/", name: "home", component: HomeView },
      { path: "/wachtwoord/:token", name: "set-password", component: Blank },
    ],
  });
}

async function settle() {
  for (let i = 0; i < 5; i += 1) {
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

describe("the page of a set-password link", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("for a link that no longer works: says so on opening, with the way to a new link and to log in", async () => {
    const server = schemaServer({ passwordLinkStatus: () => "invalid" });
    const page = mount(SetPasswordView, {
      props: { token: "ongeldig-token" },
      attachTo: document.body,
      global: {
        plugins: [createAppI18n("nl"), router()],
        provide: { [GRAPHQL_KEY as symbol]: server.graphql },
      },
    });
    await settle();
    expect(page.get("[role=alert]").text()).toContain("Deze link is ongeldig.");
    expect(page.findAll("input")).toHaveLength(0);
    const links = page.findAll("a").map((a) => [a.text(), a.attributes("href")]);
    expect(links).toEqual([
      ["Nieuwe link aanvragen", "/?vergeten=1"],
      ["Naar inloggen", "/"],
    ]);
    // No "choose a password" intro above a link that cannot set one.
    expect(page.text()).not.toContain("Kies een wachtwoord voor Driehoek.");
  });

  it("the new-link way opens 'Wachtwoord vergeten?' on the login page at once", async () => {
    const server = schemaServer({});
    const to = router();
    await to.push("/?vergeten=1");
    const page = mount(HomeView, {
      attachTo: document.body,
      global: {
        plugins: [createAppI18n("nl"), to],
        provide: { [GRAPHQL_KEY as symbol]: server.graphql },
      },
    });
    await settle();
    const reset = page.get(".reset button.link");
    expect(reset.attributes("aria-expanded")).toBe("true");
    // The address to send the new link to is where the cursor is.
    expect(document.activeElement).toBe(page.get(".reset input[type=email]").element);
  });
});

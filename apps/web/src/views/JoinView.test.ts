import { flushPromises, mount } from "@vue/test-utils";
import { GraphQLError } from "graphql";
import { afterEach, describe, expect, it } from "vitest";
import { defineComponent } from "vue";
import { createMemoryHistory, createRouter } from "vue-router";
import { GRAPHQL_KEY } from "../graphql/client";
import { createAppI18n } from "../i18n";
import { apiIntro } from "../test/guideIntro";
import { schemaServer } from "../test/schemaServer";
import JoinView from "./JoinView.vue";

const Blank = defineComponent({ template: "<div />" });

/** The join page for a link the server refuses, so it stays on screen. */
async function mountJoin(locale: "nl" | "en") {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: "/", name: "home", component: Blank },
      { path: "/join/:token", name: "join", component: Blank },
      { path: "/gesprek/:id", name: "conversation", component: Blank },
    ],
  });
  await router.push("/join/ingetrokken");
  const server = schemaServer({
    guideIntro: ({ locale }: { locale: "nl" | "en" }) => apiIntro(locale),
    joinWithInvite: () => {
      throw new GraphQLError("Invite refused.", { extensions: { code: "UNAUTHENTICATED" } });
    },
  });
  const page = mount(JoinView, {
    props: { token: "ingetrokken" },
    attachTo: document.body,
    global: {
      plugins: [createAppI18n(locale), router],
      provide: { [GRAPHQL_KEY as symbol]: server.graphql },
    },
  });
  for (let i = 0; i < 5; i += 1) await flushPromises();
  return page;
}

describe("the join page", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("says in one sentence what Driehoek is and what happens next, in Dutch and in English", async () => {
    const dutch = await mountJoin("nl");
    expect(dutch.get(".join-about").text()).toBe(
      "Driehoek is de plek waar jij, je BPV-begeleider en de praktijkopleider samen het BPV-gesprek voeren en de afspraken vastleggen; zodra je link is gecontroleerd, kom je meteen in jullie gesprek, zonder account of wachtwoord.",
    );
    expect(dutch.get('[role="alert"]').text()).toContain(
      "Vraag de BPV-begeleider om een nieuwe link.",
    );
    dutch.unmount();

    const english = await mountJoin("en");
    expect(english.get(".join-about").text()).toMatch(
      /^Driehoek is where you, your placement supervisor/,
    );
  });

  it("shows the guide's opening: why the conversation is held and what makes it good", async () => {
    const page = await mountJoin("nl");
    const intro = page.get(".join-intro");
    expect(intro.get("h2").text()).toBe("BPV-gesprek");
    expect(intro.text()).toContain("Doel BPV- gesprek");
    expect(intro.text()).toContain("Jij bent ca. 70% aan het woord.");
    expect(intro.text()).toContain("De BPV-begeleider leidt het gesprek, maar luistert vooral.");
  });
});

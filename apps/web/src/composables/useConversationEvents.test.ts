import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { defineComponent, h } from "vue";
import SignoffPanel from "../components/signoff/SignoffPanel.vue";
import { signoffFixture } from "../components/signoff/signoffFixture";
import { PARTICIPANTS } from "../components/signoff/testRecord";
import { GRAPHQL_KEY } from "../graphql/client";
import type { ConversationChange } from "../graphql/operations";
import { withI18n } from "../test/i18n";
import { schemaServer } from "../test/schemaServer";
import { useConversation } from "./useConversation";

/** The conversation `c1`, live in the Kern, and a server answering the page's reads from it. */
function serve() {
  const fixture = signoffFixture({ status: "live" });
  const server = schemaServer({
    ...fixture.resolvers,
    conversation: () => ({
      ...fixture.conversation(),
      phase: "kern",
      section: "studievoortgang",
      phaseStartedAt: "2026-03-03T09:36:00.000Z",
      startedAt: "2026-03-03T09:31:00.000Z",
      myRole: "student",
      participants: PARTICIPANTS,
      previousAgreements: [],
      placement: {
        id: "pl1",
        companyName: "Zorggroep Oost",
        startDate: "2025-09-01",
        endDate: "2026-07-01",
        programme: { id: "prog-vig", crebo: "25655", name: "Verzorgende IG" },
        pokCheck: { isValid: true, problems: [], messages: [] },
        student: PARTICIPANTS[0]?.person,
        conversations: [],
      },
    }),
  });
  return { ...fixture, server };
}

/** The parts of the conversation page that read the conversation: its position and Afronden. */
const Page = defineComponent({
  setup() {
    const { conversation } = useConversation("c1");
    return () =>
      h("div", [
        h("p", { "data-field": "position" }, [
          `${conversation.value?.status} ${conversation.value?.phase} ${conversation.value?.section}`,
        ]),
        conversation.value &&
          h(SignoffPanel, {
            conversationId: "c1",
            status: conversation.value.status,
            myRole: "student",
            participants: PARTICIPANTS,
          }),
      ]);
  },
});

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await flushPromises();
  }
}

function mountPage(server: ReturnType<typeof schemaServer>) {
  return mount(Page, {
    attachTo: document.body,
    global: {
      ...withI18n().global,
      provide: { [GRAPHQL_KEY as symbol]: server.graphql },
      stubs: { RouterLink: { template: "<a><slot /></a>" } },
    },
  });
}

const change = (over: Partial<ConversationChange>): ConversationChange => ({
  conversationId: "c1",
  kinds: [],
  phase: "kern",
  section: "studievoortgang",
  startedAt: "2026-03-03T09:36:00.000Z",
  sectionStartedAt: null,
  status: "live",
  version: 2,
  ...over,
});

describe("the conversation page's events", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("come over one subscription, however many parts of the page listen", async () => {
    const { server } = serve();
    // Apollo merges identical subscriptions on the wire; count what the page asks for.
    const subscribe = vi.spyOn(server.graphql.client, "subscribe");
    const page = mountPage(server);
    await settle();
    expect(page.find("[data-conclusion-of=bpv_begeleider]").exists()).toBe(true);
    expect(subscribe).toHaveBeenCalledTimes(1);
    expect(server.openSubscriptions("conversationChanged")).toBe(1);
    page.unmount();
    expect(server.openSubscriptions("conversationChanged")).toBe(0);
  });

  it("move the phase at once, without reading the conversation again", async () => {
    const { server } = serve();
    const page = mountPage(server);
    await settle();
    expect(page.get("[data-field=position]").text()).toBe("live kern studievoortgang");
    const reads = server.callsOf("Conversation").length;

    server.publish(
      "conversationChanged",
      change({ kinds: ["PHASE", "SECTION"], phase: "afronden", section: "samenvatten" }),
    );
    await settle();
    expect(page.get("[data-field=position]").text()).toBe("live afronden samenvatten");
    expect(server.callsOf("Conversation")).toHaveLength(reads);
    expect(server.callsOf("Signoff")).toHaveLength(1);
    page.unmount();
  });

  it("read the conversation and its sign-off again when the status moves", async () => {
    const { server, state } = serve();
    const page = mountPage(server);
    await settle();
    const reads = server.callsOf("Conversation").length;

    state.status = "ended";
    server.publish("conversationChanged", change({ kinds: ["STATUS"], status: "ended" }));
    await settle();
    expect(page.get("[data-field=position]").text()).toMatch(/^ended/);
    expect(server.callsOf("Conversation")).toHaveLength(reads + 1);
    expect(server.callsOf("Signoff")).toHaveLength(2);
    page.unmount();
  });

  it("are not another conversation's", async () => {
    const { server, state } = serve();
    const page = mountPage(server);
    await settle();
    state.conclusion = "achter";
    server.publish("conversationChanged", change({ conversationId: "c2", kinds: ["CONCLUSION"] }));
    await settle();
    expect(server.callsOf("Signoff")).toHaveLength(1);
    page.unmount();
  });
});

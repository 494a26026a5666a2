import { flushPromises, mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import { defineComponent, h } from "vue";
import { CONVERSATION_DOCUMENTS } from "../components/documents/documents";
import { GRAPHQL_KEY } from "../graphql/client";
import { schemaServer } from "../test/schemaServer";
import { type QueryState, useQuery } from "./useQuery";

type Documents = QueryState<{ conversation: { status: string } | null }>;

/** Lets the fake server answer and Vue render. */
async function settle() {
  for (let i = 0; i < 5; i += 1) {
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

describe("useQuery", () => {
  it("a refetch after a change shows the change, even while an older request is still out", async () => {
    let status = "live";
    let release = () => {};
    let holdNext = false;
    const server = schemaServer({
      conversation: async () => {
        const seen = status;
        if (holdNext) {
          holdNext = false;
          await new Promise<void>((resolve) => (release = resolve));
        }
        return { id: "c1", status: seen, myRole: "student", documents: [] };
      },
    });
    let state: Documents | undefined;
    mount(
      defineComponent({
        setup() {
          state = useQuery(CONVERSATION_DOCUMENTS, { id: "c1" }) as Documents;
          return () => h("p");
        },
      }),
      { global: { provide: { [GRAPHQL_KEY as symbol]: server.graphql } } },
    );
    await settle();
    expect(state?.data.value?.conversation?.status).toBe("live");

    // A refetch (say, for an earlier event) reads "live" and is slow to answer...
    holdNext = true;
    const older = state?.refetch();
    await settle();
    // ...meanwhile the conversation ends, and the page asks again.
    status = "ended";
    const newer = state?.refetch();
    await settle();
    release();
    await Promise.all([older, newer]);
    await settle();
    expect(server.callsOf("ConversationDocuments")).toHaveLength(3);
    expect(state?.data.value?.conversation?.status).toBe("ended");
  });
});

import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { GRAPHQL_KEY } from "../../graphql/client";
import { createAppI18n } from "../../i18n";
import { schemaServer } from "../../test/schemaServer";
import MailOutboxList from "./MailOutboxList.vue";

type Mail = {
  id: string;
  kind: string;
  to: string;
  subject: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string;
};

/** 30 mails; the third failed, the rest were sent. */
function mails(): Mail[] {
  return Array.from({ length: 30 }, (_, i) => {
    const failed = i === 2;
    return {
      id: `m${i + 1}`,
      kind: "invitation",
      to: `ouder${i + 1}@example.nl`,
      subject: `Uitnodiging ${i + 1}`,
      status: failed ? "failed" : "sent",
      attempts: failed ? 5 : 1,
      lastError: failed ? "Het e-mailadres bestaat niet bij de ontvanger." : null,
      createdAt: "2026-03-03T13:30:00.000Z",
      sentAt: failed ? null : "2026-03-03T13:31:00.000Z",
      nextAttemptAt: "2026-03-03T13:30:00.000Z",
    };
  });
}

function page<T>(rows: T[], first: number, after: string | null) {
  const start = after ? Number(after) : 0;
  const slice = rows.slice(start, start + first);
  return {
    totalCount: rows.length,
    pageInfo: { hasNextPage: start + first < rows.length, endCursor: String(start + slice.length) },
    edges: slice.map((node) => ({ cursor: String(start + 1), node })),
  };
}

async function settle() {
  for (let i = 0; i < 5; i += 1) {
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

async function mountList() {
  const stored = mails();
  const server = schemaServer({
    mailOutbox: ({
      first,
      after,
      status,
    }: {
      first: number;
      after: string | null;
      status: string | null;
    }) =>
      page(
        stored.filter((m) => !status || m.status === status),
        first,
        after,
      ),
  });
  const list = mount(MailOutboxList, {
    attachTo: document.body,
    global: {
      plugins: [createAppI18n("nl")],
      provide: { [GRAPHQL_KEY as symbol]: server.graphql },
    },
  });
  await settle();
  return { list, server };
}

type List = Awaited<ReturnType<typeof mountList>>["list"];
const button = (list: List, text: string) => {
  const found = list.findAll("button").find((b) => b.text() === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
};

describe("the mail outbox", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("shows a failed mail with its reason, in Dutch and Amsterdam time", async () => {
    const { list } = await mountList();
    const cards = list.findAll(".mail-card");
    expect(cards).toHaveLength(25);
    const failed = cards[2];
    expect(failed?.text()).toContain("Mislukt");
    expect(failed?.text()).toContain("ouder3@example.nl");
    expect(failed?.text()).toContain("Uitnodiging");
    expect(failed?.text()).toContain("Het e-mailadres bestaat niet bij de ontvanger.");
    expect(failed?.text()).toContain("3 mrt 2026");
    expect(failed?.text()).toContain("14:30");
    expect(cards[0]?.text()).toContain("Verstuurd");
    expect(cards[0]?.text()).not.toContain("Reden");
  });

  it("filters on status", async () => {
    const { list, server } = await mountList();
    await button(list, "Mislukt").trigger("click");
    await settle();
    expect(server.callsOf("MailOutbox").at(-1)).toMatchObject({ status: "failed" });
    expect(list.findAll(".mail-card")).toHaveLength(1);
    expect(button(list, "Mislukt").attributes("aria-pressed")).toBe("true");
    expect(list.text()).toContain("1 van 1");
  });

  it("loads the next page with the endCursor", async () => {
    const { list, server } = await mountList();
    expect(list.text()).toContain("25 van 30");
    await button(list, "Meer laden").trigger("click");
    await settle();
    expect(server.callsOf("MailOutbox").at(-1)).toMatchObject({ after: "25", first: 25 });
    expect(list.findAll(".mail-card")).toHaveLength(30);
    expect(list.text()).toContain("30 van 30");
    expect(list.findAll("button").some((b) => b.text() === "Meer laden")).toBe(false);
  });
});

import { type ConversationStatus, isLive, type Role } from "@driehoek/domain";
import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { clearSession, setSession } from "../../composables/useSession";
import { GRAPHQL_KEY } from "../../graphql/client";
import type { ConversationChangeKind } from "../../graphql/operations";
import { withI18n } from "../../test/i18n";
import { schemaServer } from "../../test/schemaServer";
import SignoffPanel from "./SignoffPanel.vue";
import { signoffFixture } from "./signoffFixture";
import { makeSignature, PARTICIPANTS } from "./testRecord";

/** The conversation's data and a server answering from it. */
function serve(initial: Parameters<typeof signoffFixture>[0] = {}) {
  const fixture = signoffFixture(initial);
  return { ...fixture, ...schemaServer(fixture.resolvers) };
}

function mountPanel(
  server: ReturnType<typeof serve>,
  myRole: Role | null,
  status: ConversationStatus = server.state.status,
) {
  const i18n = withI18n();
  return mount(SignoffPanel, {
    props: { conversationId: "c1", status, myRole, participants: PARTICIPANTS },
    attachTo: document.body,
    global: {
      ...i18n.global,
      provide: { [GRAPHQL_KEY as symbol]: server.graphql },
      stubs: { RouterLink: { template: "<a><slot /></a>" } },
    },
  });
}

type Panel = ReturnType<typeof mountPanel>;

/** The server announces that `kinds` of the conversation changed, as its event bus does. */
function announce(server: ReturnType<typeof serve>, ...kinds: ConversationChangeKind[]): void {
  server.publish("conversationChanged", {
    conversationId: "c1",
    kinds,
    phase: isLive(server.state.status) ? "afronden" : null,
    section: null,
    startedAt: null,
    sectionStartedAt: null,
    status: server.state.status,
    version: server.state.revision,
  });
}

/** Lets the server answer (its replies come after a timer tick) and the page render. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await flushPromises();
  }
}

const button = (panel: Panel, name: string) => {
  const found = panel.findAll("button").find((b) => b.text() === name);
  if (!found) throw new Error(`no button "${name}" in: ${panel.text()}`);
  return found;
};
const hasButton = (panel: Panel, name: string) =>
  panel.findAll("button").some((b) => b.text() === name);

describe("SignoffPanel", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("lets a participant sign exactly the record on their screen", async () => {
    const server = serve();
    const panel = mountPanel(server, "student");
    await settle();
    expect(panel.find("[data-role=student]").attributes("data-state")).toBe("pending");
    expect(panel.text()).toContain(`met controlecode ${server.hash().slice(0, 8)}`);

    await button(panel, "Akkoord geven").trigger("click");
    await settle();

    expect(server.callsOf("SignConversation").map((v) => v.contentHash)).toEqual([server.hash()]);
    expect(panel.find("[data-role=student]").attributes("data-state")).toBe("signed");
    expect(panel.text()).toContain("Je hebt akkoord gegeven op");
    expect(hasButton(panel, "Akkoord geven")).toBe(false);
    panel.unmount();
  });

  it("does not sign a record that changed since it was loaded, and shows the new one", async () => {
    const server = serve();
    const panel = mountPanel(server, "praktijkopleider");
    await settle();
    const loaded = server.hash();

    // Meanwhile the student rewrites the summary.
    server.state.record = { ...server.state.record, summary: "Een nieuwe samenvatting." };
    server.state.revision += 1;
    await button(panel, "Akkoord geven").trigger("click");
    await settle();

    expect(server.callsOf("SignConversation")).toEqual([]);
    expect(server.hash()).not.toBe(loaded);
    const notice = panel.find("[data-field=record-changed]");
    expect(notice.text()).toContain("je akkoord is nog niet gegeven");
    expect(notice.text()).toContain(server.hash().slice(0, 8));
    expect(document.activeElement).toBe(notice.element);
    expect(panel.find("[data-field=summary]").text()).toBe("Een nieuwe samenvatting.");

    // Having read it, they sign the version now on screen.
    await button(panel, "Akkoord geven").trigger("click");
    await settle();
    expect(server.callsOf("SignConversation").map((v) => v.contentHash)).toEqual([server.hash()]);
    panel.unmount();
  });

  it("reads the record again when the server says it changed, and a change just before the click stops it", async () => {
    const server = serve();
    const panel = mountPanel(server, "student");
    await settle();
    expect(server.openSubscriptions("conversationChanged")).toBe(1);
    expect(panel.find("[data-field=record-changed]").exists()).toBe(false);

    server.state.record = { ...server.state.record, summary: "Aangevuld door de student." };
    server.state.revision += 1;
    // A move of the phase says nothing about the record: nothing is read again.
    announce(server, "PHASE");
    await settle();
    expect(server.callsOf("Signoff")).toHaveLength(1);
    expect(panel.text()).not.toContain("Aangevuld door de student.");

    announce(server, "RECORD");
    await settle();
    expect(server.callsOf("Signoff")).toHaveLength(2);
    expect(panel.find("[data-field=summary]").text()).toBe("Aangevuld door de student.");
    expect(panel.find("[data-field=record-changed]").text()).toContain(
      "Het verslag is gewijzigd sinds je het opende",
    );

    // Clicked a moment after the new version appeared: it cannot have been read yet.
    await button(panel, "Akkoord geven").trigger("click");
    await settle();
    expect(server.callsOf("SignConversation")).toEqual([]);
    expect(panel.find("[data-field=record-changed]").text()).toContain(
      "je akkoord is nog niet gegeven",
    );
    panel.unmount();
    // Nothing listens any more once the panel is gone.
    expect(server.openSubscriptions("conversationChanged")).toBe(0);
  });

  it("shows an akkoord given elsewhere as soon as the server announces it", async () => {
    const server = serve();
    const panel = mountPanel(server, "student");
    await settle();
    const state = () => panel.find("[data-role=praktijkopleider]").attributes("data-state");
    expect(state()).toBe("pending");

    server.state.signatures.push(makeSignature("praktijkopleider", { contentHash: server.hash() }));
    await settle();
    expect(state()).toBe("pending");

    announce(server, "SIGNATURES");
    await settle();
    expect(state()).toBe("signed");
    expect(panel.find("[aria-live=polite]").text()).toContain("Praktijkopleider");
    panel.unmount();
  });

  it("shows the conclusion the begeleider saved on another screen once it is announced", async () => {
    const server = serve({ status: "live" });
    const panel = mountPanel(server, "student");
    await settle();
    server.state.conclusion = "voor";
    announce(server, "CONCLUSION");
    await settle();
    expect(panel.find("[data-conclusion-of=bpv_begeleider]").text()).toContain("Ik loop voor");
    panel.unmount();
  });

  it("reads everything again after the live connection comes back", async () => {
    const server = serve();
    const panel = mountPanel(server, "student");
    await settle();
    server.state.signatures.push(makeSignature("bpv_begeleider", { contentHash: server.hash() }));
    server.reconnect();
    await settle();
    expect(panel.find("[data-role=bpv_begeleider]").attributes("data-state")).toBe("signed");
    panel.unmount();
  });

  it("says so when the server refuses because the content changed at the last moment", async () => {
    const server = serve();
    const panel = mountPanel(server, "student");
    await settle();
    server.failing.signConversation = { code: "CONFLICT", reason: "content_changed" };
    await button(panel, "Akkoord geven").trigger("click");
    await settle();
    expect(panel.find("[data-field=record-changed]").text()).toContain(
      "je akkoord is nog niet gegeven",
    );
    expect(panel.find("[role=alert]").exists()).toBe(false);
    panel.unmount();
  });

  it("shows a voided akkoord to everyone, with what changed, from what to what, and by whom", async () => {
    const server = serve();
    server.state.signatures.push({
      isValid: false,
      changes: [
        {
          area: "agreement",
          kind: "changed",
          number: 2,
          field: "measure",
          before: "Een planning",
          after: "Een afgetekende planning",
          changedBy: [{ id: "p-student", name: "Sanne de Vries" }],
        },
      ],
      person: { id: "p-bpv_begeleider", name: "Bram Bakker", role: "bpv_begeleider" },
      signature: {
        id: "s1",
        role: "bpv_begeleider",
        method: "digital",
        contentHash: "0".repeat(64),
        signedAt: "2026-03-03T10:15:00.000Z",
        voidedAt: "2026-03-03T10:16:00.000Z",
        voidReason: "De inhoud is gewijzigd na ondertekening; opnieuw ondertekenen.",
      },
    });
    const panel = mountPanel(server, "student");
    await settle();
    const row = panel.find("[data-role=bpv_begeleider]");
    expect(row.text()).toContain(
      "Vervallen: de inhoud is na ondertekening gewijzigd — onderteken opnieuw",
    );
    const change = row.find(".record-change[data-field=measure]");
    expect(change.find(".record-change-what").text()).toBe(
      "Sanne de Vries wijzigde afspraak 2: Meetbaar",
    );
    expect(change.find("del").text()).toBe("was: Een planning");
    expect(change.find("ins").text()).toBe("nu: Een afgetekende planning");
    panel.unmount();
  });

  it("lets the begeleider judge otherwise than the student, with a motivation, and shows that they differ", async () => {
    const server = serve({ status: "live" });
    server.state.studentConclusion = "voor";
    const panel = mountPanel(server, "bpv_begeleider");
    await settle();
    const mine = panel.find("[data-conclusion-of=bpv_begeleider]");
    await mine.find("input[value=achter]").setValue(true);
    // A differing judgement waits for its motivation; once typed, it saves itself.
    await settle();
    expect(server.callsOf("SetConclusion")).toEqual([]);
    await mine.find("textarea").setValue("Nog twee werkprocessen open.");
    await mine.find("textarea").trigger("blur");
    await settle();

    expect(server.callsOf("SetConclusion")).toEqual([
      { conversationId: "c1", conclusion: "achter", motivation: "Nog twee werkprocessen open." },
    ]);
    expect(panel.find("[data-field=conclusions-differ]").text()).toBe(
      "De BPV-begeleider beoordeelt het anders dan de student.",
    );
    // The student's own view is shown, not editable by the begeleider.
    expect(panel.find("[data-conclusion-of=student] .conclusion-form").exists()).toBe(false);
    expect(panel.find("[data-conclusion-of=student]").text()).toContain("Ik loop voor");
    panel.unmount();
  });

  it("shows the praktijkopleider both conclusions read-only", async () => {
    const server = serve({ status: "live" });
    server.state.conclusion = "op_schema";
    const panel = mountPanel(server, "praktijkopleider");
    await settle();
    expect(panel.findAll(".conclusion-form")).toHaveLength(0);
    expect(panel.find("[data-conclusion-of=bpv_begeleider]").text()).toContain(
      "Ik loop op schema (op de nominale lijn)",
    );
    expect(hasButton(panel, "Gesprek beëindigen")).toBe(false);
    panel.unmount();
  });

  it("lets the begeleider end the conversation after confirming", async () => {
    const server = serve({ status: "live" });
    const panel = mountPanel(server, "bpv_begeleider");
    await settle();
    await button(panel, "Gesprek beëindigen").trigger("click");
    expect(server.callsOf("EndConversation")).toEqual([]);
    await button(panel, "Ja, gesprek beëindigen").trigger("click");
    await settle();
    expect(server.callsOf("EndConversation")).toHaveLength(1);
    // The page shows the ended conversation's record; that is not a change to warn about.
    await panel.setProps({ status: "ended" });
    await settle();
    expect(hasButton(panel, "Akkoord geven")).toBe(true);
    expect(panel.find("[data-field=record-changed]").exists()).toBe(false);
    panel.unmount();
  });

  it("before ending, lists the agreements that are not yet SMART; going on takes one click and is shown in the record", async () => {
    const server = serve({ status: "live" });
    server.state.notSmartAgreements = [
      { id: "a2", number: 2, text: "Beter plannen", missing: ["S", "M", "T"] },
    ];
    const panel = mountPanel(server, "bpv_begeleider");
    await settle();
    await button(panel, "Gesprek beëindigen").trigger("click");
    const check = panel.find("[data-check=not-smart]");
    expect(check.text()).toContain("Deze afspraak is nog niet SMART.");
    const listed = check.find("[data-number='2']");
    expect(listed.text()).toContain("Afspraak 2: Beter plannen");
    expect(listed.find(".not-smart-missing").text()).toBe(
      "Nog niet: Specifiek, Meetbaar, Tijdgebonden",
    );
    await button(panel, "Toch beëindigen").trigger("click");
    await settle();
    expect(server.callsOf("EndConversation")).toEqual([
      { conversationId: "c1", acceptNotSmart: true },
    ]);
    await panel.setProps({ status: "ended" });
    await settle();
    expect(panel.find("[data-field=not-smart-accepted]").text()).toContain(
      "Bram Bakker beëindigde het gesprek op",
    );
    // Before the akkoord each participant reads which agreements are not SMART.
    expect(panel.find("section.sign-box").text()).toContain(
      "Let op: deze afspraak is nog niet SMART.",
    );
    panel.unmount();
  });

  it("shows the check when the server refuses the end because an agreement just became not SMART", async () => {
    const server = serve({ status: "live" });
    const panel = mountPanel(server, "bpv_begeleider");
    await settle();
    server.state.notSmartAgreements = [{ id: "a1", number: 1, text: "Oefenen", missing: ["S"] }];
    await button(panel, "Gesprek beëindigen").trigger("click");
    await button(panel, "Ja, gesprek beëindigen").trigger("click");
    await settle();
    expect(server.callsOf("EndConversation")).toEqual([
      { conversationId: "c1", acceptNotSmart: false },
    ]);
    expect(panel.find("[data-check=not-smart]").text()).toContain("Afspraak 1: Oefenen");
    expect(panel.find("[role=alert]").exists()).toBe(false);
    await button(panel, "Toch beëindigen").trigger("click");
    await settle();
    expect(server.callsOf("EndConversation").at(-1)).toEqual({
      conversationId: "c1",
      acceptNotSmart: true,
    });
    panel.unmount();
  });

  it("keeps a conclusion whose save failed, says so, and saves it on retry", async () => {
    const server = serve({ status: "live" });
    const panel = mountPanel(server, "student");
    await settle();
    server.failing.setStudentConclusion = { code: "CONFLICT", reason: "stale" };
    const mine = panel.find("[data-conclusion-of=student]");
    await mine.find("input[value=op_schema]").setValue(true);
    await settle();
    expect(mine.find(".conclusion-state").attributes("data-state")).toBe("failed");
    expect(mine.text()).toContain("blijven op dit apparaat bewaard");
    delete server.failing.setStudentConclusion;
    await button(panel, "Nu opnieuw proberen").trigger("click");
    await settle();
    expect(server.state.studentConclusion).toBe("op_schema");
    expect(mine.find(".conclusion-state").attributes("data-state")).toBe("saved");
    expect(mine.find("[role=alert]").exists()).toBe(false);
    panel.unmount();
  });

  it("records the signed paper form only after the begeleider confirms it", async () => {
    const server = serve();
    const panel = mountPanel(server, "bpv_begeleider");
    await settle();
    await button(panel, "Papieren formulier is ondertekend").trigger("click");
    expect(panel.text()).toContain(`begint met ${server.hash().slice(0, 8)}`);
    await button(panel, "Annuleren").trigger("click");
    expect(server.callsOf("RecordPaperSignatures")).toEqual([]);

    await button(panel, "Papieren formulier is ondertekend").trigger("click");
    await button(panel, "Ja, vastleggen").trigger("click");
    await settle();
    expect(server.callsOf("RecordPaperSignatures")).toHaveLength(1);
    expect(panel.find("[data-state=locked]").exists()).toBe(true);
    panel.unmount();
  });

  it("says so when the invite stops opening the conversation once it is locked", async () => {
    setSession({
      accessToken: "t",
      role: "praktijkopleider",
      conversationId: "c1",
      expiresAt: "2999-01-01T00:00:00.000Z",
      person: { id: "p-praktijkopleider", name: "Peter Jansen", role: "praktijkopleider" },
    });
    try {
      const server = serve();
      const panel = mountPanel(server, "praktijkopleider");
      await settle();
      expect(hasButton(panel, "Akkoord geven")).toBe(true);

      for (const field of ["conversation", "signConversation", "verifyRecord"]) {
        server.failing[field] = { code: "UNAUTHENTICATED", reason: "token_refused" };
      }
      announce(server, "SIGNATURES");
      await settle();
      expect(panel.find("[data-field=invite-closed]").text()).toContain(
        "Je uitnodigingslink opent dit gesprek niet meer",
      );
      expect(hasButton(panel, "Akkoord geven")).toBe(false);
      expect(hasButton(panel, "PDF downloaden")).toBe(false);
      panel.unmount();
    } finally {
      clearSession();
    }
  });

  it("shows the lock to whoever gave the third akkoord, and their invite keeps the record open", async () => {
    setSession({
      accessToken: "t",
      role: "student",
      conversationId: "c1",
      expiresAt: "2999-01-01T00:00:00.000Z",
      person: { id: "p-student", name: "Sanne de Vries", role: "student" },
    });
    try {
      const server = serve();
      server.state.signatures.push(
        makeSignature("praktijkopleider"),
        makeSignature("bpv_begeleider"),
      );
      const panel = mountPanel(server, "student");
      await settle();
      await button(panel, "Akkoord geven").trigger("click");
      await settle();
      expect(panel.find("[data-state=locked]").text()).toContain("Vastgelegd");
      expect(panel.find("[data-field=record-hash]").text().replaceAll(" ", "")).toBe(server.hash());
      await settle();
      expect(panel.find("[data-field=invite-closed]").exists()).toBe(false);
      expect(hasButton(panel, "PDF downloaden")).toBe(true);
      expect(hasButton(panel, "Akkoord geven")).toBe(false);
      panel.unmount();
    } finally {
      clearSession();
    }
  });

  it("offers the participants' akkoord only, not to a reader", async () => {
    const server = serve();
    const panel = mountPanel(server, null);
    await settle();
    expect(hasButton(panel, "Akkoord geven")).toBe(false);
    expect(panel.text()).toContain("Je leest mee.");
    panel.unmount();
  });

  it("once locked, shows the hash and checks the record on request", async () => {
    const server = serve({ status: "signed" });
    server.state.signedAt = "2026-03-03T10:40:00.000Z";
    const panel = mountPanel(server, "student");
    await settle();
    expect(panel.find("h3").text()).toContain("Vastgelegd");
    expect(panel.find("[data-field=record-hash]").text().replaceAll(" ", "")).toBe(server.hash());
    expect(hasButton(panel, "Akkoord geven")).toBe(false);
    expect(panel.findAll(".conclusion-form")).toHaveLength(0);
    expect(panel.find("[data-field=next-proposal]").text()).toContain("2026");
    // Every date shown with the record is written as the record writes it: "3 maart 2026",
    // never "di 3 mrt 2026" beside it.
    expect(panel.find("[data-state=locked]").text()).toContain("3 maart 2026 11:40");
    expect(panel.text()).not.toMatch(/\b\d{1,2} (jan|feb|mrt|apr|jun|jul|aug|sep|okt|nov|dec)\b/);
    expect(panel.text()).not.toMatch(/\b(ma|di|wo|do|vr|za|zo) \d{1,2} /);

    await button(panel, "Controleer").trigger("click");
    await settle();
    expect(panel.find("[data-field=verify-result]").text()).toContain("Klopt");

    server.state.verification = {
      isLocked: true,
      isIntact: false,
      signaturesMatch: false,
      storedHash: server.hash(),
      computedHash: "0".repeat(64),
    };
    await button(panel, "Controleer").trigger("click");
    await settle();
    expect(panel.find("[data-field=verify-result]").text()).toContain("Let op");
    panel.unmount();
  });

  it("lets the begeleider plan the next conversation on the proposed date, and shows it planned", async () => {
    const server = serve();
    const others = mountPanel(server, "student");
    const panel = mountPanel(server, "bpv_begeleider");
    await settle();
    expect(panel.find("[data-field=next-proposal]").text()).toContain("1 september 2026");
    expect(hasButton(others, "Volgend gesprek plannen")).toBe(false);
    expect((panel.find("#next-date").element as HTMLInputElement).value).toBe("2026-09-01");
    // The picker stops at the placement's last day, which the server would refuse after.
    expect(panel.get("#next-date").attributes("max")).toBe("2027-06-30");
    expect(panel.get("[data-field=last-date]").text()).toContain("30 juni 2027");

    await button(panel, "Volgend gesprek plannen").trigger("submit");
    await settle();
    expect(server.state.planned).toHaveLength(1);
    const planned = server.state.planned[0]?.scheduledAt as string;
    // The same time of day as this conversation (10:00 in Amsterdam), on the proposed date.
    expect(planned).toBe("2026-09-01T08:00:00.000Z");
    expect(panel.find("[data-field=next-planned]").text()).toContain(
      "Het volgende gesprek is gepland op",
    );
    expect(hasButton(panel, "Volgend gesprek plannen")).toBe(false);
    // Planned, it is the answer: no other date proposed beside it, and no boxed, indented line.
    expect(panel.find("[data-field=next-proposal]").exists()).toBe(false);
    expect(panel.text()).not.toContain("Voorgestelde datum");
    expect(panel.get("[data-field=next-planned]").classes()).not.toContain("notice");
    // The others see the same.
    expect(others.find("[data-field=next-proposal]").exists()).toBe(false);
    others.unmount();
    panel.unmount();
  });

  it("offers a begeleider who came in through their invite link to log in for planning, not a form that fails", async () => {
    setSession({
      accessToken: "t",
      role: "bpv_begeleider",
      conversationId: "c1",
      expiresAt: "2999-01-01T00:00:00.000Z",
      person: { id: "p-bpv_begeleider", name: "Bram Bakker", role: "bpv_begeleider" },
    });
    try {
      const server = serve();
      const panel = mountPanel(server, "bpv_begeleider");
      await settle();
      expect(hasButton(panel, "Volgend gesprek plannen")).toBe(false);
      const login = panel.find("[data-field=next-login] a");
      expect(login.text()).toBe("Log in om het volgende gesprek te plannen");
      expect(login.attributes("href")).toBe(`/?redirect=${encodeURIComponent("/")}`);
      panel.unmount();
    } finally {
      clearSession();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Person } from "../../src/modules/people/person.entity.js";
import { Placement } from "../../src/modules/placement/placement.entity.js";
import { testDatabases } from "../support/database.js";
import { buildSchool, loginAs, type TestSchool } from "../support/factories.js";
import { codeOf, startTestServer, type TestServer } from "../support/server.js";
import { type ReceivedMail, type SmtpInbox, startSmtpInbox } from "./mail-inbox.js";

const SANNE = "sanne.visser@student.test";
const KEES = "kees@bytewerk.test";
const MARIEKE = "m.devries@school.test";

const SCHEDULE = `mutation($input: ScheduleConversationInput!) {
  scheduleConversation(input: $input) { conversation { id } invites { invite { id role } url } }
}`;
const MOVE = `mutation($id: ID!, $at: DateTimeISO!, $minutes: Int!, $location: String) {
  moveConversation(conversationId: $id, startsAt: $at, durationMinutes: $minutes, location: $location) {
    id scheduledAt durationMinutes endsAt location
  }
}`;
const CANCEL = `mutation($id: ID!, $reason: String) {
  cancelConversation(conversationId: $id, reason: $reason) { id }
}`;
const JOIN = `mutation($token: String!) { joinWithInvite(token: $token) { accessToken role conversationId } }`;
const REISSUE = `mutation($id: ID!) { reissueInvite(inviteId: $id) { invite { id role } url } }`;
const RESEND = `mutation($id: ID!) { resendInvite(inviteId: $id) { invite { id } url } }`;

describe.each(testDatabases())("planning with invitations by mail on %s", (kind) => {
  let inbox: SmtpInbox;
  let server: TestServer;
  let school: TestSchool;
  let marieke: string;

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    server = await startTestServer(kind, {
      config: { smtpUrl: inbox.url, mailFrom: "Driehoek <driehoek@school.test>", mailPollMs: 50 },
    });
    school = await buildSchool(server.services);
    const manager = server.services.dataSource.manager;
    await manager.update(Person, { id: school.students.sanne.personId }, { email: SANNE });
    await manager.update(Person, { id: school.trainers.kees }, { email: KEES, locale: "en" });
    marieke = await loginAs(server, school.staff.marieke);
  });
  afterAll(async () => {
    await server?.close();
    await inbox?.close();
  });

  /** Plans a conversation of Sanne's placement over the API, as Marieke. */
  const plan = async (at: string, extra: Record<string, unknown> = {}) => {
    const result = await server.gql(
      SCHEDULE,
      { input: { placementId: school.students.sanne.placementId, scheduledAt: at, ...extra } },
      marieke,
    );
    expect(result.errors).toBeUndefined();
    return result.data?.scheduleConversation;
  };
  /** The mails about conversation `id` to `address`, once `count` of them arrived. */
  const mailsAbout = async (id: string, address: string, count: number) => {
    const uid = `${id}@driehoek`;
    const about = () => inbox.to(address).filter((m) => m.event?.uid === uid);
    const until = Date.now() + 5_000;
    while (about().length < count && Date.now() < until)
      await new Promise((r) => setTimeout(r, 20));
    expect(about()).toHaveLength(count);
    return about();
  };
  const tokenOf = (mail: ReceivedMail) => String(mail.link).split("/join/")[1];

  it("planning mails each participant their own link and a calendar invite in Europe/Amsterdam", async () => {
    // 30 March 2026 is summer time: 12:00 UTC is 14:00 in Amsterdam.
    const planned = await plan("2026-03-30T12:00:00.000Z", {
      durationMinutes: 45,
      location: "Bytewerk, Coolsingel 10, Rotterdam",
    });
    const id = planned.conversation.id;
    const [sanne] = await mailsAbout(id, SANNE, 1);
    expect(sanne.subject).toContain("Uitnodiging BPV-gesprek Sanne Visser");
    expect(sanne.text).toContain("Beste Sanne Visser,");
    expect(sanne.text).toContain("nodigt je uit voor het BPV-gesprek van Sanne Visser");
    expect(sanne.text).toContain("maandag 30 maart 2026, 14:00–14:45");
    expect(sanne.text).toContain("Bytewerk, Coolsingel 10, Rotterdam");
    expect(sanne.method).toBe("REQUEST");
    expect(sanne.ics).toContain("DTSTART;TZID=Europe/Amsterdam:20260330T140000");
    expect(sanne.ics).toContain("BEGIN:VTIMEZONE");
    expect(sanne.event?.start.toISOString()).toBe("2026-03-30T12:00:00.000Z");
    expect(sanne.event?.end?.toISOString()).toBe("2026-03-30T12:45:00.000Z");
    expect(sanne.event?.start.tz).toBe("Europe/Amsterdam");
    expect(Number(sanne.event?.sequence)).toBe(0);
    expect(sanne.event?.location).toBe("Bytewerk, Coolsingel 10, Rotterdam");

    // The praktijkopleider prefers English.
    const [kees] = await mailsAbout(id, KEES, 1);
    expect(kees.subject).toContain("Invitation: BPV conversation Sanne Visser");
    expect(kees.text).toContain("Monday, 30 March 2026, 14:00–14:45");
    // The begeleider gets the calendar entry too, as the one who planned it, not as a guest.
    const [marieke] = await mailsAbout(id, MARIEKE, 1);
    expect(marieke.text).toContain("Je hebt het BPV-gesprek van Sanne Visser");
    expect(marieke.text).not.toContain("nodigt je uit");

    // Each link opens the conversation, in the recipient's own role.
    for (const [mail, role] of [
      [sanne, "student"],
      [kees, "praktijkopleider"],
    ] as const) {
      expect(mail.link?.startsWith(`${server.url}/join/`)).toBe(true);
      const joined = await server.gql(JOIN, { token: tokenOf(mail) });
      expect(joined.data?.joinWithInvite).toMatchObject({ role, conversationId: id });
      const read = await server.gql(
        "query($id: ID!) { conversation(id: $id) { id myRole durationMinutes location } }",
        { id },
        joined.data?.joinWithInvite.accessToken,
      );
      expect(read.data?.conversation).toEqual({
        id,
        myRole: role,
        durationMinutes: 45,
        location: "Bytewerk, Coolsingel 10, Rotterdam",
      });
    }
  });

  it("moving sends an update of the same calendar entry with a higher SEQUENCE", async () => {
    const id = (await plan("2026-03-30T12:00:00.000Z")).conversation.id;
    const [invitation] = await mailsAbout(id, SANNE, 1);
    // 26 March is still winter time: 09:30 UTC is 10:30 in Amsterdam.
    const moved = await server.gql(
      MOVE,
      { id, at: "2026-03-26T09:30:00.000Z", minutes: 40, location: "School, lokaal B2.14" },
      marieke,
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data?.moveConversation).toMatchObject({
      scheduledAt: "2026-03-26T09:30:00.000Z",
      endsAt: "2026-03-26T10:10:00.000Z",
      location: "School, lokaal B2.14",
    });
    const [, update] = await mailsAbout(id, SANNE, 2);
    expect(update.subject).toContain("Gewijzigd: BPV-gesprek Sanne Visser");
    expect(update.method).toBe("REQUEST");
    expect(update.event?.uid).toBe(invitation.event?.uid);
    expect(Number(update.event?.sequence)).toBeGreaterThan(Number(invitation.event?.sequence));
    expect(update.ics).toContain("DTSTART;TZID=Europe/Amsterdam:20260326T103000");
    expect(update.event?.start.toISOString()).toBe("2026-03-26T09:30:00.000Z");
    // The link stays the same and keeps working.
    expect(update.link).toBe(invitation.link);
    expect(codeOf(await server.gql(JOIN, { token: tokenOf(update) }))).toBeUndefined();
    const [keesUpdate] = (await mailsAbout(id, KEES, 2)).slice(1);
    expect(keesUpdate.subject).toContain("Changed: BPV conversation");
  });

  it("cancelling sends a CANCEL of the same entry; the conversation and its links are gone", async () => {
    const id = (await plan("2026-03-31T08:00:00.000Z")).conversation.id;
    const [invitation] = await mailsAbout(id, SANNE, 1);
    const cancelled = await server.gql(CANCEL, { id, reason: "Sanne is ziek." }, marieke);
    expect(cancelled.errors).toBeUndefined();
    const [, cancel] = await mailsAbout(id, SANNE, 2);
    expect(cancel.subject).toContain("Afgezegd: BPV-gesprek Sanne Visser");
    expect(cancel.method).toBe("CANCEL");
    expect(cancel.ics).toContain("STATUS:CANCELLED");
    expect(cancel.event?.uid).toBe(invitation.event?.uid);
    expect(Number(cancel.event?.sequence)).toBeGreaterThan(Number(invitation.event?.sequence));
    expect(cancel.text).toContain("Reden: Sanne is ziek.");
    expect(cancel.link).toBeNull();
    const join = await server.gql(JOIN, { token: tokenOf(invitation) });
    expect(codeOf(join)).toBe("UNAUTHENTICATED");
    const read = await server.gql(
      "query($id: ID!) { conversation(id: $id) { id } }",
      { id },
      marieke,
    );
    expect(codeOf(read)).toBe("NOT_FOUND");
  });

  it("only the placement's begeleider or an admin moves and cancels, and only before it starts", async () => {
    const id = (await plan("2026-04-01T08:00:00.000Z")).conversation.id;
    const at = "2026-04-02T08:00:00.000Z";
    const joost = await loginAs(server, school.staff.joost);
    const [sanne] = await mailsAbout(id, SANNE, 1);
    const student = (await server.gql(JOIN, { token: tokenOf(sanne) })).data?.joinWithInvite
      .accessToken;
    for (const token of [joost, student]) {
      expect(codeOf(await server.gql(MOVE, { id, at, minutes: 40 }, token))).toBe("FORBIDDEN");
      expect(codeOf(await server.gql(CANCEL, { id }, token))).toBe("FORBIDDEN");
    }
    const fleur = await loginAs(server, school.staff.fleur);
    const byAdmin = await server.gql(MOVE, { id, at, minutes: 40 }, fleur);
    expect(byAdmin.data?.moveConversation.scheduledAt).toBe(at);

    const start = `mutation($id: ID!) { startConversation(conversationId: $id) { status } }`;
    expect((await server.gql(start, { id }, marieke)).errors).toBeUndefined();
    const late = await server.gql(
      MOVE,
      { id, at: "2026-04-03T08:00:00.000Z", minutes: 40 },
      marieke,
    );
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "not_planned" });
    expect(codeOf(await server.gql(CANCEL, { id }, marieke))).toBe("CONFLICT");
  });

  it("reissuing revokes the old link at once and mails a new one that works; resend repeats it", async () => {
    const planned = await plan("2026-04-06T08:00:00.000Z");
    const id = planned.conversation.id;
    const studentInvite = planned.invites.find(
      (i: { invite: { role: string } }) => i.invite.role === "student",
    ).invite.id;
    const [first] = await mailsAbout(id, SANNE, 1);
    const session = (await server.gql(JOIN, { token: tokenOf(first) })).data?.joinWithInvite
      .accessToken;
    expect(codeOf(await server.gql("{ me { name } }", {}, session))).toBeUndefined();

    const reissued = await server.gql(REISSUE, { id: studentInvite }, marieke);
    expect(reissued.errors).toBeUndefined();
    const newUrl: string = reissued.data?.reissueInvite.url;
    expect(newUrl).not.toBe(first.link);

    const oldJoin = await server.gql(JOIN, { token: tokenOf(first) });
    expect(oldJoin.errors?.[0]?.extensions).toMatchObject({
      code: "UNAUTHENTICATED",
      reason: "invite_revoked",
    });
    expect(codeOf(await server.gql("{ me { name } }", {}, session))).toBe("UNAUTHENTICATED");

    const [, second] = await mailsAbout(id, SANNE, 2);
    expect(second.link).toBe(newUrl);
    expect(second.subject).toContain("Uitnodiging BPV-gesprek");
    const fresh = await server.gql(JOIN, { token: tokenOf(second) });
    expect(fresh.data?.joinWithInvite).toMatchObject({ role: "student", conversationId: id });

    // Resending the new link sends the same link again; the revoked one cannot be resent.
    const newInvite = reissued.data?.reissueInvite.invite.id;
    expect((await server.gql(RESEND, { id: newInvite }, marieke)).errors).toBeUndefined();
    const [, , third] = await mailsAbout(id, SANNE, 3);
    expect(third.link).toBe(newUrl);
    const again = await server.gql(RESEND, { id: studentInvite }, marieke);
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: "CONFLICT",
      reason: "invite_revoked",
    });

    // The begeleider sees whether each link's mail went out.
    const links = await server.gql(
      "query($id: ID!) { conversation(id: $id) { invites { invite { id revokedAt lastMail { status kind } } } } }",
      { id },
      marieke,
    );
    const view = links.data?.conversation.invites.find(
      (l: { invite: { id: string } }) => l.invite.id === newInvite,
    );
    expect(view.invite).toMatchObject({
      revokedAt: null,
      lastMail: { status: "sent", kind: "invitation" },
    });
  });
  it("a day after the placement's end date is refused, planning and moving alike", async () => {
    const manager = server.services.dataSource.manager;
    const { endDate } = await manager.findOneByOrFail(Placement, {
      id: school.students.sanne.placementId,
    });
    // 23:30 in Amsterdam on the last day is still that day; the next morning is not.
    const lastDay = new Date(`${endDate}T22:30:00.000Z`);
    const dayAfter = new Date(Date.parse(`${endDate}T09:00:00.000Z`) + 86400_000).toISOString();
    const refused = await server.gql(
      SCHEDULE,
      { input: { placementId: school.students.sanne.placementId, scheduledAt: dayAfter } },
      marieke,
    );
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      reason: "after_placement_end",
      params: { endDate },
    });

    const planned = await plan("2026-05-11T08:00:00.000Z");
    const moved = await server.gql(
      MOVE,
      { id: planned.conversation.id, at: dayAfter, minutes: 40 },
      marieke,
    );
    expect(moved.errors?.[0]?.extensions).toMatchObject({ reason: "after_placement_end" });
    const onLastDay = await server.gql(
      MOVE,
      { id: planned.conversation.id, at: lastDay.toISOString(), minutes: 40 },
      marieke,
    );
    expect(onLastDay.errors).toBeUndefined();
  });

  it("each link says whether its participant has an e-mail address to mail it to", async () => {
    const manager = server.services.dataSource.manager;
    await manager.update(Person, { id: school.students.sanne.personId }, { email: null });
    try {
      const planned = await server.gql(
        `mutation($input: ScheduleConversationInput!) {
          scheduleConversation(input: $input) { invites { invite { role } hasEmail } } }`,
        {
          input: {
            placementId: school.students.sanne.placementId,
            scheduledAt: "2026-05-18T08:00:00.000Z",
          },
        },
        marieke,
      );
      expect(planned.errors).toBeUndefined();
      const byRole = Object.fromEntries(
        planned.data?.scheduleConversation.invites.map(
          (l: { invite: { role: string }; hasEmail: boolean }) => [l.invite.role, l.hasEmail],
        ),
      );
      expect(byRole).toEqual({ student: false, praktijkopleider: true, bpv_begeleider: true });
    } finally {
      await manager.update(Person, { id: school.students.sanne.personId }, { email: SANNE });
    }
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { DAY, HOUR, MINUTE, TEST_START } from "../support/clock.js";
import { freshDatabase, testDatabases } from "../support/database.js";
import { buildSchool, joinAs, loginAs, STAFF_PASSWORD } from "../support/factories.js";
import { codeOf, startTestServer, type TestServer } from "../support/server.js";
import { useSchoolServer } from "../support/suite.js";

const LOGIN = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken role conversationId expiresAt person { name role } }
}`;
const JOIN = `mutation($token: String!) {
  joinWithInvite(token: $token) { accessToken role conversationId expiresAt person { name role } }
}`;
const ME = "{ me { name role } }";
const CONVERSATION = "query($id: ID!) { conversation(id: $id) { id status myRole } }";
const REVOKE = "mutation($id: ID!) { revokeInvite(inviteId: $id) { id revokedAt } }";

/** Changes one character in the middle of a token, keeping it well-formed. */
function tamper(token: string): string {
  const at = Math.floor(token.length / 2);
  const replacement = token[at] === "A" ? "B" : "A";
  return `${token.slice(0, at)}${replacement}${token.slice(at + 1)}`;
}

describe.each(testDatabases())("auth on %s", (kind) => {
  const suite = useSchoolServer(kind);
  afterEach(() => suite.server.clock.set(TEST_START));

  describe("login", () => {
    it("gives staff a token that identifies them, valid for 12 hours", async () => {
      const result = await suite.server.gql(LOGIN, {
        email: suite.school.staff.marieke.email,
        password: STAFF_PASSWORD,
      });
      expect(result.errors).toBeUndefined();
      expect(result.data?.login).toMatchObject({
        role: "bpv_begeleider",
        conversationId: null,
        expiresAt: new Date(TEST_START.getTime() + 12 * HOUR).toISOString(),
        person: { name: "Marieke de Vries", role: "bpv_begeleider" },
      });
      const me = await suite.server.gql(ME, {}, result.data?.login.accessToken);
      expect(me.data?.me).toEqual({ name: "Marieke de Vries", role: "bpv_begeleider" });
    });

    it("ignores the case of the e-mail address", async () => {
      const result = await suite.server.gql(LOGIN, {
        email: "M.DeVries@School.TEST",
        password: STAFF_PASSWORD,
      });
      expect(result.data?.login.person.name).toBe("Marieke de Vries");
    });

    it("refuses a wrong password as UNAUTHENTICATED, without a token", async () => {
      const result = await suite.server.gql(LOGIN, {
        email: suite.school.staff.marieke.email,
        password: `${STAFF_PASSWORD}x`,
      });
      expect(result.data).toBeNull();
      expect(codeOf(result)).toBe("UNAUTHENTICATED");
      expect(result.errors?.[0]?.extensions?.reason).toBe("bad_credentials");
    });

    it("refuses an unknown e-mail exactly like a wrong password", async () => {
      const wrongPassword = await suite.server.gql(LOGIN, {
        email: suite.school.staff.marieke.email,
        password: "not-the-password",
      });
      const unknown = await suite.server.gql(LOGIN, {
        email: "nobody@suite.school.test",
        password: STAFF_PASSWORD,
      });
      expect(codeOf(unknown)).toBe("UNAUTHENTICATED");
      expect(unknown.errors?.[0]?.message).toBe(wrongPassword.errors?.[0]?.message);
    });

    it("refuses a malformed e-mail address as BAD_USER_INPUT, without echoing the password", async () => {
      const password = "mijn-geheime-wachtwoord";
      const result = await suite.server.gql(LOGIN, { email: "not an address", password });
      expect(result.data).toBeNull();
      expect(codeOf(result)).toBe("BAD_USER_INPUT");
      expect(JSON.stringify(result.errors)).not.toContain(password);
    });
  });

  describe("invite links", () => {
    it("open their conversation for the invited person in their role", async () => {
      const conversation = suite.school.conversations.sanne;
      const result = await suite.server.gql(JOIN, { token: conversation.invites.student.token });
      expect(result.errors).toBeUndefined();
      expect(result.data?.joinWithInvite).toMatchObject({
        role: "student",
        conversationId: conversation.id,
        person: { name: "Sanne Visser", role: "student" },
      });
      const token = result.data?.joinWithInvite.accessToken;
      const opened = await suite.server.gql(CONVERSATION, { id: conversation.id }, token);
      expect(opened.data?.conversation).toEqual({
        id: conversation.id,
        status: "planned",
        myRole: "student",
      });
      expect((await suite.server.gql(ME, {}, token)).data?.me.name).toBe("Sanne Visser");
    });

    it("work from the full link's token for the praktijkopleider too", async () => {
      const invite = suite.school.conversations.sanne.invites.praktijkopleider;
      expect(invite.url).toBe(`${suite.server.url}/join/${invite.token}`);
      const result = await suite.server.gql(JOIN, { token: invite.token });
      expect(result.data?.joinWithInvite).toMatchObject({
        role: "praktijkopleider",
        person: { name: "Kees van Dijk" },
      });
    });

    it("can be used more than once, each time giving a working session", async () => {
      const invite = suite.school.conversations.sanne.invites.student;
      const first = await joinAs(suite.server, invite);
      suite.server.clock.advance(MINUTE);
      const second = await joinAs(suite.server, invite);
      expect(second).not.toBe(first);
      for (const token of [first, second]) {
        const me = await suite.server.gql(ME, {}, token);
        expect(me.data?.me.name).toBe("Sanne Visser");
      }
    });

    it("refuse garbage and tampered tokens as UNAUTHENTICATED", async () => {
      const { student, praktijkopleider } = suite.school.conversations.sanne.invites;
      const [otherId] = praktijkopleider.token.split(".");
      const [, signature] = student.token.split(".");
      for (const token of [
        "garbage",
        "a.b",
        tamper(student.token),
        `${otherId}.${signature}`,
        `${student.token}.extra`,
      ]) {
        const result = await suite.server.gql(JOIN, { token });
        expect(result.data, token).toBeNull();
        expect(codeOf(result), token).toBe("UNAUTHENTICATED");
      }
    });

    it("stop working when the begeleider revokes them, and so do their sessions", async () => {
      const conversation = suite.school.conversations.lotte;
      const session = await joinAs(suite.server, conversation.invites.student);
      expect((await suite.server.gql(CONVERSATION, { id: conversation.id }, session)).errors).toBe(
        undefined,
      );
      const marieke = await loginAs(suite.server, suite.school.staff.marieke);
      const revoked = await suite.server.gql(
        REVOKE,
        { id: conversation.invites.student.id },
        marieke,
      );
      expect(revoked.errors).toBeUndefined();
      expect(revoked.data?.revokeInvite.revokedAt).toBe(TEST_START.toISOString());

      const again = await suite.server.gql(JOIN, { token: conversation.invites.student.token });
      expect(codeOf(again)).toBe("UNAUTHENTICATED");
      expect(again.errors?.[0]?.extensions?.reason).toBe("invite_revoked");
      const old = await suite.server.gql(CONVERSATION, { id: conversation.id }, session);
      expect(old.data).toBeNull();
      expect(codeOf(old)).toBe("UNAUTHENTICATED");
      // The other participants' links are untouched.
      await expect(joinAs(suite.server, conversation.invites.praktijkopleider)).resolves.toBeTypeOf(
        "string",
      );
    });

    it("may be revoked only by the begeleider who leads the conversation", async () => {
      const conversation = suite.school.conversations.sanne;
      const joost = await loginAs(suite.server, suite.school.staff.joost);
      const trainer = await joinAs(suite.server, conversation.invites.praktijkopleider);
      for (const token of [joost, trainer]) {
        const result = await suite.server.gql(
          REVOKE,
          { id: conversation.invites.student.id },
          token,
        );
        expect(codeOf(result)).toBe("FORBIDDEN");
      }
      await expect(joinAs(suite.server, conversation.invites.student)).resolves.toBeTypeOf(
        "string",
      );
    });

    it("expire 14 days after the conversation, ending their sessions too", async () => {
      const invite = suite.school.conversations.daan.invites.student;
      const expiry = TEST_START.getTime() + HOUR + 14 * DAY;
      suite.server.clock.set(new Date(expiry - HOUR));
      const session = await joinAs(suite.server, invite);
      const joined = await suite.server.gql(JOIN, { token: invite.token });
      // A session never outlives its invite.
      expect(joined.data?.joinWithInvite.expiresAt).toBe(new Date(expiry).toISOString());
      expect((await suite.server.gql(ME, {}, session)).data?.me.name).toBe("Daan Mulder");

      suite.server.clock.set(new Date(expiry + MINUTE));
      const late = await suite.server.gql(JOIN, { token: invite.token });
      expect(codeOf(late)).toBe("UNAUTHENTICATED");
      expect(late.errors?.[0]?.extensions?.reason).toBe("invite_expired");
      expect(codeOf(await suite.server.gql(ME, {}, session))).toBe("UNAUTHENTICATED");
    });
  });

  describe("access tokens", () => {
    it("expire after their lifetime", async () => {
      const token = await loginAs(suite.server, suite.school.staff.ahmed);
      suite.server.clock.advance(12 * HOUR - MINUTE);
      expect((await suite.server.gql(ME, {}, token)).data?.me.name).toBe("Ahmed El Amrani");
      suite.server.clock.advance(2 * MINUTE);
      const expired = await suite.server.gql(ME, {}, token);
      expect(expired.data).toBeNull();
      expect(codeOf(expired)).toBe("UNAUTHENTICATED");
      expect(expired.errors?.[0]?.message).toMatch(/expired/);
    });

    it("cannot be forged: a garbled token or one with a changed role is refused", async () => {
      const token = await joinAs(suite.server, suite.school.conversations.sanne.invites.student);
      const [payload, signature] = token.split(".") as [string, string];
      const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
      const forged = Buffer.from(
        JSON.stringify({ sub: suite.school.staff.fleur.id, role: "admin", exp: claims.exp }),
      ).toString("base64url");
      for (const bad of ["garbage", tamper(token), `${forged}.${signature}`]) {
        const result = await suite.server.gql("{ placements { id } }", {}, bad);
        expect(result.data, bad).toBeNull();
        expect(codeOf(result), bad).toBe("UNAUTHENTICATED");
      }
    });

    it("without 'Bearer' in the header are refused, not ignored", async () => {
      const token = await loginAs(suite.server, suite.school.staff.fleur);
      const { body } = await suite.server.post(JSON.stringify({ query: ME }), {
        authorization: `Token ${token}`,
      });
      expect(body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    });
  });
});

describe.each(testDatabases())("a restart on %s", (kind) => {
  it("keeps issued tokens and invite links valid", async () => {
    const database = await freshDatabase(kind);
    const first = await startTestServer(kind, { database });
    let second: TestServer | undefined;
    try {
      const school = await buildSchool(first.services);
      const staffToken = await loginAs(first, school.staff.marieke);
      const inviteSession = await joinAs(first, school.conversations.sanne.invites.student);
      await first.stop();

      second = await startTestServer(kind, { database, clock: first.clock });
      expect((await second.gql(ME, {}, staffToken)).data?.me.name).toBe("Marieke de Vries");
      const opened = await second.gql(
        CONVERSATION,
        { id: school.conversations.sanne.id },
        inviteSession,
      );
      expect(opened.data?.conversation.myRole).toBe("student");
      const rejoined = await second.gql(JOIN, {
        token: school.conversations.sanne.invites.praktijkopleider.token,
      });
      expect(rejoined.data?.joinWithInvite.person.name).toBe("Kees van Dijk");
    } finally {
      await first.stop();
      if (second) await second.close();
      else await database.drop();
    }
  });
});

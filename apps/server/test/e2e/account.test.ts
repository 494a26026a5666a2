import { closeOf, collabTicket, openRaw } from "@driehoek/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditEntry } from "../../src/modules/audit/audit-entry.entity.js";
import { HOUR } from "../support/clock.js";
import { testDatabases } from "../support/database.js";
import { buildSchool, loginAs, type TestSchool } from "../support/factories.js";
import { codeOf, startTestServer, type TestServer } from "../support/server.js";
import { type SmtpInbox, startSmtpInbox } from "./mail-inbox.js";

const CREATE = `mutation($input: CreateStaffAccountInput!) {
  createStaffAccount(input: $input) { id name email role locale hasPassword deactivatedAt }
}`;
const SET_PASSWORD = `mutation($token: String!, $password: String!) { setPassword(token: $token, password: $password) }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken role } }`;
const CHANGE = `mutation($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }`;
const RESET = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const DEACTIVATE = `mutation($id: ID!) { deactivateAccount(personId: $id) { id deactivatedAt } }`;
const REACTIVATE = `mutation($id: ID!) { reactivateAccount(personId: $id) { id deactivatedAt } }`;
const ACCOUNTS = `query($search: String, $first: Int, $after: String) {
  staffAccounts(search: $search, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id name email role hasPassword deactivatedAt } }
  }
}`;
const ME = "{ me { id name } }";
const LINK_STATUS = `query($token: String!) { passwordLinkStatus(token: $token) }`;

/** The token at the end of the set-password link in a mail's text. */
function tokenIn(text: string): string {
  const match = /https?:\/\/\S+\/wachtwoord\/([A-Za-z0-9_-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no password link in: ${text}`);
  return match[1];
}

describe.each(testDatabases())("staff accounts on %s", (kind) => {
  let inbox: SmtpInbox;
  let server: TestServer;
  let school: TestSchool;
  let fleur: string;

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    server = await startTestServer(kind, { config: { smtpUrl: inbox.url, mailPollMs: 50 } });
    school = await buildSchool(server.services);
    fleur = await loginAs(server, school.staff.fleur);
  });
  afterAll(async () => {
    await server?.close();
    await inbox?.close();
  });

  const create = async (name: string, email: string, role = "bpv_begeleider", locale = "nl") =>
    server.gql(CREATE, { input: { name, email, role, locale } }, fleur);
  const login = (email: string, password: string) => server.gql(LOGIN, { email, password });

  it("an admin creates an account; the mailed link sets the password once, and the person logs in", async () => {
    const created = await create("Eva Jansen", "E.Jansen@school.test");
    expect(created.errors).toBeUndefined();
    expect(created.data?.createStaffAccount).toMatchObject({
      name: "Eva Jansen",
      email: "e.jansen@school.test",
      role: "bpv_begeleider",
      hasPassword: false,
      deactivatedAt: null,
    });
    const [mail] = await inbox.waitFor("e.jansen@school.test", 1);
    expect(mail?.subject).toBe("Je account voor Driehoek");
    expect(mail?.text).toContain("Beste Eva Jansen,");
    const token = tokenIn(mail?.text ?? "");
    // Without a password nobody logs in, whatever they type.
    expect(codeOf(await login("e.jansen@school.test", ""))).toBe("BAD_USER_INPUT");

    const tooShort = await server.gql(SET_PASSWORD, { token, password: "kort" });
    expect(codeOf(tooShort)).toBe("BAD_USER_INPUT");
    const set = await server.gql(SET_PASSWORD, { token, password: "een lange zin als wachtwoord" });
    expect(set.errors).toBeUndefined();
    const again = await server.gql(SET_PASSWORD, { token, password: "nog een ander wachtwoord" });
    expect(again.errors?.[0]?.extensions?.reason).toBe("password_link_used");

    const loggedIn = await login("e.jansen@school.test", "een lange zin als wachtwoord");
    expect(loggedIn.data?.login.role).toBe("bpv_begeleider");
    expect(codeOf(await login("e.jansen@school.test", "nog een ander wachtwoord"))).toBe(
      "UNAUTHENTICATED",
    );
    const audit = await server.services.dataSource.manager.findBy(AuditEntry, {
      subjectId: created.data?.createStaffAccount.id,
    });
    expect(audit.map((a) => a.action).sort()).toEqual(["account.created", "account.password_set"]);
  });

  it("a second account with the same e-mail address, a bad address or role is refused and adds nothing", async () => {
    const before = (await server.gql(ACCOUNTS, {}, fleur)).data?.staffAccounts.totalCount;
    const twice = await create("Eva J.", "e.jansen@school.test");
    expect(codeOf(twice)).toBe("CONFLICT");
    expect(twice.errors?.[0]?.extensions?.reason).toBe("email_taken");
    for (const [name, email, role] of [
      ["Niemand", "geen-adres", "bpv_begeleider"],
      ["Student", "s@school.test", "student"],
      ["   ", "leeg@school.test", "admin"],
    ] as const) {
      const refused = await create(name, email, role);
      expect(refused.errors?.[0]?.extensions?.code, `${name} ${email} ${role}`).toBe(
        "BAD_USER_INPUT",
      );
    }
    const after = (await server.gql(ACCOUNTS, {}, fleur)).data?.staffAccounts.totalCount;
    expect(after).toBe(before);
  });

  it("the admin finds accounts by part of the name or address, a page at a time", async () => {
    const names = async (search: string) =>
      (await server.gql(ACCOUNTS, { search }, fleur)).data?.staffAccounts.edges.map(
        (e: { node: { name: string } }) => e.node.name,
      );
    expect(await names("JANSEN")).toEqual(["Eva Jansen", "Petra Jansen"]);
    expect(await names("e.jansen@")).toEqual(["Eva Jansen"]);
    expect(await names("100%_")).toEqual([]);
    const first = await server.gql(ACCOUNTS, { first: 2 }, fleur);
    expect(first.data?.staffAccounts.pageInfo.hasNextPage).toBe(true);
    const rest = await server.gql(
      ACCOUNTS,
      { first: 50, after: first.data?.staffAccounts.pageInfo.endCursor },
      fleur,
    );
    const all = [
      ...(first.data?.staffAccounts.edges ?? []),
      ...(rest.data?.staffAccounts.edges ?? []),
    ].map((e: { node: { name: string } }) => e.node.name);
    expect(all).toHaveLength(first.data?.staffAccounts.totalCount);
    expect(all).toEqual([...all].sort());
  });

  it("a staff member changes their password with the current one", async () => {
    const eva = (await login("e.jansen@school.test", "een lange zin als wachtwoord")).data?.login
      .accessToken;
    const wrong = await server.gql(CHANGE, { current: "fout", next: "een nieuw wachtwoord" }, eva);
    expect(wrong.errors?.[0]?.extensions?.reason).toBe("wrong_password");
    const changed = await server.gql(
      CHANGE,
      { current: "een lange zin als wachtwoord", next: "een nieuw wachtwoord" },
      eva,
    );
    expect(changed.errors).toBeUndefined();
    expect(codeOf(await login("e.jansen@school.test", "een lange zin als wachtwoord"))).toBe(
      "UNAUTHENTICATED",
    );
    expect((await login("e.jansen@school.test", "een nieuw wachtwoord")).errors).toBeUndefined();
  });

  it("a reset request answers the same for an unknown address and mails only a known one", async () => {
    const mailsBefore = inbox.mails.length;
    const unknown = await server.gql(RESET, { email: "niemand@school.test" });
    expect(unknown.data).toEqual({ requestPasswordReset: true });
    const known = await server.gql(RESET, { email: "E.Jansen@school.test" });
    expect(known.data).toEqual(unknown.data);
    expect(known.errors).toBeUndefined();
    const mails = await inbox.waitFor("e.jansen@school.test", 2);
    expect(mails[1]?.subject).toBe("Nieuw wachtwoord voor Driehoek");
    await new Promise((r) => setTimeout(r, 300));
    expect(inbox.mails.length).toBe(mailsBefore + 1);
    expect(inbox.to("niemand@school.test")).toEqual([]);

    const token = tokenIn(mails[1]?.text ?? "");
    expect(
      (await server.gql(SET_PASSWORD, { token, password: "weer een wachtwoord" })).errors,
    ).toBeUndefined();
    expect((await login("e.jansen@school.test", "weer een wachtwoord")).errors).toBeUndefined();
  });

  it("a deactivated account's token is refused on its next request and it cannot log in; reactivated it can", async () => {
    const eva = await login("e.jansen@school.test", "weer een wachtwoord");
    const token = eva.data?.login.accessToken;
    const { data } = await server.gql(ME, {}, token);
    const evaId = data?.me.id;
    const deactivated = await server.gql(DEACTIVATE, { id: evaId }, fleur);
    expect(deactivated.errors).toBeUndefined();

    const refused = await server.gql(ME, {}, token);
    expect(codeOf(refused)).toBe("UNAUTHENTICATED");
    expect(refused.errors?.[0]?.message).toContain("deactivated");
    expect(codeOf(await login("e.jansen@school.test", "weer een wachtwoord"))).toBe(
      "UNAUTHENTICATED",
    );
    // Nor can a reset link bring it back.
    const before = inbox.to("e.jansen@school.test").length;
    await server.gql(RESET, { email: "e.jansen@school.test" });
    await new Promise((r) => setTimeout(r, 300));
    expect(inbox.to("e.jansen@school.test")).toHaveLength(before);

    expect(
      (await server.gql(REACTIVATE, { id: evaId }, fleur)).data?.reactivateAccount.deactivatedAt,
    ).toBeNull();
    expect((await login("e.jansen@school.test", "weer een wachtwoord")).errors).toBeUndefined();
    // The admin cannot shut themselves out.
    expect(codeOf(await server.gql(DEACTIVATE, { id: school.staff.fleur.id }, fleur))).toBe(
      "BAD_USER_INPUT",
    );
  });

  it("only an admin manages accounts", async () => {
    const marieke = await loginAs(server, school.staff.marieke);
    const ahmed = await loginAs(server, school.staff.ahmed);
    for (const token of [marieke, ahmed, undefined]) {
      const refused = await server.gql(
        CREATE,
        { input: { name: "X", email: "x@school.test", role: "admin" } },
        token,
      );
      expect(["FORBIDDEN", "UNAUTHENTICATED"]).toContain(codeOf(refused));
      expect(["FORBIDDEN", "UNAUTHENTICATED"]).toContain(
        codeOf(await server.gql(ACCOUNTS, {}, token)),
      );
      expect(["FORBIDDEN", "UNAUTHENTICATED"]).toContain(
        codeOf(await server.gql(DEACTIVATE, { id: school.staff.joost.id }, token)),
      );
    }
    expect(codeOf(await login("x@school.test", "whatever-it-is"))).toBe("UNAUTHENTICATED");
    expect((await loginAs(server, school.staff.joost)).length).toBeGreaterThan(0);
  });

  it("deactivating a begeleider closes the live conversation they have open", async () => {
    const marieke = await loginAs(server, school.staff.marieke);
    const room = school.conversations.sanne.id;
    const socket = openRaw(server, room, { ticket: await collabTicket(server.url, room, marieke) });
    await socket.greeted();
    const deactivated = await server.gql(DEACTIVATE, { id: school.staff.marieke.id }, fleur);
    expect(deactivated.errors).toBeUndefined();
    expect((await closeOf(socket)).code).toBe(4401);
    await expect(collabTicket(server.url, room, marieke)).rejects.toThrow(/UNAUTHENTICATED/);
    await server.gql(REACTIVATE, { id: school.staff.marieke.id }, fleur);
  });

  it("the link's page asks whether the link works without using it up", async () => {
    const created = await create("Iris Bos", "i.bos@school.test");
    expect(created.errors).toBeUndefined();
    const [mail] = await inbox.waitFor("i.bos@school.test", 1);
    const token = tokenIn(mail?.text ?? "");
    const status = async (t: string) =>
      (await server.gql(LINK_STATUS, { token: t })).data?.passwordLinkStatus;

    // Asked twice, anonymously: still valid, and the password can be set after it.
    expect(await status(token)).toBe("valid");
    expect(await status(token)).toBe("valid");
    expect(await status("zomaar-iets")).toBe("invalid");
    const set = await server.gql(SET_PASSWORD, { token, password: "een lange zin als wachtwoord" });
    expect(set.errors).toBeUndefined();
    expect(await status(token)).toBe("used");

    // A reset link expires after two hours; the status says so before anyone types.
    await server.gql(RESET, { email: "i.bos@school.test" });
    const [, reset] = await inbox.waitFor("i.bos@school.test", 2);
    const resetToken = tokenIn(reset?.text ?? "");
    expect(await status(resetToken)).toBe("valid");
    server.clock.advance(2 * HOUR + 1000);
    expect(await status(resetToken)).toBe("expired");
    // A token longer than any link has is refused as input.
    const long = await server.gql(LINK_STATUS, { token: "x".repeat(10_000) });
    expect(codeOf(long)).toBe("BAD_USER_INPUT");
  });

  it("an unused link stops working after 72 hours", async () => {
    const created = await create("Tom de Wit", "t.dewit@school.test", "trajectbegeleider", "en");
    expect(created.errors).toBeUndefined();
    const [mail] = await inbox.waitFor("t.dewit@school.test", 1);
    expect(mail?.subject).toBe("Your Driehoek account");
    const token = tokenIn(mail?.text ?? "");
    server.clock.advance(72 * HOUR + 1000);
    const expired = await server.gql(SET_PASSWORD, { token, password: "te laat voor dit" });
    expect(expired.errors?.[0]?.extensions?.reason).toBe("password_link_expired");
    const unknown = await server.gql(SET_PASSWORD, {
      token: "zomaar-iets",
      password: "te laat voor dit",
    });
    expect(unknown.errors?.[0]?.extensions?.reason).toBe("password_link_invalid");
    expect(codeOf(await login("t.dewit@school.test", "te laat voor dit"))).toBe("UNAUTHENTICATED");
  });
});

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PARTICIPANT_ROLES, type ParticipantRole } from "@driehoek/domain";
import type { ServerProcess, StaffLogin } from "@driehoek/test-support";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { joinAll, launchChromium, leaveAll, type Participant } from "./browser.js";
import { startConversationViaApi, startServer } from "./server.js";

/** Where the screens are saved (gitignored; made at run time). */
export const SCREENSHOT_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../screenshots",
);

/** What a test file gets: its own server (fresh database) and its own browser. */
export interface BrowserSuite {
  readonly server: ServerProcess;
  readonly browser: Browser;
}

/** The demo's staff login of the person named `name`. */
export function staffLogin(server: ServerProcess, name: string): StaffLogin {
  const login = server.staff.find((s) => s.name === name);
  if (!login) throw new Error(`the demo has no staff login for ${name}`);
  return login;
}

/**
 * Starts a fresh server and Chromium before the file's tests and stops both afterwards. Call at
 * the top of a `describeInBrowser` block. A failing test prints the server's last lines.
 */
export function useBrowserSuite(): BrowserSuite {
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
  });
  beforeEach((context) => {
    context.onTestFailed(() => {
      console.error(`server output (last lines):\n${server?.output.slice(-30).join("\n")}`);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  return {
    get server() {
      if (!server) throw new Error("the server has not started");
      return server;
    },
    get browser() {
      if (!browser) throw new Error("the browser has not started");
      return browser;
    },
  };
}

/**
 * Marks the file's tests as the steps of one story, each building on the last: once a step
 * has failed, the later steps are skipped, since they could only fail for the same reason. The
 * first failure is then the one reported, instead of a dozen time-outs that follow from it.
 */
export function useStorySteps(): void {
  let failedStep: string | undefined;
  beforeEach((context) => {
    if (failedStep) context.skip(`an earlier step failed: ${failedStep}`);
    context.onTestFailed(() => {
      failedStep ??= context.task.name;
    });
  });
}

/** Options for `useParticipants`. */
export interface ParticipantsOptions {
  /** Start the demo conversation over the API first, for tests about the live conversation. */
  started?: boolean;
}

/**
 * The demo conversation's three people, each on their own desktop device, joined from their
 * invite links before the file's tests (after `useBrowserSuite` has started) and gone after
 * them. Call right after `useBrowserSuite`; the participants are there once the tests run.
 */
export function useParticipants(
  suite: BrowserSuite,
  options: ParticipantsOptions = {},
): Record<ParticipantRole, Participant> {
  let people: Record<ParticipantRole, Participant> | undefined;
  beforeAll(async () => {
    if (options.started) await startConversationViaApi(suite.server);
    people = await joinAll(suite.browser, suite.server);
  });
  afterAll(async () => {
    if (people) await leaveAll(Object.values(people));
  });
  const joined = (role: ParticipantRole): Participant => {
    if (!people) throw new Error("the participants have not joined");
    return people[role];
  };
  const record = {} as Record<ParticipantRole, Participant>;
  for (const role of PARTICIPANT_ROLES)
    Object.defineProperty(record, role, { enumerable: true, get: () => joined(role) });
  return record;
}

/**
 * Saves each participant's whole page as `<moment>-<role>.png` in the screenshots folder, so a
 * person can look at what the three screens showed at a key moment.
 */
export async function screenshotAll(
  moment: string,
  participants: Iterable<Participant>,
): Promise<void> {
  await Promise.all(
    [...participants].map((p) =>
      p.page.screenshot({
        path: path.join(SCREENSHOT_DIR, `${moment}-${p.role}.png`),
        fullPage: true,
        animations: "disabled",
        caret: "initial",
      }),
    ),
  );
}

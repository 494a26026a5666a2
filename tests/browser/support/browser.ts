import { PARTICIPANT_ROLES, type ParticipantRole } from "@driehoek/domain";
import type { ServerProcess } from "@driehoek/test-support";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { describe } from "vitest";
import { CHROMIUM_PATH, hasChromium } from "./chromium.js";

/**
 * `describe` when Chromium is there, `describe.skip` when it is not (the global setup has
 * already said so, or failed the run when the browser is required).
 */
export const describeInBrowser = hasChromium ? describe : describe.skip;

/** How long a single browser action (click, fill, navigation) may take. */
export const ACTION_TIMEOUT_MS = 30_000;

/** Launches headless Chromium with the flags that keep it from stalling on these machines. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}

/** One person in the conversation: their own browser context (device) and page. */
export interface Participant {
  role: ParticipantRole;
  context: BrowserContext;
  page: Page;
}

/** The size of a device's screen, and whether it is a phone. */
export interface DeviceOptions {
  viewport?: { width: number; height: number };
  isMobile?: boolean;
  /** The device's time zone (an IANA name); the machine's own unless given. */
  timezoneId?: string;
}

/** A desktop screen: wide enough for the two-column layout. */
export const DESKTOP = { viewport: { width: 1280, height: 900 } } satisfies DeviceOptions;

/** Opens a fresh context (its own storage, like a separate device) with one page, in Dutch. */
export async function openDevice(
  browser: Browser,
  device: DeviceOptions = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: device.viewport,
    isMobile: device.isMobile ?? false,
    hasTouch: device.isMobile ?? false,
    deviceScaleFactor: device.isMobile ? 2 : 1,
    locale: "nl-NL",
    timezoneId: device.timezoneId,
  });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);
  return { context, page: await context.newPage() };
}

/** Opens a fresh device for `role`, follows their invite link and waits for the conversation page. */
export async function joinAs(
  browser: Browser,
  server: ServerProcess,
  role: ParticipantRole,
  device: DeviceOptions = DESKTOP,
): Promise<Participant> {
  const { context, page } = await openDevice(browser, device);
  await page.goto(server.invite(role));
  await page.waitForURL(/\/gesprek\//);
  await page.getByRole("heading", { level: 1, name: /BPV-gesprek met/ }).waitFor();
  return { role, context, page };
}

/** All three participants, each on their own device, in the banner's order. */
export async function joinAll(
  browser: Browser,
  server: ServerProcess,
  device: DeviceOptions = DESKTOP,
): Promise<Record<ParticipantRole, Participant>> {
  const [student, praktijkopleider, bpv_begeleider] = await Promise.all(
    PARTICIPANT_ROLES.map((role) => joinAs(browser, server, role, device)),
  );
  return {
    student: student as Participant,
    praktijkopleider: praktijkopleider as Participant,
    bpv_begeleider: bpv_begeleider as Participant,
  };
}

/** Closes every participant's context. */
export async function leaveAll(participants: Iterable<Participant>): Promise<void> {
  await Promise.all([...participants].map((p) => p.context.close().catch(() => undefined)));
}

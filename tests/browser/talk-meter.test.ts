import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { ParticipantRole } from "@driehoek/domain";
import {
  graphql,
  joinWithInvite,
  type ServerProcess,
  startServerProcess,
} from "@driehoek/test-support";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ACTION_TIMEOUT_MS, describeInBrowser, type Participant } from "./support/browser.js";
import { CHROMIUM_PATH } from "./support/chromium.js";
import { SCREENSHOT_DIR, screenshotAll } from "./support/suite.js";

/*
 * The 70 % meter end to end: one Chromium per participant, each with its own fake microphone
 * playing a generated WAV (the file is per browser process). The student's file holds 70 s of
 * voice in 100 s, the praktijkopleider's 30 s: in blocks of 10 s (7 s and 3 s of voice), so any
 * stretch of whole blocks the meter listens to holds the same 70 : 30, wherever each browser's
 * loop happens to be. The begeleider's device does not measure.
 *
 * By default the Silero speech model runs (served by the server itself, in headless Chromium);
 * TALK_DETECTOR=energy runs the lighter energy detector instead.
 */

const RATE = 16_000;
const DETECTOR = process.env.TALK_DETECTOR === "energy" ? "energy" : "vad";
/** How long the two devices listen: ten blocks of 10 s. */
const LISTEN_MS = Number(process.env.TALK_LISTEN_MS ?? 100_000);
/** The screens the indicator is looked at on. */
const SCREENS = {
  phone: { width: 390, height: 844 },
  tablet: { width: 820, height: 1180 },
  laptop: { width: 1280, height: 900 },
};
/** Ports of this test's server (its own range). */
const PORT = 4221;

/** Vowels as their first two formants (Hz): a, e, i, o, u. */
const VOWELS = [
  [750, 1250],
  [500, 1850],
  [300, 2250],
  [500, 900],
  [320, 800],
] as const;

/** How a formant at `center` (bandwidth `width`) passes frequency `f`. */
const resonance = (f: number, center: number, width: number) =>
  1 / (1 + ((f - center) / width) ** 2);

/**
 * A voice-like sound: harmonics of a moving pitch shaped by the formants of a vowel that changes
 * with every syllable, opened and closed at syllable rate (3–6 a second).
 */
function voice(out: Float32Array, from: number, seconds: number, f0: number, seed: number): void {
  let phase = 0;
  let syllable = 0;
  let rate = 4;
  let random = seed;
  const next = () => {
    random = (random * 16807) % 2147483647;
    return random / 2147483647;
  };
  let vowel = VOWELS[0] as readonly [number, number];
  let gains = new Float32Array(30);
  const shape = () => {
    gains = new Float32Array(30);
    for (let k = 1; k < 30; k++) {
      const f = k * f0;
      gains[k] =
        (resonance(f, vowel[0], 90) + 0.6 * resonance(f, vowel[1], 120) + 0.08) / Math.sqrt(k);
    }
  };
  shape();
  for (let i = 0; i < seconds * RATE; i++) {
    const t = i / RATE;
    const pitch =
      f0 * (1 + 0.12 * Math.sin(2 * Math.PI * 0.7 * t) + 0.05 * Math.sin(2 * Math.PI * 3.1 * t));
    phase += (2 * Math.PI * pitch) / RATE;
    syllable += rate / RATE;
    if (syllable >= 1) {
      syllable -= 1;
      rate = 3 + next() * 3;
      vowel = VOWELS[Math.floor(next() * VOWELS.length)] as readonly [number, number];
      shape();
    }
    const envelope = Math.sin(Math.PI * syllable) ** 2 * 0.9 + 0.1;
    let s = 0;
    for (let k = 1; k < 30 && k * pitch < RATE / 2; k++)
      s += (gains[k] as number) * Math.sin(k * phase);
    out[from * RATE + i] = (out[from * RATE + i] ?? 0) + 0.2 * s * envelope;
  }
}

/** `blocks` blocks of 10 s: quiet, then `speechSeconds` of voice at the block's end. */
function speakerWav(file: string, speechSeconds: number, f0: number, blocks = 10): void {
  const samples = new Float32Array(blocks * 10 * RATE);
  let random = 12345;
  for (let i = 0; i < samples.length; i++) {
    random = (random * 16807) % 2147483647;
    samples[i] = (random / 2147483647 - 0.5) * 0.002; // a quiet room
  }
  for (let b = 0; b < blocks; b++)
    voice(samples, b * 10 + (10 - speechSeconds), speechSeconds, f0, b + 1);
  const bytes = Buffer.alloc(44 + samples.length * 2);
  bytes.write("RIFF", 0);
  bytes.writeUInt32LE(36 + samples.length * 2, 4);
  bytes.write("WAVEfmt ", 8);
  bytes.writeUInt32LE(16, 16);
  bytes.writeUInt16LE(1, 20);
  bytes.writeUInt16LE(1, 22);
  bytes.writeUInt32LE(RATE, 24);
  bytes.writeUInt32LE(RATE * 2, 28);
  bytes.writeUInt16LE(2, 32);
  bytes.writeUInt16LE(16, 34);
  bytes.write("data", 36);
  bytes.writeUInt32LE(samples.length * 2, 40);
  samples.forEach((x, i) => {
    bytes.writeInt16LE(Math.round(Math.max(-1, Math.min(1, x)) * 32767), 44 + i * 2);
  });
  fs.writeFileSync(file, bytes);
}

function launchWithMicrophone(wav: string): Promise<Browser> {
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
      "--autoplay-policy=no-user-gesture-required",
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-audio-capture=${wav}`,
    ],
  });
}

/** The percent a screen's bar shows ("overall" or "phase"), or null. */
function shownPercent(page: Page, kind: "overall" | "phase"): Promise<number | null> {
  return shownPercentOf(page, kind);
}

/** The percent the bar of `kind` shows, or null. */
async function shownPercentOf(page: Page, kind: string): Promise<number | null> {
  const value = await page
    .locator(`[data-talk-share="${kind}"]`)
    .getAttribute("data-percent", { timeout: 1_000 })
    .catch(() => null);
  return value ? Number(value) : null;
}

describeInBrowser("the 70 % meter on three devices", () => {
  let server: ServerProcess;
  let folder: string;
  const browsers: Browser[] = [];
  const people = {} as Record<ParticipantRole, Participant>;
  /** Every request a page made to another origin than the server's. */
  const foreign: string[] = [];
  let conversationId = "";
  let begeleiderToken = "";

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-talk-"));
    const wavs: Record<ParticipantRole, string> = {
      student: path.join(folder, "student.wav"),
      praktijkopleider: path.join(folder, "praktijkopleider.wav"),
      bpv_begeleider: path.join(folder, "begeleider.wav"),
    };
    speakerWav(wavs.student, 7, 190);
    speakerWav(wavs.praktijkopleider, 3, 120);
    speakerWav(wavs.bpv_begeleider, 0, 100, 1);
    server = await startServerProcess({
      entry: createRequire(import.meta.url).resolve("@driehoek/server"),
      port: PORT,
    });
    const begeleider = await joinWithInvite(server.url, server.invite("bpv_begeleider"));
    conversationId = begeleider.conversationId;
    begeleiderToken = begeleider.accessToken;
    await graphql(
      server.url,
      "mutation($id: ID!) { startConversation(conversationId: $id) { status } }",
      { id: conversationId },
      begeleiderToken,
    );
    for (const role of ["student", "praktijkopleider", "bpv_begeleider"] as const) {
      const browser = await launchWithMicrophone(wavs[role]);
      browsers.push(browser);
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        locale: "nl-NL",
        permissions: ["microphone"],
      });
      context.setDefaultTimeout(ACTION_TIMEOUT_MS);
      await context.addInitScript((detector) => {
        localStorage.setItem("driehoek.talk.detector", detector);
        // Keeps every microphone stream the page opens, to check that turning off ends them.
        const streams: MediaStream[] = [];
        (window as unknown as { talkStreams: MediaStream[] }).talkStreams = streams;
        const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
        navigator.mediaDevices.getUserMedia = async (constraints) => {
          const stream = await open(constraints);
          streams.push(stream);
          return stream;
        };
      }, DETECTOR);
      const page = await context.newPage();
      page.on("request", (request) => {
        const url = request.url();
        if (url.startsWith("data:") || url.startsWith("blob:")) return;
        if (new URL(url).origin !== server.url) foreign.push(`${role}: ${url}`);
      });
      await page.goto(server.invite(role));
      await page.waitForURL(/\/gesprek\//);
      await page.locator("[data-talk-meter]").waitFor();
      people[role] = { role, context, page };
    }
  }, 180_000);

  afterAll(async () => {
    await Promise.all(browsers.map((b) => b.close().catch(() => undefined)));
    await server?.stop();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it(
    "measures the student at about 70 % on all three screens, and the record keeps it",
    async () => {
      // Off by default on every device, with the notice shown before anything listens.
      for (const person of Object.values(people)) {
        expect(await person.page.locator("[data-talk-meter]").getAttribute("data-state")).toBe(
          "off",
        );
      }
      for (const role of ["student", "praktijkopleider"] as const) {
        const page = people[role].page;
        await page.locator('[data-action="talk-on"]').click();
        await page.getByText("Driehoek luistert alleen óf je praat, niet wát je zegt").waitFor();
        await page.locator('[data-action="talk-consent"]').click();
      }
      for (const role of ["student", "praktijkopleider"] as const) {
        await expect
          .poll(() => people[role].page.locator("[data-talk-meter]").getAttribute("data-state"), {
            timeout: 60_000,
          })
          .toBe("on");
        expect(
          await people[role].page.locator("[data-talk-meter]").getAttribute("data-detector"),
        ).toBe(DETECTOR);
      }
      await people.student.page.waitForTimeout(LISTEN_MS);
      await screenshotAll("talk-meter-live", Object.values(people));
      // The indicator on a phone, a tablet and a laptop; the begeleider with tap mode open.
      await people.bpv_begeleider.page.locator('[data-action="talk-tap"]').click();
      for (const [name, viewport] of Object.entries(SCREENS)) {
        for (const role of ["student", "bpv_begeleider"] as const) {
          const page = people[role].page;
          await page.setViewportSize(viewport);
          // The new size may swap the layout (and the meter's element) under the scroll.
          await page.waitForTimeout(300);
          await page.locator("[data-talk-meter]").scrollIntoViewIfNeeded();
          await page.screenshot({
            path: path.join(SCREENSHOT_DIR, `talk-meter-${name}-${role}.png`),
            animations: "disabled",
          });
        }
      }
      await people.bpv_begeleider.page.locator('[data-action="talk-tap"]').click();
      for (const person of Object.values(people)) await person.page.setViewportSize(SCREENS.laptop);

      // Turning it off stops the microphone at once and sends the last stretch.
      for (const role of ["student", "praktijkopleider"] as const) {
        await people[role].page.locator('[data-action="talk-off"]').click();
        await expect
          .poll(() => people[role].page.locator("[data-talk-meter]").getAttribute("data-state"))
          .toBe("off");
        const tracks = await people[role].page.evaluate(() =>
          (window as unknown as { talkStreams: MediaStream[] }).talkStreams.flatMap((s) =>
            s.getTracks().map((t) => t.readyState),
          ),
        );
        expect(tracks.length).toBeGreaterThan(0);
        expect(tracks.every((state) => state === "ended")).toBe(true);
      }
      await people.student.page.waitForTimeout(1_500);
      const share = await graphql<{
        conversation: {
          talkShare: { studentShare: number; totals: { role: string; ms: number }[] };
        };
      }>(
        server.url,
        "query($id: ID!) { conversation(id: $id) { talkShare { studentShare totals { role ms } } } }",
        { id: conversationId },
        begeleiderToken,
      );
      const measured = share.conversation.talkShare;
      console.log(
        `talk meter (${DETECTOR}): student ${(measured.studentShare * 100).toFixed(1)} %, totals ${JSON.stringify(measured.totals)}`,
      );
      expect(measured.studentShare).toBeGreaterThanOrEqual(0.63);
      expect(measured.studentShare).toBeLessThanOrEqual(0.77);
      const expected = Math.round(measured.studentShare * 100);
      for (const person of Object.values(people)) {
        await expect
          .poll(() => shownPercent(person.page, "overall"), { message: `${person.role}'s screen` })
          .toBe(expected);
        await expect.poll(() => shownPercent(person.page, "phase")).toBe(expected);
      }

      // Nothing left the devices for any other origin while the meter ran.
      expect(foreign).toEqual([]);

      // The record keeps the share per phase.
      await graphql(
        server.url,
        "mutation($id: ID!) { endConversation(conversationId: $id, acceptNotSmart: true) { status } }",
        { id: conversationId },
        begeleiderToken,
      );
      const record = await graphql<{ conversation: { status: string; record: { json: string } } }>(
        server.url,
        "query($id: ID!) { conversation(id: $id) { status record { json } } }",
        { id: conversationId },
        begeleiderToken,
      );
      const talk = JSON.parse(record.conversation.record.json).talk;
      expect(talk.studentShare).toBeCloseTo(measured.studentShare, 3);
      expect(talk.phases).toEqual([expect.objectContaining({ phase: "inleiding" })]);
      expect(talk.phases[0].studentShare).toBeCloseTo(measured.studentShare, 3);
      // …and the record view shows it, overall and per phase: as the record holds it (talk
      // still measured between the query above and the end can move it across a rounding edge).
      const form = people.bpv_begeleider.page;
      await form.goto(`${server.url}/gesprek/${conversationId}/formulier`);
      await form.locator("[data-record-talk]").waitFor();
      expect(await shownPercentOf(form, "record")).toBe(Math.round(talk.studentShare * 100));
      expect(await shownPercentOf(form, "record-inleiding")).toBe(
        Math.round(talk.phases[0].studentShare * 100),
      );
      await form.locator("[data-record-talk]").screenshot({
        path: path.join(SCREENSHOT_DIR, "talk-meter-record.png"),
      });
    },
    LISTEN_MS + 150_000,
  );
});

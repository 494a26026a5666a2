import fs from "node:fs";

/** The Chromium these tests drive: CI installs Debian's package and sets CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Whether Chromium is there to drive. */
export const hasChromium = fs.existsSync(CHROMIUM_PATH);
/** With REQUIRE_BROWSER=1 (CI) a missing Chromium fails the run instead of skipping it. */
export const isBrowserRequired = process.env.REQUIRE_BROWSER === "1";

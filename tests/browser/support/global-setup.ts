import { CHROMIUM_PATH, hasChromium, isBrowserRequired } from "./chromium.js";

/** Says once, before any file runs, whether there is a browser to test with. */
export default function setup(): void {
  if (hasChromium) return;
  if (isBrowserRequired) {
    throw new Error(
      `REQUIRE_BROWSER=1 but there is no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`,
    );
  }
  console.warn(
    `browser tests skipped: no Chromium at ${CHROMIUM_PATH} (install it, or set CHROMIUM_PATH; REQUIRE_BROWSER=1 makes this an error)`,
  );
}

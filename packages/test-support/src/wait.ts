/** How long a test waits for something that should happen before calling it a failure. */
export const WAIT_MS = 5_000;

/** Polls `condition` (which may be async) every 10 ms until it holds; fails naming `what`. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = WAIT_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await pause(10);
  }
}

/** Resolves after `ms`: for "nothing more arrives" checks and paced typing, always short. */
export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

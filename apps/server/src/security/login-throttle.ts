import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { Config } from "../config.js";
import { callerIp } from "../log/request-id.js";
import { createLimiter, secondsToWait } from "./limiter.js";
import { tooManyAttempts } from "./wait-message.js";

/** Failures answered at once; every further one waits a little longer, up to the cap. */
const FREE_FAILURES = 2;
const DELAY_STEP_MS = 200;
const MAX_DELAY_MS = 1_000;

/** The wait before judging an attempt, after `failures` wrong passwords in the window. */
export function loginDelayMs(failures: number): number {
  return Math.min(Math.max(0, failures - FREE_FAILURES) * DELAY_STEP_MS, MAX_DELAY_MS);
}

const LOCKED = "Te veel mislukte pogingen om in te loggen. Inloggen is tijdelijk geblokkeerd.";

/** One login attempt under way: report how it ended. */
export interface LoginAttempt {
  /** The password was right: the address's count starts over. */
  succeeded(): Promise<void>;
  /** The password was wrong (or the account unusable): counts it; throws when that locks. */
  failed(): Promise<void>;
}

/**
 * Throttles password guessing, per e-mail address and per IP address: each wrong password
 * makes the next attempt wait a little longer, and `LOGIN_MAX_FAILURES` within a minute lock
 * the address for `LOGIN_LOCK_SECONDS` (the right password is refused too). The address is
 * counted as typed, whether or not an account has it, so a lock tells nothing about accounts.
 */
export class LoginThrottle {
  private readonly perAccount: RateLimiterAbstract;
  private readonly perIp: RateLimiterAbstract;

  constructor(private readonly config: Config) {
    this.perAccount = createLimiter(config, {
      name: "login-account",
      points: config.loginMaxFailures,
      durationSeconds: 60,
    });
    this.perIp = createLimiter(config, {
      name: "login-ip",
      points: config.loginIpMaxFailures,
      durationSeconds: 3600,
    });
  }

  /**
   * Starts one login attempt for `email`: refuses it while the address or the IP is locked,
   * and waits as long as earlier failures ask. Report the outcome on the returned attempt.
   */
  async begin(email: string): Promise<LoginAttempt> {
    const account = accountKey(email);
    const ip = callerIp();
    const ipState = await this.perIp.get(ip);
    if (ipState && ipState.consumedPoints >= this.config.loginIpMaxFailures) {
      throw this.locked(ipState.msBeforeNext);
    }
    // Counted before judging, so a burst of parallel guesses cannot all slip in before a lock.
    const state = await this.perAccount.penalty(account, 1);
    if (state.consumedPoints > this.config.loginMaxFailures) throw this.locked(state.msBeforeNext);
    await new Promise((r) => setTimeout(r, loginDelayMs(state.consumedPoints - 1)));
    return {
      succeeded: async () => {
        await this.perAccount.delete(account);
      },
      failed: async () => {
        const lockMs = this.config.loginLockSeconds * 1000;
        const ipAfter = await this.perIp.penalty(ip, 1);
        if (ipAfter.consumedPoints >= this.config.loginIpMaxFailures) {
          await this.perIp.block(ip, this.config.loginLockSeconds);
          throw this.locked(lockMs);
        }
        if (state.consumedPoints >= this.config.loginMaxFailures) {
          await this.perAccount.block(account, this.config.loginLockSeconds);
          throw this.locked(lockMs);
        }
      },
    };
  }

  private locked(msBeforeNext: number): Error {
    return tooManyAttempts(LOCKED, secondsToWait(msBeforeNext), "login_locked");
  }
}

/** The key of an e-mail address as typed: trimmed and lower-cased, like the lookup. */
function accountKey(email: string): string {
  return email.trim().toLowerCase();
}

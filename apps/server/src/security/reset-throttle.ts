import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { Config } from "../config.js";
import { callerIp } from "../log/request-id.js";
import { createLimiter, isLimitAnswer, secondsToWait } from "./limiter.js";
import { tooManyAttempts } from "./wait-message.js";

const TOO_OFTEN = "Er is te vaak een nieuw wachtwoord aangevraagd.";

/**
 * Limits password-reset requests per e-mail address (`RESET_MAX_PER_HOUR`) and per IP address
 * (`RESET_IP_MAX_PER_HOUR`), so nobody floods a mailbox or the outbox. Counted by the address
 * as typed, so the answer is the same whether or not an account has it.
 */
export class ResetThrottle {
  private readonly perAccount: RateLimiterAbstract;
  private readonly perIp: RateLimiterAbstract;

  constructor(config: Config) {
    this.perAccount = createLimiter(config, {
      name: "reset-account",
      points: config.resetMaxPerHour,
      durationSeconds: 3600,
    });
    this.perIp = createLimiter(config, {
      name: "reset-ip",
      points: config.resetIpMaxPerHour,
      durationSeconds: 3600,
    });
  }

  /** Counts one request for `email`; throws TOO_MANY_ATTEMPTS (with the wait) when over a limit. */
  async count(email: string): Promise<void> {
    try {
      await this.perIp.consume(callerIp(), 1);
      await this.perAccount.consume(email.trim().toLowerCase(), 1);
    } catch (error) {
      if (!isLimitAnswer(error)) throw error;
      throw tooManyAttempts(TOO_OFTEN, secondsToWait(error.msBeforeNext), "reset_throttled");
    }
  }
}
